/** The ratel JSON envelope `{code, message, data}` and the business codes this server uses. */
import type { ServerResponse } from 'node:http';

/**
 * Business codes (in the body; the HTTP status stays 200 for them, as the SDKs read only the body).
 * Values follow the codes the official clients know (floo-sdk-reference §5.6).
 */
export const RestCode = {
  OK: 200,
  /** Token missing, unknown or expired: clients log in again. */
  INVALID_TOKEN: 402,
  NOT_FOUND: 404,
  INTERNAL: 500,
  /** Invalid parameter (wrong type, missing field, bad JSON, bad username). */
  INVALID_PARAMETER: 10002,
  USER_EXISTS: 10004,
  /** Wrong user name, id or password (deliberately not telling which). */
  WRONG_PASSWORD: 11001,
  /** The app id is unknown. */
  APP_NOT_FOUND: 40000,
  /** The app is not in service. */
  APP_ABNORMAL: 40003,
} as const;

/** A request that must be answered with a non-200 business code. */
export class RestError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'RestError';
  }
}

/** Shorthand for an invalid-parameter error. */
export function invalid(message: string): RestError {
  return new RestError(RestCode.INVALID_PARAMETER, message);
}

/** CORS headers: browsers (the web demo, devtools) call from another origin with custom headers. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'app_id, access-token, content-type, x-requested-with',
  'Access-Control-Max-Age': '600',
};

/** Writes an envelope. */
export function sendEnvelope(res: ServerResponse, httpStatus: number, code: number, message: string, data: unknown): void {
  const body = JSON.stringify({ code, message, data: data === undefined ? null : data });
  res.writeHead(httpStatus, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

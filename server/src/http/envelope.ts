/** The ratel JSON envelope `{code, message, data}` and the business codes this server uses. */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

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
  /** The operation is not allowed for this user (e.g. a group that refuses all applications). */
  USER_PERMISSION_DENIED: 403,
  /** Group refusals (docs/social.md, "REST business codes of refusals"). */
  GROUP_NOT_EXIST: 20001,
  GROUP_NOT_MEMBER: 20002,
  GROUP_OWNER_CANNOT_LEAVE: 20003,
  GROUP_TRANSFER_NOT_ALLOWED: 20004,
  GROUP_MEMBER_PERMISSION_REQUIRED: 20005,
  GROUP_ADMIN_PERMISSION_REQUIRED: 20006,
  GROUP_OWNER_PERMISSION_REQUIRED: 20007,
  GROUP_APPLICATION_EXPIRED_OR_HANDLED: 20008,
  GROUP_INVITATION_EXPIRED_OR_HANDLED: 20009,
  GROUP_MEMBER_EXIST: 20010,
  GROUP_BLOCKLIST_EXIST: 20011,
  GROUP_MEMBER_BANNED: 20012,
  GROUP_CAPACITY_EXCEED_LIMIT: 20013,
  GROUP_EXCEED_LIMIT_USER_CREATE: 20014,
  GROUP_EXCEED_LIMIT_USER_JOIN: 20015,
  GROUP_KICK_TOO_MANY_TIMES: 20016,
  GROUP_EXCEED_LIMIT_GLOBAL: 20017,
  GROUP_MSG_NOTIFY_TYPE_UNKNOWN: 20018,
  GROUP_ANNOUNCEMENT_NOT_FOUND: 20020,
  GROUP_SHARED_FILE_NOT_FOUND: 20022,
  GROUP_SHARED_FILE_OPERATE_NOT_ALLOWED: 20023,
  /** File refusals (docs/rich-messages.md, "Files"): too large (HTTP 413), a type the slot does not take, an expired or used slot. */
  FILE_TOO_LARGE: 10030,
  FILE_TYPE_NOT_ALLOWED: 10031,
  FILE_SLOT_INVALID: 10032,
  /** The app id is unknown. */
  APP_NOT_FOUND: 40000,
  /** The app is not in service. */
  APP_ABNORMAL: 40003,
} as const;

/** A request that must be answered with a non-200 business code. */
export class RestError extends Error {
  /** `httpStatus`: 200 for business refusals; file transfers also use 403, 404, 413 and 416. */
  constructor(readonly code: number, message: string, readonly httpStatus = 200) {
    super(message);
    this.name = 'RestError';
  }
}

/**
 * A handler's answer that is not a JSON envelope (file bytes): the REST handler writes the status and
 * headers (plus CORS) and streams the body (none for HEAD).
 */
export class RawResponse {
  constructor(readonly status: number, readonly headers: Record<string, string | number>, readonly body?: Readable | Uint8Array) {}
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

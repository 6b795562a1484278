/** The parsed REST request handed to endpoint handlers, and input validation helpers. */
import type { IncomingMessage } from 'node:http';
import type { ServerContext } from '../context';
import type { AppRecord, UserRecord } from '../store/types';
import { invalid, RestCode, RestError } from './envelope';

/** A REST request after routing (and authentication when the route needs it). */
export interface RestRequest {
  ctx: ServerContext;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The JSON body of a POST (an object; `{}` when empty, and on `raw` routes). */
  body: Record<string, unknown>;
  /** The unread request stream, on `raw` routes only. */
  raw?: IncomingMessage;
  /** The app named by the `app_id` header (or query), when known. */
  app?: AppRecord;
  /** The token's user, on authenticated routes. */
  user?: UserRecord;
}

/** An authenticated request. */
export type AuthedRequest = RestRequest & { app: AppRecord; user: UserRecord };

/** Reads and parses a JSON object body of at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw invalid('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('request body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** An id given as a JSON number or a decimal string (official clients send both), below 2^53. */
export function parseIdValue(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[0-9]{1,16}$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n) && n > 0) return n;
  }
  throw invalid(`${field} must be a positive integer id`);
}

/** A list of ids (numbers or decimal strings), at most `max` long. */
export function parseIdList(value: unknown, field: string, max = 1000): number[] {
  if (!Array.isArray(value)) throw invalid(`${field} must be an array of ids`);
  if (value.length > max) throw invalid(`${field} holds more than ${max} ids`);
  return value.map((v) => parseIdValue(v, field));
}

/** A required non-empty string of at most `max` characters. */
export function requireString(value: unknown, field: string, max = 200): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(`${field} is required and must be a string`);
  if (value.length > max) throw invalid(`${field} is longer than ${max} characters`);
  return value;
}

/** An optional string (undefined when absent or null). */
export function optionalString(value: unknown, field: string, max = 2000): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  if (value.length > max) throw invalid(`${field} is longer than ${max} characters`);
  return value;
}

/** The app of a request that needs one (from the `app_id` header or query). */
export function requireApp(req: RestRequest): AppRecord {
  if (!req.app) throw new RestError(RestCode.APP_NOT_FOUND, 'unknown or missing app_id');
  return req.app;
}

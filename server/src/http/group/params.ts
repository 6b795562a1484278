/**
 * Reading group route parameters. Official clients send some POSTs ("Q" in floo-sdk-reference §5.2)
 * with their parameters in the query string and the others as JSON, so every parameter is read from
 * the JSON body first, then from the query string.
 */
import { invalid } from '../envelope';
import { parseIdList, parseIdValue, type AuthedRequest } from '../request';

/** The raw value of parameter `name` (body, then query), undefined when absent. */
export function param(req: AuthedRequest, name: string): unknown {
  const b = req.body[name];
  if (b !== undefined && b !== null) return b;
  const q = req.query.get(name);
  return q === null ? undefined : q;
}

/** A required id. */
export function idParam(req: AuthedRequest, name: string): number {
  return parseIdValue(param(req, name), name);
}

/** The `group_id` parameter. */
export function groupIdParam(req: AuthedRequest): number {
  return idParam(req, 'group_id');
}

/** A required, non-empty id list: a JSON array, or comma-separated ids in the query string. */
export function idListParam(req: AuthedRequest, name: string, max = 1000): number[] {
  let v = param(req, name);
  if (typeof v === 'string') v = v === '' ? [] : v.split(',').map((s) => s.trim());
  const ids = parseIdList(v, name, max);
  if (ids.length === 0) throw invalid(`${name} must name at least one id`);
  return [...new Set(ids)];
}

/** A required boolean: true/false, 1/0, or those as strings. */
export function boolParam(req: AuthedRequest, name: string): boolean {
  const v = param(req, name);
  if (v === true || v === 1 || v === 'true' || v === '1') return true;
  if (v === false || v === 0 || v === 'false' || v === '0') return false;
  throw invalid(`${name} is required and must be true or false`);
}

/** An integer (a JSON number or a decimal string) in [min, max]; `fallback` when absent, else required. */
export function intParam(req: AuthedRequest, name: string, min: number, max: number, fallback?: number): number {
  const v = param(req, name);
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback;
    throw invalid(`${name} is required`);
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?[0-9]{1,16}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw invalid(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** A string of at most `max` characters; required unless `fallback` is given (used when absent). */
export function stringParam(req: AuthedRequest, name: string, max: number, fallback?: string): string {
  const v = param(req, name);
  if (v === undefined) {
    if (fallback !== undefined) return fallback;
    throw invalid(`${name} is required`);
  }
  if (typeof v !== 'string') throw invalid(`${name} must be a string`);
  if (v.length > max) throw invalid(`${name} is longer than ${max} characters`);
  return v;
}

/** A ban or ban-all duration in minutes: a positive number, or -1 for "until lifted". */
export function durationParam(req: AuthedRequest): number {
  const d = intParam(req, 'duration', -1, 10 * 365 * 24 * 60);
  if (d === 0) throw invalid('duration must be a number of minutes above 0, or -1 for until lifted');
  return d;
}

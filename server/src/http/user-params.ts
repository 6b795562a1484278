/**
 * Parameters of the users and roster routes. The official clients send some POSTs with their
 * parameters in the query string and others as a JSON body, so every POST here accepts both (the body
 * wins). Unknown fields are refused with 10002, naming the accepted ones, so a typo never passes
 * silently; `ignored` lists names a client may send that have no effect here.
 */
import { hashToken } from '../auth/tokens';
import type { UserRecord } from '../store/types';
import { invalid } from './envelope';
import { optionalString, parseIdValue, requireString, type AuthedRequest, type RestRequest } from './request';
import { refusal, RosterCode } from './user-codes';

/** Names that may appear on any request: some clients repeat the app id and token in the query. */
const TRANSPORT = new Set(['app_id', 'access-token']);

/** The parameters of one request. */
export class Params {
  private readonly body: Record<string, unknown>;

  /** Throws 10002 when the request holds a field outside `allowed` and `ignored`. */
  constructor(private readonly req: RestRequest, allowed: readonly string[], ignored: readonly string[] = []) {
    this.body = req.body;
    const known = new Set([...allowed, ...ignored, ...TRANSPORT]);
    for (const name of [...Object.keys(req.body), ...req.query.keys()]) {
      if (!known.has(name)) {
        const list = allowed.length > 0 ? allowed.join(', ') : 'none';
        throw invalid(`unknown field ${JSON.stringify(name.slice(0, 64))}; fields: ${list}`);
      }
    }
  }

  /** The raw value: the body's, else the query string's (a string), else undefined. */
  get(name: string): unknown {
    const v = this.body[name];
    if (v !== undefined) return v;
    return this.req.query.get(name) ?? undefined;
  }

  /** True when the field was given (null counts as absent). */
  has(name: string): boolean {
    const v = this.get(name);
    return v !== undefined && v !== null;
  }

  /** A required id (number or decimal string). */
  id(name: string): number {
    return parseIdValue(this.get(name), name);
  }

  /** A required non-empty string. */
  string(name: string, max: number): string {
    return requireString(this.get(name), name, max);
  }

  /** An optional string (may be empty). */
  optionalString(name: string, max: number): string | undefined {
    return optionalString(this.get(name), name, max);
  }

  /** An optional integer in [min, max]; query strings must be decimal. */
  optionalInt(name: string, min: number, max: number): number | undefined {
    const v = this.get(name);
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^-?[0-9]{1,10}$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw invalid(`${name} must be an integer from ${min} to ${max}`);
    return n;
  }

  /** An optional boolean: true/false, or 1/0 (numbers or strings, as query strings carry them). */
  optionalBool(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined || v === null) return undefined;
    if (v === true || v === 1 || v === 'true' || v === '1') return true;
    if (v === false || v === 0 || v === 'false' || v === '0') return false;
    throw invalid(`${name} must be true or false`);
  }
}

/** Checks that a request has no parameters (10002 for any field but the app id and token). */
export function noParams(req: RestRequest): void {
  void new Params(req, []);
}

/** The sha256 of the token the request was authenticated with (handler.ts read the same places). */
export function callerTokenHash(req: AuthedRequest): string {
  const raw = req.headers['access-token'];
  const token = (Array.isArray(raw) ? raw[0] : raw) || req.query.get('access-token') || '';
  return hashToken(token);
}

/**
 * The device that made this REST call, as far as the server can tell: the one that last logged in
 * with the calling token (0 when none did, e.g. a REST-only client). Notices skip it.
 */
export async function callerDeviceSn(req: AuthedRequest): Promise<number> {
  const hash = callerTokenHash(req);
  const devices = await req.ctx.store.listUserDevices(req.user.id);
  return devices.find((d) => d.tokenHash === hash)?.sn ?? 0;
}

/** The other user named by `user_id`: an existing user of the caller's app, not the caller (10002, 10005). */
export async function otherUser(req: AuthedRequest, p: Params): Promise<UserRecord> {
  const id = p.id('user_id');
  if (id === req.user.id) throw invalid('user_id must be another user than yourself');
  const [user] = await req.ctx.store.getUsers(req.app.appId, [id]);
  if (!user) throw refusal(RosterCode.USER_NOT_EXIST, `user ${id} does not exist`);
  return user;
}

/** Login (`/token/user`, `/token/id`) and registration (`/user/register/v2`). */
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { hashToken, newToken } from '../auth/tokens';
import type { UserRecord } from '../store/types';
import { invalid, RestCode, RestError } from './envelope';
import { optionalString, parseIdValue, requireApp, requireString, type RestRequest } from './request';
import type { Route } from './routes';
import { profileView } from './views';

/** Letters (any script, so Chinese names work), digits and underscore; not all digits; no reserved prefix. */
const USERNAME = /^[\p{L}\p{N}_]{3,32}$/u;
const RESERVED_PREFIX = /^(maxim|mta)/i;

function wrongCredentials(): RestError {
  return new RestError(RestCode.WRONG_PASSWORD, 'wrong user name or password');
}

async function issueToken(req: RestRequest, user: UserRecord | undefined, password: string): Promise<unknown> {
  // Verify even for an unknown user, so response time does not reveal which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? req.ctx.dummyHash);
  if (!user || !ok) throw wrongCredentials();
  const token = newToken();
  const now = req.ctx.now();
  const expiresAt = now + req.ctx.options.tokenTtlMs;
  await req.ctx.store.saveToken(hashToken(token), user.id, expiresAt, now);
  // public_key is stored by the SDKs but never used on the wire; any string will do.
  return { token, user_id: user.id, public_key: randomBytes(16).toString('hex'), expire_time: expiresAt };
}

async function tokenByName(req: RestRequest): Promise<unknown> {
  const app = requireApp(req);
  const password = requireString(req.body.password, 'password', 256);
  const name = optionalString(req.body.name, 'name', 64);
  const mobile = optionalString(req.body.mobile, 'mobile', 32);
  if (!name && !mobile) throw invalid('name or mobile is required');
  const user = name ? await req.ctx.store.findUserByName(app.appId, name) : await req.ctx.store.findUserByMobile(app.appId, mobile as string);
  return issueToken(req, user, password);
}

async function tokenById(req: RestRequest): Promise<unknown> {
  const app = requireApp(req);
  const userId = parseIdValue(req.body.user_id, 'user_id');
  const password = requireString(req.body.password, 'password', 256);
  const user = await req.ctx.store.getUser(userId);
  return issueToken(req, user && user.appId === app.appId ? user : undefined, password);
}

async function register(req: RestRequest): Promise<unknown> {
  const app = requireApp(req);
  const username = requireString(req.body.username, 'username', 64);
  const password = requireString(req.body.password, 'password', 256);
  if (!USERNAME.test(username) || /^[0-9]+$/.test(username) || RESERVED_PREFIX.test(username)) {
    throw invalid('invalid username: 3-32 letters, digits or underscores, not all digits');
  }
  const passwordHash = await hashPassword(password, req.ctx.options.scryptCost);
  const user = await req.ctx.store.createUser({ appId: app.appId, username, passwordHash, now: req.ctx.now() });
  if (!user) throw new RestError(RestCode.USER_EXISTS, 'user already exists');
  return profileView(user);
}

/** Login and registration routes (no token needed). */
export const tokenRoutes: Route[] = [
  { method: 'POST', path: '/token/user', auth: false, handler: tokenByName },
  { method: 'POST', path: '/token/id', auth: false, handler: tokenById },
  { method: 'POST', path: '/user/register/v2', auth: false, handler: register },
];

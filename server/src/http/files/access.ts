/**
 * Who may put files into and read files from a conversation (docs/rich-messages.md, "Files"), the
 * secrets of slots and URLs, and the URLs themselves.
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from '../../auth/tokens';
import type { ServerContext } from '../../context';
import type { FileGrant } from '../../store/file-types';
import type { UserRecord } from '../../store/types';
import { banInForce } from '../../xsync/handlers/policy-group';
import { advertisedHost } from '../dns';
import { RestCode, RestError } from '../envelope';
import { access } from '../group/permissions';
import type { AuthedRequest, RestRequest } from '../request';
import { refusal, RosterCode } from '../user-codes';

/** A conversation a file is made for: 1 a user (1:1), 2 a group. */
export interface Target {
  type: 1 | 2;
  id: number;
}

/** A random URL-safe secret (`bytes` of entropy). */
export function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** `http(s)://host[:port]` as the client reached us (behind a TLS proxy: https). */
export function baseUrl(req: RestRequest): string {
  const protocol = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${protocol}://${advertisedHost(req)}`;
}

/** The download URL of a grant. */
export function downloadUrl(req: RestRequest, sign: string, avatar: boolean): string {
  return `${baseUrl(req)}/file/download/${avatar ? 'avatar' : 'chat'}?sign=${sign}`;
}

/** The user of the request's `access-token` (header or query), if valid. */
export async function tokenUser(req: RestRequest): Promise<UserRecord | undefined> {
  const h = req.headers['access-token'];
  const token = (Array.isArray(h) ? h[0] : h) || req.query.get('access-token') || '';
  if (token === '') return undefined;
  const record = await req.ctx.store.getToken(hashToken(token), req.ctx.now());
  return record && req.ctx.store.getUser(record.userId);
}

/**
 * Refuses unless the caller may send to `target`, with the codes of docs/social.md: an unknown user
 * 10005, a blocklist either way 10011 / 10014, an unknown group 20001, a non-member 20002, a banned
 * member 20012.
 */
export async function requireWritable(req: AuthedRequest, target: Target): Promise<void> {
  const me = req.user.id;
  if (target.type === 1) {
    const [peer] = await req.ctx.store.getUsers(req.app.appId, [target.id]);
    if (!peer) throw refusal(RosterCode.USER_NOT_EXIST, `user ${target.id} does not exist`);
    if (peer.id === me) return;
    const state = await req.ctx.store.getBlockState(me, peer.id);
    if (state === 'blocked') throw refusal(RosterCode.BLOCKED, 'you blocked this user');
    if (state === 'blockedBy') throw refusal(RosterCode.BLOCKED_BY, 'this user blocked you');
    return;
  }
  const { group, me: member } = await access(req, 'member', target.id);
  const now = req.ctx.now();
  if (banInForce(member.banExpireTime, now) || (member.role === 'member' && banInForce(group.banExpireTime, now))) {
    throw new RestError(RestCode.GROUP_MEMBER_BANNED, 'you may not send to this group now (banned)');
  }
}

/** True when `userId` may read through `grant` (public; one of the two users; a current group member). */
export async function mayRead(ctx: ServerContext, grant: FileGrant, userId: number | undefined): Promise<boolean> {
  if (grant.type === 0) return true;
  if (userId === undefined) return false;
  if (grant.type === 1) return userId === grant.convId || userId === grant.grantedBy;
  return ctx.store.isMember(grant.convId, userId);
}

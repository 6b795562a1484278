/**
 * Friends: the id list, user info and search, alias and ext, removal, and the personal blocklist.
 * Friend requests are in roster-apply.ts. Notices follow docs/social.md ("Roster").
 */
import { RosterNoticeType } from 'floo-miniprogram/protocol';
import type { UserRecord } from '../store/types';
import { publishRosterNotice } from '../xsync/notices';
import { invalid } from './envelope';
import { parseIdList, type AuthedRequest } from './request';
import { applyRoutes } from './roster-apply';
import type { Route } from './routes';
import { refusal, RosterCode } from './user-codes';
import { noParams, otherUser, Params } from './user-params';
import { rosterView } from './views';

/** Longest alias; ext is JSON text of up to 4000 characters. */
const MAX_ALIAS = 100;
const MAX_EXT = 4000;

/** Users with the caller's alias and private ext for those who are friends. */
async function viewsFor(req: AuthedRequest, users: UserRecord[]): Promise<Record<string, unknown>[]> {
  const entries = await req.ctx.store.getRosterEntries(req.user.id, users.map((u) => u.id));
  const byId = new Map(entries.map((e) => [e.friendId, e]));
  return users.map((u) => rosterView(u, byId.get(u.id)));
}

async function friendIds(req: AuthedRequest): Promise<unknown> {
  noParams(req);
  return req.ctx.store.listFriends(req.user.id);
}

async function rosterInfo(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['list']);
  // Official clients send ids as numbers, and as decimal strings for users they have no info on.
  const ids = parseIdList(p.get('list'), 'list');
  return viewsFor(req, await req.ctx.store.getUsers(req.app.appId, ids));
}

async function byName(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['username']);
  const name = p.string('username', 64);
  const user = await req.ctx.store.findUserByName(req.app.appId, name);
  if (!user) throw refusal(RosterCode.USER_NOT_EXIST, `no user named ${JSON.stringify(name)}`);
  return (await viewsFor(req, [user]))[0];
}

async function byId(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id']);
  const id = p.id('user_id');
  const [user] = await req.ctx.store.getUsers(req.app.appId, [id]);
  if (!user) throw refusal(RosterCode.USER_NOT_EXIST, `user ${id} does not exist`);
  return (await viewsFor(req, [user]))[0];
}

async function updateEntry(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id', 'alias', 'ext']);
  const friendId = p.id('user_id');
  const alias = p.optionalString('alias', MAX_ALIAS);
  const ext = p.optionalString('ext', MAX_EXT);
  if (alias === undefined && ext === undefined) throw invalid('alias or ext is required');
  const { ctx, user, app } = req;
  const entry = await ctx.store.updateRosterEntry(user.id, friendId, { alias, ext });
  if (!entry) throw refusal(RosterCode.NOT_FRIEND, `user ${friendId} is not your friend`);
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id], to: [friendId], type: RosterNoticeType.INFO_UPDATED,
    content: JSON.stringify({ user_id: friendId, alias: entry.alias, ext: entry.ext }),
  });
  return null;
}

async function remove(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id']);
  const friendId = p.id('user_id');
  const { ctx, user, app } = req;
  if (!(await ctx.store.removeFriends(user.id, friendId))) throw refusal(RosterCode.NOT_FRIEND, `user ${friendId} is not your friend`);
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id, friendId], to: [friendId], type: RosterNoticeType.REMOVED, content: '{}',
  });
  return null;
}

async function blockedList(req: AuthedRequest): Promise<unknown> {
  noParams(req);
  return req.ctx.store.listBlockedUsers(req.user.id);
}

async function block(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id']);
  const other = await otherUser(req, p);
  const { ctx, user, app } = req;
  if (!(await ctx.store.blockUser(user.id, other.id, ctx.now()))) throw refusal(RosterCode.BLOCKED, `user ${other.id} is already on your blocklist`);
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id], to: [other.id], type: RosterNoticeType.BLOCKED, content: '{}',
  });
  return null;
}

async function unblock(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id']);
  const otherId = p.id('user_id');
  const { ctx, user, app } = req;
  if (!(await ctx.store.unblockUser(user.id, otherId))) throw invalid(`user ${otherId} is not on your blocklist`);
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id], to: [otherId], type: RosterNoticeType.UNBLOCKED, content: '{}',
  });
  return null;
}

/** Roster routes. */
export const rosterRoutes: Route[] = [
  { method: 'GET', path: '/roster/list', auth: true, handler: friendIds },
  { method: 'POST', path: '/roster/list', auth: true, handler: rosterInfo },
  { method: 'GET', path: '/roster/name', auth: true, handler: byName },
  { method: 'GET', path: '/roster/id', auth: true, handler: byId },
  { method: 'POST', path: '/roster/ext', auth: true, handler: updateEntry },
  { method: 'POST', path: '/roster/delete', auth: true, handler: remove },
  { method: 'GET', path: '/roster/blocked_list', auth: true, handler: blockedList },
  { method: 'POST', path: '/roster/block', auth: true, handler: block },
  { method: 'POST', path: '/roster/unblock', auth: true, handler: unblock },
  ...applyRoutes,
];

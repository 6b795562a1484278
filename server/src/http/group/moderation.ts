/**
 * Kick, leave, the group blocklist and bans. Admins act on members, only the owner acts on admins,
 * nobody acts on the owner; the owner cannot leave without transferring first.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { RosterCode } from '../user-codes';
import { tellMembers } from './notify';
import { durationParam, idListParam } from './params';
import { access, requireAbove, requireMembers } from './permissions';

async function kick(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'admin');
  const ids = idListParam(req, 'user_list');
  requireAbove(req, me, await requireMembers(req.ctx, group.id, ids));
  await req.ctx.store.removeMembers(group.id, ids, 'kick', req.ctx.now());
  await tellMembers(req, group.id, GroupNoticeType.KICKED, { to: ids, also: ids });
  return null;
}

async function leave(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'member');
  if (me.role === 'owner') throw new RestError(RestCode.GROUP_OWNER_CANNOT_LEAVE, 'the owner must transfer the group before leaving');
  await req.ctx.store.removeMembers(group.id, [me.userId], 'leave', req.ctx.now());
  await tellMembers(req, group.id, GroupNoticeType.LEAVED, { to: [me.userId], also: [me.userId] });
  return null;
}

async function blockedList(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'admin');
  return req.ctx.store.listGroupBlocks(group.id);
}

async function block(req: AuthedRequest): Promise<unknown> {
  const { ctx } = req;
  const { group, me } = await access(req, 'admin');
  const ids = idListParam(req, 'user_list');
  const users = await ctx.store.getUsers(req.app.appId, ids);
  if (users.length !== ids.length) throw new RestError(RosterCode.USER_NOT_EXIST, 'user_list names users that do not exist');
  const members = await ctx.store.getMembers(group.id, ids);
  requireAbove(req, me, members);
  const memberIds = new Set(members.map((m) => m.userId));
  const now = ctx.now();
  await ctx.store.removeMembers(group.id, [...memberIds], 'block', now);
  await ctx.store.addGroupBlocks(group.id, ids.filter((id) => !memberIds.has(id)), now);
  await tellMembers(req, group.id, GroupNoticeType.BLOCKED, { to: ids, also: [...memberIds] });
  return null;
}

async function unblock(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'admin');
  const ids = idListParam(req, 'user_list');
  await req.ctx.store.removeGroupBlocks(group.id, ids);
  await tellMembers(req, group.id, GroupNoticeType.UNBLOCKED, { to: ids });
  return null;
}

async function bannedList(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  return (await req.ctx.store.listBannedMembers(group.id, req.ctx.now())).map((m) => ({ user_id: m.userId, expired_time: m.banExpireTime }));
}

async function ban(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'admin');
  const ids = idListParam(req, 'user_list');
  const duration = durationParam(req);
  requireAbove(req, me, await requireMembers(req.ctx, group.id, ids));
  await req.ctx.store.setMemberBan(group.id, ids, duration === -1 ? -1 : req.ctx.now() + duration * 60_000);
  await tellMembers(req, group.id, GroupNoticeType.BANNED, { to: ids, content: { duration } });
  return null;
}

async function unban(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'admin');
  const ids = idListParam(req, 'user_list');
  requireAbove(req, me, await requireMembers(req.ctx, group.id, ids));
  await req.ctx.store.setMemberBan(group.id, ids, 0);
  await tellMembers(req, group.id, GroupNoticeType.UNBANNED, { to: ids, content: { duration: 0 } });
  return null;
}

/** Moderation routes. */
export const moderationRoutes: Route[] = [
  { method: 'POST', path: '/group/kick', auth: true, handler: kick },
  { method: 'POST', path: '/group/leave', auth: true, handler: leave },
  { method: 'GET', path: '/group/blocked_list', auth: true, handler: blockedList },
  { method: 'POST', path: '/group/block', auth: true, handler: block },
  { method: 'POST', path: '/group/unblock', auth: true, handler: unblock },
  { method: 'GET', path: '/group/banned_list', auth: true, handler: bannedList },
  { method: 'POST', path: '/group/ban', auth: true, handler: ban },
  { method: 'POST', path: '/group/unban', auth: true, handler: unban },
];

/**
 * Members: the paged member list, display names, own display name, the admin list.
 * hide_member_info: an ordinary member sees other members' display names blank (their ids, roles and
 * bans stay visible, so the list still works); the owner and admins always see everything.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { MemberRecord } from '../../store/types';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers } from './notify';
import { idListParam, intParam, stringParam } from './params';
import { access, type GroupAccess } from './permissions';
import { memberView } from './views';

/** Largest member page (also the default). */
const MAX_PAGE = 1000;

/** True when `m`'s details are hidden from the caller. */
function hiddenFor(a: GroupAccess, m: MemberRecord): boolean {
  return a.group.hideMemberInfo && a.me.role === 'member' && m.userId !== a.me.userId;
}

async function memberList(req: AuthedRequest): Promise<unknown> {
  const a = await access(req, 'member');
  const offset = intParam(req, 'cursor', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = intParam(req, 'limit', 1, MAX_PAGE, MAX_PAGE);
  const now = req.ctx.now();
  return (await req.ctx.store.listMembersPage(a.group.id, offset, limit)).map((m) => memberView(m, now, hiddenFor(a, m)));
}

async function displayNames(req: AuthedRequest): Promise<unknown> {
  const a = await access(req, 'member');
  const ids = idListParam(req, 'user_list');
  const members = await req.ctx.store.getMembers(a.group.id, ids);
  return members.map((m) => ({ user_id: m.userId, display_name: hiddenFor(a, m) ? '' : m.displayName }));
}

async function setDisplayName(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const value = stringParam(req, 'value', 100, '');
  await req.ctx.store.setMemberDisplayName(group.id, req.user.id, value);
  await tellMembers(req, group.id, GroupNoticeType.INFO_UPDATED, {
    to: [req.user.id], content: { property: 'display_name', display_name: value },
  });
  return null;
}

async function adminList(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const now = req.ctx.now();
  return (await req.ctx.store.listMembers(group.id)).filter((m) => m.role === 'admin').map((m) => memberView(m, now));
}

/** Member routes. */
export const memberRoutes: Route[] = [
  { method: 'GET', path: '/group/member_list', auth: true, handler: memberList },
  { method: 'POST', path: '/group/members/display_name', auth: true, handler: displayNames },
  { method: 'POST', path: '/group/display_name', auth: true, handler: setDisplayName },
  { method: 'GET', path: '/group/admin_list', auth: true, handler: adminList },
];

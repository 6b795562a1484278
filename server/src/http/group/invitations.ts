/**
 * Invitations: members invite when allow_member_invitation is on (else only the owner and admins).
 * An invitee whose user setting group_confirm is on gets a pending invitation to accept or decline;
 * the others join at once.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { admit, joinRefusal, REFUSAL_NAMES, requireMayJoin } from './join';
import { tellUsers } from './notify';
import { boolParam, idListParam, idParam } from './params';
import { access, capacityOf, loadGroup } from './permissions';
import { invitationView } from './views';

/** Invitations listed at most. */
const LIST_MAX = 200;

/** Whether `uid` confirms group invitations (the user setting `group_confirm`, kept by the users area). */
export async function inviteNeedsConfirm(ctx: ServerContext, uid: number): Promise<boolean> {
  return (await ctx.store.getUserSettings(uid)).groupConfirm;
}

interface InviteResult { user_id: number; result: 'joined' | 'invited' | 'refused'; reason?: string }

async function invite(req: AuthedRequest): Promise<unknown> {
  const { ctx } = req;
  const { group, me } = await access(req, 'member');
  if (me.role === 'member' && !group.allowMemberInvitation) {
    throw new RestError(RestCode.GROUP_ADMIN_PERMISSION_REQUIRED, 'only the owner and admins may invite to this group');
  }
  const ids = idListParam(req, 'user_list', 500);
  const known = new Set((await ctx.store.getUsers(req.app.appId, ids)).map((u) => u.id));
  let room = capacityOf(ctx, group) - group.memberCount;
  const now = ctx.now();
  const results: InviteResult[] = [];
  const joiners: number[] = [];
  const invited: number[] = [];
  for (const uid of ids) {
    if (!known.has(uid)) {
      results.push({ user_id: uid, result: 'refused', reason: 'UserNotExist' });
      continue;
    }
    const refusal = await joinRefusal(ctx, group, uid);
    if (refusal) {
      results.push({ user_id: uid, result: 'refused', reason: REFUSAL_NAMES[refusal.code] });
    } else if (await inviteNeedsConfirm(ctx, uid)) {
      await ctx.store.saveGroupInvitation({
        groupId: group.id, inviterId: req.user.id, inviteeId: uid, status: 0, createdAt: now, expireTime: now + ctx.options.groupRequestTtlMs,
      });
      invited.push(uid);
      results.push({ user_id: uid, result: 'invited' });
    } else if (room <= 0) {
      results.push({ user_id: uid, result: 'refused', reason: REFUSAL_NAMES[RestCode.GROUP_EXCEED_LIMIT_USER_JOIN] });
    } else {
      room--;
      joiners.push(uid);
      results.push({ user_id: uid, result: 'joined' });
    }
  }
  await admit(req, group, joiners);
  for (const uid of invited) await tellUsers(req, group.id, GroupNoticeType.INVITED, [uid, req.user.id], { to: [uid] });
  return results;
}

async function invitationList(req: AuthedRequest): Promise<unknown> {
  return (await req.ctx.store.listGroupInvitations(req.user.id, LIST_MAX)).map(invitationView);
}

async function handle(req: AuthedRequest): Promise<unknown> {
  const { ctx } = req;
  const group = await loadGroup(req);
  const inviter = idParam(req, 'user_id');
  const approval = boolParam(req, 'approval');
  const inv = await ctx.store.getGroupInvitation(group.id, inviter, req.user.id);
  if (!inv || inv.status !== 0 || inv.expireTime < ctx.now()) {
    throw new RestError(RestCode.GROUP_INVITATION_EXPIRED_OR_HANDLED, 'no pending invitation from this user to this group');
  }
  const told = [inviter, req.user.id];
  if (!approval) {
    await ctx.store.setGroupInvitationStatus(group.id, inviter, req.user.id, 2);
    await tellUsers(req, group.id, GroupNoticeType.INVITE_DECLINED, told, { to: [req.user.id] });
    return null;
  }
  await requireMayJoin(ctx, group, req.user.id);
  await ctx.store.setGroupInvitationStatus(group.id, inviter, req.user.id, 1);
  try {
    await admit(req, group, [req.user.id]);
  } catch (err) {
    // The group is full: the invitation stays pending, to be accepted when there is room.
    await ctx.store.setGroupInvitationStatus(group.id, inviter, req.user.id, 0);
    throw err;
  }
  await tellUsers(req, group.id, GroupNoticeType.INVITE_ACCEPTED, told, { to: [req.user.id] });
  return null;
}

/** Invitation routes. */
export const invitationRoutes: Route[] = [
  { method: 'POST', path: '/group/invite', auth: true, handler: invite },
  { method: 'GET', path: '/group/invitation_list', auth: true, handler: invitationList },
  { method: 'POST', path: '/group/invite/handle', auth: true, handler: handle },
];

/** Who may join a group, and joining (shared by invitations, applications and their handling). */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import type { GroupRecord } from '../../store/types';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import { tellMembers } from './notify';
import { capacityOf } from './permissions';

/** Kicks a user may take from one group and still come back. */
export const MAX_KICKS = 3;

/** Client error code names of join refusals (the `reason` of an invite result). */
export const REFUSAL_NAMES: Record<number, string> = {
  [RestCode.GROUP_MEMBER_EXIST]: 'GroupMemberExist',
  [RestCode.GROUP_BLOCKLIST_EXIST]: 'GroupBlockListExist',
  [RestCode.GROUP_KICK_TOO_MANY_TIMES]: 'GroupKickTooManyTimes',
  [RestCode.GROUP_EXCEED_LIMIT_USER_JOIN]: 'GroupExceedLimitUserJoin',
};

/** Why `uid` may not join `group` now (a RestError), or undefined when they may. Does not check capacity. */
export async function joinRefusal(ctx: ServerContext, group: GroupRecord, uid: number): Promise<RestError | undefined> {
  if (await ctx.store.getMember(group.id, uid)) return new RestError(RestCode.GROUP_MEMBER_EXIST, `user ${uid} is already a member`);
  if ((await ctx.store.blockedAmong(group.id, [uid])).length > 0) {
    return new RestError(RestCode.GROUP_BLOCKLIST_EXIST, `user ${uid} is on the group's blocklist`);
  }
  if ((await ctx.store.groupKickCount(group.id, uid)) > MAX_KICKS) {
    return new RestError(RestCode.GROUP_KICK_TOO_MANY_TIMES, `user ${uid} was kicked from this group more than ${MAX_KICKS} times`);
  }
  return undefined;
}

/** The refusal as an error to throw. */
export async function requireMayJoin(ctx: ServerContext, group: GroupRecord, uid: number): Promise<void> {
  const refusal = await joinRefusal(ctx, group, uid);
  if (refusal) throw refusal;
}

/** Adds `uids` to the group and tells every member (JOINED); 20015 when the group would overflow. */
export async function admit(req: AuthedRequest, group: GroupRecord, uids: number[]): Promise<void> {
  if (uids.length === 0) return;
  const ok = await req.ctx.store.joinGroup(group.id, uids, capacityOf(req.ctx, group), req.ctx.now());
  if (!ok) throw new RestError(RestCode.GROUP_EXCEED_LIMIT_USER_JOIN, 'the group is full');
  await tellMembers(req, group.id, GroupNoticeType.JOINED, { to: uids });
}

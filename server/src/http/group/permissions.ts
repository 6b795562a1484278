/**
 * Loading a group and the caller's place in it, refusing with the contract's codes (docs/social.md):
 * unknown or destroyed group 20001, not a member 20002, a member where an admin is needed 20006, an
 * admin where the owner is needed 20007.
 */
import type { ServerContext } from '../../context';
import { banInForce } from '../../xsync/handlers/policy-group';
import type { GroupRecord, GroupRole, MemberRecord } from '../../store/types';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import { groupIdParam } from './params';

/** A group and the caller's membership. */
export interface GroupAccess {
  group: GroupRecord;
  me: MemberRecord;
}

/** What the caller needs to be. */
export type Need = 'member' | 'admin' | 'owner';

/** The group named by `group_id` (of the caller's app), else 20001. */
export async function loadGroup(req: AuthedRequest, gid = groupIdParam(req)): Promise<GroupRecord> {
  const [group] = await req.ctx.store.getGroups(req.app.appId, [gid]);
  if (!group) throw new RestError(RestCode.GROUP_NOT_EXIST, `group ${gid} does not exist`);
  return group;
}

/** The group named by `group_id` and the caller's membership, at least `need`. */
export async function access(req: AuthedRequest, need: Need, gid?: number): Promise<GroupAccess> {
  const group = await loadGroup(req, gid);
  const me = await req.ctx.store.getMember(group.id, req.user.id);
  if (!me) throw new RestError(RestCode.GROUP_NOT_MEMBER, 'you are not a member of this group');
  requireRole(me.role, need);
  return { group, me };
}

/** Refuses when `role` is below `need`. */
export function requireRole(role: GroupRole, need: Need): void {
  if (need === 'admin' && role === 'member') {
    throw new RestError(RestCode.GROUP_ADMIN_PERMISSION_REQUIRED, 'only the owner and admins may do this');
  }
  if (need === 'owner' && role !== 'owner') throw new RestError(RestCode.GROUP_OWNER_PERMISSION_REQUIRED, 'only the owner may do this');
}

/** True for the owner and admins. */
export function isManager(role: GroupRole): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * Checks that the caller may act on members with these roles (kick, block, ban): nobody acts on the
 * owner, only the owner acts on admins, admins act on members.
 */
export function requireAbove(req: AuthedRequest, me: MemberRecord, targets: MemberRecord[]): void {
  for (const t of targets) {
    if (t.userId === req.user.id) throw new RestError(RestCode.INVALID_PARAMETER, 'user_list must not name yourself');
    if (t.role === 'owner') throw new RestError(RestCode.GROUP_OWNER_PERMISSION_REQUIRED, 'nobody may do this to the group owner');
    if (t.role === 'admin' && me.role !== 'owner') {
      throw new RestError(RestCode.GROUP_OWNER_PERMISSION_REQUIRED, 'only the owner may do this to an admin');
    }
  }
}

/** The members named by `ids`, or 20002 naming the first one who is not a member. */
export async function requireMembers(ctx: ServerContext, groupId: number, ids: number[]): Promise<MemberRecord[]> {
  const members = await ctx.store.getMembers(groupId, ids);
  if (members.length !== ids.length) {
    const found = new Set(members.map((m) => m.userId));
    const missing = ids.find((id) => !found.has(id));
    throw new RestError(RestCode.GROUP_NOT_MEMBER, `user ${missing} is not a member of this group`);
  }
  return members;
}

/** The member limit of a group. */
export function capacityOf(ctx: ServerContext, group: GroupRecord): number {
  return group.capacity > 0 ? Math.min(group.capacity, ctx.options.groupCapacity) : ctx.options.groupCapacity;
}

/** True while a ban ending at `expire` (0 none, -1 until lifted, else ms) is in force at `now`. */
export const isBanned = banInForce;

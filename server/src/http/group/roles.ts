/** Admins (added and removed by the owner) and owner transfer. */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers } from './notify';
import { idListParam, idParam } from './params';
import { access, requireMembers } from './permissions';

function setAdmins(grant: boolean): (req: AuthedRequest) => Promise<unknown> {
  return async (req) => {
    const { group } = await access(req, 'owner');
    const ids = idListParam(req, 'user_list');
    const targets = await requireMembers(req.ctx, group.id, ids);
    if (targets.some((t) => t.role === 'owner')) throw new RestError(RestCode.INVALID_PARAMETER, 'the owner cannot be made or unmade an admin');
    const changed = targets.filter((t) => (t.role === 'admin') !== grant).map((t) => t.userId);
    if (changed.length === 0) return null;
    await req.ctx.store.setMemberRole(group.id, changed, grant ? 'admin' : 'member');
    await tellMembers(req, group.id, grant ? GroupNoticeType.ADMIN_GRANTED : GroupNoticeType.ADMIN_REVOKED, { to: changed });
    return null;
  };
}

async function transfer(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'owner');
  const newOwner = idParam(req, 'new_owner');
  if (newOwner === req.user.id) throw new RestError(RestCode.INVALID_PARAMETER, 'new_owner is already the owner');
  const target = await req.ctx.store.getMember(group.id, newOwner);
  if (!target) throw new RestError(RestCode.GROUP_TRANSFER_NOT_ALLOWED, 'new_owner must be a member of the group');
  await req.ctx.store.transferGroupOwner(group.id, req.user.id, newOwner);
  await tellMembers(req, group.id, GroupNoticeType.OWNER_ASSIGNED, { to: [newOwner] });
  return null;
}

/** Role routes. */
export const roleRoutes: Route[] = [
  { method: 'POST', path: '/group/admin/add', auth: true, handler: setAdmins(true) },
  { method: 'POST', path: '/group/admin/remove', auth: true, handler: setAdmins(false) },
  { method: 'POST', path: '/group/transfer', auth: true, handler: transfer },
];

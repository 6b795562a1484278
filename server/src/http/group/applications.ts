/**
 * Applications to join: apply_approval 0 lets anyone in at once, 1 queues the application for the
 * owner and admins, 2 refuses (403).
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import { RestCode, RestError } from '../envelope';
import { parseIdList, type AuthedRequest } from '../request';
import type { Route } from '../routes';
import { admit, requireMayJoin } from './join';
import { tellManagers } from './notify';
import { boolParam, idParam, param, stringParam } from './params';
import { access, capacityOf, loadGroup } from './permissions';
import { applicationView } from './views';

/** Applications listed per group at most. */
const LIST_MAX = 200;

async function apply(req: AuthedRequest): Promise<unknown> {
  const { ctx } = req;
  const group = await loadGroup(req);
  const reason = stringParam(req, 'reason', 500, '');
  await requireMayJoin(ctx, group, req.user.id);
  if (group.applyApproval === 2) throw new RestError(RestCode.USER_PERMISSION_DENIED, 'this group does not accept applications');
  if (group.memberCount >= capacityOf(ctx, group)) throw new RestError(RestCode.GROUP_EXCEED_LIMIT_USER_JOIN, 'the group is full');
  if (group.applyApproval === 0) {
    await admit(req, group, [req.user.id]);
    return { result: 'joined' };
  }
  const now = ctx.now();
  await ctx.store.saveGroupApplication({
    groupId: group.id, applicantId: req.user.id, reason, status: 0, createdAt: now, expireTime: now + ctx.options.groupRequestTtlMs,
  });
  await tellManagers(req, group.id, GroupNoticeType.APPLYED, { to: [req.user.id], also: [req.user.id], content: { reason } });
  return { result: 'pending' };
}

async function applicationList(req: AuthedRequest): Promise<unknown> {
  const gids = [...new Set(parseIdList(param(req, 'group_list'), 'group_list', 100))];
  const out: unknown[] = [];
  for (const gid of gids) {
    const { group } = await access(req, 'admin', gid);
    out.push(...(await req.ctx.store.listGroupApplications(group.id, LIST_MAX)).map(applicationView));
  }
  return out;
}

async function handle(req: AuthedRequest): Promise<unknown> {
  const { ctx } = req;
  const { group } = await access(req, 'admin');
  const applicant = idParam(req, 'user_id');
  const approval = boolParam(req, 'approval');
  const reason = stringParam(req, 'reason', 500, '');
  const app = await ctx.store.getGroupApplication(group.id, applicant);
  if (!app || app.status !== 0 || app.expireTime < ctx.now()) {
    throw new RestError(RestCode.GROUP_APPLICATION_EXPIRED_OR_HANDLED, 'no pending application from this user');
  }
  const notice = { to: [applicant], also: [applicant], content: { reason } };
  if (!approval) {
    await ctx.store.setGroupApplicationStatus(group.id, applicant, 2);
    await tellManagers(req, group.id, GroupNoticeType.APPLY_DECLINED, notice);
    return null;
  }
  await requireMayJoin(ctx, group, applicant);
  await ctx.store.setGroupApplicationStatus(group.id, applicant, 1);
  try {
    await admit(req, group, [applicant]);
  } catch (err) {
    // The group is full: the application stays pending.
    await ctx.store.setGroupApplicationStatus(group.id, applicant, 0);
    throw err;
  }
  await tellManagers(req, group.id, GroupNoticeType.APPLY_ACCEPTED, notice);
  return null;
}

/** Application routes. */
export const applicationRoutes: Route[] = [
  { method: 'POST', path: '/group/apply', auth: true, handler: apply },
  { method: 'POST', path: '/group/application_list', auth: true, handler: applicationList },
  { method: 'POST', path: '/group/apply/handle', auth: true, handler: handle },
];

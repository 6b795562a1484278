/** Group lifecycle and info: create, destroy, info, batch info, joined and public lists, info updates. */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { GroupInfoPatch } from '../../store/group-types';
import { invalid, RestCode, RestError } from '../envelope';
import { optionalString, parseIdList, requireString, type AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers } from './notify';
import { param, intParam } from './params';
import { access, loadGroup } from './permissions';
import { groupView } from './views';

/** Public groups listed at most. */
const PUBLIC_LIST_MAX = 1000;

async function create(req: AuthedRequest): Promise<unknown> {
  const { store, options } = req.ctx;
  const name = requireString(req.body.name, 'name', 100);
  const raw = param(req, 'user_list');
  const ids = raw === undefined ? [] : parseIdList(raw, 'user_list', 10_000);
  const members = [...new Set(ids.filter((id) => id !== req.user.id))];
  const type = intParam(req, 'type', 0, 3, 0);
  const capacity = intParam(req, 'capacity', 0, Number.MAX_SAFE_INTEGER, 0);
  if (capacity > options.groupCapacity) {
    throw new RestError(RestCode.GROUP_CAPACITY_EXCEED_LIMIT, `capacity may be at most ${options.groupCapacity}`);
  }
  const limit = capacity > 0 ? capacity : options.groupCapacity;
  if (members.length + 1 > limit) {
    throw new RestError(RestCode.GROUP_EXCEED_LIMIT_USER_CREATE, `a group starts with at most ${limit} members, the owner included`);
  }
  const known = await store.getUsers(req.app.appId, members);
  if (known.length !== members.length) throw invalid('user_list holds unknown users');
  if ((await store.countOwnedGroups(req.app.appId, req.user.id)) >= options.maxOwnedGroups) {
    throw new RestError(RestCode.GROUP_EXCEED_LIMIT_GLOBAL, `a user may own at most ${options.maxOwnedGroups} groups`);
  }
  const readAck = param(req, 'read_ack');
  const group = await store.createGroup({
    appId: req.app.appId, name, ownerId: req.user.id, memberIds: members, type, capacity,
    avatar: optionalString(req.body.avatar, 'avatar'), description: optionalString(req.body.description, 'description'),
    ext: optionalString(req.body.ext, 'ext', 4000), readAck: readAck === true || readAck === 'true', now: req.ctx.now(),
  });
  await tellMembers(req, group.id, GroupNoticeType.CREATED, { to: [req.user.id, ...members] });
  return groupView(req.ctx, group);
}

async function destroy(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'owner');
  const former = await req.ctx.store.destroyGroup(group.id, req.ctx.now());
  await tellMembers(req, group.id, GroupNoticeType.DESTROYED, { also: former });
  return null;
}

async function info(req: AuthedRequest): Promise<unknown> {
  return groupView(req.ctx, await loadGroup(req));
}

async function infoBatch(req: AuthedRequest): Promise<unknown> {
  const ids = parseIdList(param(req, 'group_list'), 'group_list');
  return (await req.ctx.store.getGroups(req.app.appId, ids)).map((g) => groupView(req.ctx, g));
}

async function publicList(req: AuthedRequest): Promise<unknown> {
  return (await req.ctx.store.listPublicGroups(req.app.appId, PUBLIC_LIST_MAX)).map((g) => groupView(req.ctx, g));
}

/** `POST /group/info/<field> {group_id, value}`: the owner and admins, or any member when allow_member_modify. */
function updateInfo(field: keyof GroupInfoPatch, max: number): (req: AuthedRequest) => Promise<unknown> {
  return async (req) => {
    const { group, me } = await access(req, 'member');
    if (me.role === 'member' && !group.allowMemberModify) {
      throw new RestError(RestCode.GROUP_ADMIN_PERMISSION_REQUIRED, 'only the owner and admins may change the group info');
    }
    const value = field === 'name' ? requireString(param(req, 'value'), 'value', max) : optionalString(param(req, 'value'), 'value', max);
    if (value === undefined) throw invalid('value is required');
    const updated = await req.ctx.store.updateGroupInfo(group.id, { [field]: value });
    await tellMembers(req, group.id, GroupNoticeType.INFO_UPDATED, { content: { property: field, [field]: value } });
    return groupView(req.ctx, updated ?? group);
  };
}

/** Lifecycle and info routes. */
export const infoRoutes: Route[] = [
  { method: 'POST', path: '/group/create', auth: true, handler: create },
  { method: 'POST', path: '/group/destroy', auth: true, handler: destroy },
  { method: 'GET', path: '/group/info', auth: true, handler: info },
  { method: 'POST', path: '/group/info/batch', auth: true, handler: infoBatch },
  { method: 'GET', path: '/group/user_joined', auth: true, handler: async (req) => req.ctx.store.listJoinedGroups(req.user.id) },
  { method: 'GET', path: '/group/public_list', auth: true, handler: publicList },
  { method: 'POST', path: '/group/info/name', auth: true, handler: updateInfo('name', 100) },
  { method: 'POST', path: '/group/info/avatar', auth: true, handler: updateInfo('avatar', 2000) },
  { method: 'POST', path: '/group/info/description', auth: true, handler: updateInfo('description', 2000) },
  { method: 'POST', path: '/group/info/ext', auth: true, handler: updateInfo('ext', 4000) },
];

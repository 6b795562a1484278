/** Groups: joined list, info, members, creation. */
import { invalid, RestCode, RestError } from './envelope';
import { optionalString, parseIdList, parseIdValue, requireString, type AuthedRequest } from './request';
import type { Route } from './routes';
import { groupView } from './views';

async function infoBatch(req: AuthedRequest): Promise<unknown> {
  const ids = parseIdList(req.body.group_list, 'group_list');
  return (await req.ctx.store.getGroups(req.app.appId, ids)).map(groupView);
}

async function groupOf(req: AuthedRequest) {
  const id = parseIdValue(req.query.get('group_id') ?? undefined, 'group_id');
  const [group] = await req.ctx.store.getGroups(req.app.appId, [id]);
  if (!group) throw new RestError(RestCode.INVALID_PARAMETER, 'unknown group');
  return group;
}

async function memberList(req: AuthedRequest): Promise<unknown> {
  const group = await groupOf(req);
  const members = await req.ctx.store.listMembers(group.id);
  if (!members.some((m) => m.userId === req.user.id)) throw new RestError(RestCode.INVALID_PARAMETER, 'not a member of this group');
  return members.map((m) => ({ user_id: m.userId, display_name: m.displayName, role: m.role, join_time: m.joinedAt }));
}

async function create(req: AuthedRequest): Promise<unknown> {
  const { store } = req.ctx;
  const name = requireString(req.body.name, 'name', 100);
  const ids = req.body.user_list === undefined || req.body.user_list === null ? [] : parseIdList(req.body.user_list, 'user_list', 500);
  const members = ids.filter((id) => id !== req.user.id);
  const known = await store.getUsers(req.app.appId, members);
  if (known.length !== new Set(members).size) throw invalid('user_list holds unknown users');
  const type = req.body.type;
  if (type !== undefined && type !== null && !(type === 0 || type === 1)) throw invalid('type must be 0 or 1');
  const group = await store.createGroup({
    appId: req.app.appId, name, ownerId: req.user.id, memberIds: [...new Set(members)],
    avatar: optionalString(req.body.avatar, 'avatar'), description: optionalString(req.body.description, 'description'),
    type: typeof type === 'number' ? type : 0, readAck: req.body.read_ack === true, now: req.ctx.now(),
  });
  return groupView(group);
}

/** Group routes. */
export const groupRoutes: Route[] = [
  { method: 'GET', path: '/group/user_joined', auth: true, handler: async (req) => req.ctx.store.listJoinedGroups(req.user.id) },
  { method: 'POST', path: '/group/info/batch', auth: true, handler: infoBatch },
  { method: 'GET', path: '/group/info', auth: true, handler: async (req) => groupView(await groupOf(req)) },
  { method: 'GET', path: '/group/member_list', auth: true, handler: memberList },
  { method: 'POST', path: '/group/create', auth: true, handler: create },
];

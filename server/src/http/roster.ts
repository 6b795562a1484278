/** Friends: the id list, and user info by ids. */
import { parseIdList, type AuthedRequest } from './request';
import type { Route } from './routes';
import { userView } from './views';

async function rosterInfo(req: AuthedRequest): Promise<unknown> {
  // Official clients send ids as numbers, and as decimal strings for users they have no info on.
  const ids = parseIdList(req.body.list, 'list');
  const users = await req.ctx.store.getUsers(req.app.appId, ids);
  return users.map(userView);
}

/** Roster routes. */
export const rosterRoutes: Route[] = [
  { method: 'GET', path: '/roster/list', auth: true, handler: async (req) => req.ctx.store.listFriends(req.user.id) },
  { method: 'POST', path: '/roster/list', auth: true, handler: rosterInfo },
];

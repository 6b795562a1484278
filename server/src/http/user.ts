/** The signed-in user's profile. */
import type { ProfilePatch } from '../store/types';
import { invalid } from './envelope';
import { optionalString, type AuthedRequest } from './request';
import type { Route } from './routes';
import { profileView } from './views';

const EDITABLE: Record<string, keyof ProfilePatch> = {
  nick_name: 'nickName', avatar: 'avatar', description: 'description', public_info: 'publicInfo',
  private_info: 'privateInfo', ext: 'ext', email: 'email',
};

async function updateProfile(req: AuthedRequest): Promise<unknown> {
  const patch: ProfilePatch = {};
  for (const [field, key] of Object.entries(EDITABLE)) {
    const v = optionalString(req.body[field], field, 4000);
    if (v !== undefined) patch[key] = v;
  }
  if (Object.keys(patch).length === 0) throw invalid(`nothing to update; fields: ${Object.keys(EDITABLE).join(', ')}`);
  const user = await req.ctx.store.updateProfile(req.user.id, patch);
  return profileView(user ?? req.user);
}

/** Profile routes. */
export const userRoutes: Route[] = [
  { method: 'GET', path: '/user/profile', auth: true, handler: async (req) => profileView(req.user) },
  { method: 'POST', path: '/user/profile', auth: true, handler: updateProfile },
];

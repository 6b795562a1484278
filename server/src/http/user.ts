/**
 * The signed-in user's profile: read, update (all fields, avatar, nickname). Every change is told to
 * the user's friends (RosterNotice INFO_UPDATED, public fields only) and to the user's other devices
 * (UserNotice INFO_UPDATED), as docs/social.md says.
 */
import { RosterNoticeType, UserNoticeType } from 'floo-miniprogram/protocol';
import type { ProfilePatch, UserRecord } from '../store/types';
import { publishRosterNotice, publishUserNotice } from '../xsync/notices';
import { invalid } from './envelope';
import type { AuthedRequest } from './request';
import type { Route } from './routes';
import { deviceRoutes } from './user-devices';
import { callerDeviceSn, noParams, Params } from './user-params';
import { settingsRoutes } from './user-settings';
import { profileView } from './views';

/** REST field → profile key, for every field `POST /user/profile` changes. */
const EDITABLE: Record<string, keyof ProfilePatch> = {
  nick_name: 'nickName', avatar: 'avatar', description: 'description', public_info: 'publicInfo',
  private_info: 'privateInfo', ext: 'ext', email: 'email',
};
/** Fields friends see: a change of one of them is told to the friends. */
const PUBLIC = new Set(['nick_name', 'avatar', 'description', 'public_info', 'ext']);
/** Read-only fields of the profile view: clients that post the whole profile back may send them. */
const READ_ONLY = ['user_id', 'username', 'mobile', 'alias', 'auth_mode', 'create_timestamp'];
/** Longest nickname; other fields may hold up to 4000 characters (ext is JSON text). */
const MAX_NICK = 100;
const MAX_FIELD = 4000;

async function ownProfile(req: AuthedRequest): Promise<unknown> {
  noParams(req);
  return profileView(req.user, await req.ctx.store.getUserSettings(req.user.id));
}

/** Applies a profile change, tells whoever it concerns, and answers the new profile. */
async function applyProfile(req: AuthedRequest, patch: ProfilePatch): Promise<unknown> {
  const { store } = req.ctx;
  const before = req.user;
  const after = (await store.updateProfile(before.id, patch)) ?? before;
  await announceProfileChange(req, before, after);
  return profileView(after, await store.getUserSettings(after.id));
}

async function updateProfile(req: AuthedRequest): Promise<unknown> {
  const params = new Params(req, Object.keys(EDITABLE), READ_ONLY);
  const patch: ProfilePatch = {};
  for (const [field, key] of Object.entries(EDITABLE)) {
    const v = params.optionalString(field, field === 'nick_name' ? MAX_NICK : MAX_FIELD);
    if (v !== undefined) patch[key] = v;
  }
  if (Object.keys(patch).length === 0) throw invalid(`nothing to update; fields: ${Object.keys(EDITABLE).join(', ')}`);
  return applyProfile(req, patch);
}

async function updateAvatar(req: AuthedRequest): Promise<unknown> {
  const params = new Params(req, ['avatar']);
  const avatar = params.optionalString('avatar', MAX_FIELD);
  if (avatar === undefined) throw invalid('avatar is required and must be a string');
  return applyProfile(req, { avatar });
}

async function updateNickName(req: AuthedRequest): Promise<unknown> {
  const params = new Params(req, ['nick_name']);
  return applyProfile(req, { nickName: params.string('nick_name', MAX_NICK) });
}

/** The profile fields (REST names) whose value differs between `a` and `b`, with their new values. */
function changedFields(a: UserRecord, b: UserRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(EDITABLE)) if (a[key] !== b[key]) out[field] = b[key];
  return out;
}

/** Tells the friends (public fields) and the user's other devices (all fields) about a profile change. */
async function announceProfileChange(req: AuthedRequest, before: UserRecord, after: UserRecord): Promise<void> {
  const changed = changedFields(before, after);
  if (Object.keys(changed).length === 0) return;
  const { ctx, app } = req;
  const fromSn = await callerDeviceSn(req);
  await publishUserNotice(ctx, {
    appId: app.appId, fromUid: after.id, fromSn, userIds: [after.id], type: UserNoticeType.INFO_UPDATED,
    content: JSON.stringify({ property: 'profile', ...changed }),
  });
  const visible = Object.fromEntries(Object.entries(changed).filter(([k]) => PUBLIC.has(k)));
  if (Object.keys(visible).length === 0) return;
  const friends = await ctx.store.listFriends(after.id);
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: after.id, userIds: friends, to: [after.id], type: RosterNoticeType.INFO_UPDATED,
    content: JSON.stringify({ user_id: after.id, ...visible }),
  });
}

/** Profile, settings, device and password routes. */
export const userRoutes: Route[] = [
  { method: 'GET', path: '/user/profile', auth: true, handler: ownProfile },
  { method: 'POST', path: '/user/profile', auth: true, handler: updateProfile },
  { method: 'POST', path: '/user/avatar', auth: true, handler: updateAvatar },
  { method: 'POST', path: '/user/nickname', auth: true, handler: updateNickName },
  ...settingsRoutes,
  ...deviceRoutes,
];

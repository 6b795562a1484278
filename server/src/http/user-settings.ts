/** The user's settings: friend verification, group-invite confirmation, do-not-disturb. */
import { UserNoticeType } from 'floo-miniprogram/protocol';
import type { AuthMode, UserSettings } from '../store/roster-types';
import { publishUserNotice } from '../xsync/notices';
import { invalid } from './envelope';
import type { AuthedRequest } from './request';
import type { Route } from './routes';
import { callerDeviceSn, noParams, Params } from './user-params';
import { settingsView } from './views';

/** Settings the official clients send that this server does not keep: accepted and ignored. */
const OFFICIAL_EXTRAS = [
  'no_sounds', 'vibratory', 'auto_download', 'push_nick_name', 'no_push_detail', 'silence_start_time', 'silence_end_time',
];
const FIELDS = ['user_id', 'auth_mode', 'auth_question', 'auth_answer', 'group_confirm', 'no_push', 'no_push_start_hour', 'no_push_end_hour'];
const MAX_TEXT = 200;

async function getSettings(req: AuthedRequest): Promise<unknown> {
  noParams(req);
  return settingsView(req.user.id, await req.ctx.store.getUserSettings(req.user.id));
}

/** Saves a settings change and tells the user's other devices what changed (never the answer). */
async function applySettings(req: AuthedRequest, patch: Partial<UserSettings>): Promise<unknown> {
  const { ctx, user, app } = req;
  const before = settingsView(user.id, await ctx.store.getUserSettings(user.id));
  const saved = await ctx.store.updateUserSettings(user.id, patch);
  const after = settingsView(user.id, saved);
  const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  if (Object.keys(changed).length > 0) {
    await publishUserNotice(ctx, {
      appId: app.appId, fromUid: user.id, fromSn: await callerDeviceSn(req), userIds: [user.id], type: UserNoticeType.INFO_UPDATED,
      content: JSON.stringify({ property: 'settings', ...changed }),
    });
  }
  return after;
}

async function updateSettings(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, FIELDS, OFFICIAL_EXTRAS);
  if (p.has('user_id') && p.id('user_id') !== req.user.id) throw invalid("user_id must be the caller's own id");
  const patch: Partial<UserSettings> = {
    authMode: p.optionalInt('auth_mode', 0, 3) as AuthMode | undefined,
    authQuestion: p.optionalString('auth_question', MAX_TEXT),
    authAnswer: p.optionalString('auth_answer', MAX_TEXT),
    groupConfirm: p.optionalBool('group_confirm'),
    noPush: p.optionalBool('no_push'),
    noPushStartHour: p.optionalInt('no_push_start_hour', 0, 23),
    noPushEndHour: p.optionalInt('no_push_end_hour', 0, 23),
  };
  for (const k of Object.keys(patch) as (keyof UserSettings)[]) if (patch[k] === undefined) delete patch[k];
  if (Object.keys(patch).length === 0) throw invalid(`nothing to update; fields: ${FIELDS.slice(1).join(', ')}`);
  return applySettings(req, patch);
}

async function updateAuthMode(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['value']);
  const value = p.optionalInt('value', 0, 3);
  if (value === undefined) throw invalid('value is required: 0 anyone, 1 confirm, 2 question, 3 refuse all');
  return applySettings(req, { authMode: value as AuthMode });
}

/** Settings routes. */
export const settingsRoutes: Route[] = [
  { method: 'GET', path: '/user/settings', auth: true, handler: getSettings },
  { method: 'POST', path: '/user/settings', auth: true, handler: updateSettings },
  { method: 'POST', path: '/user/authmode', auth: true, handler: updateAuthMode },
];

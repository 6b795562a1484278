/** Reading and writing the user answers and requests: profile and settings updates, settings, devices (docs/social.md, Shapes). */
import { InvalidArgumentError } from '../errors';
import { checkInt, checkText } from '../validate';
import { num, text, type Raw } from './parse';
import type { Device, FriendVerification, UserSettings } from './types';

/** `auth_mode` values by index. */
const MODES: readonly FriendVerification[] = ['anyone', 'confirm', 'question', 'refuseAll'];
/** Provision.OsType names: the server answers the platform as that number. */
const OS = 'unknown ios android windows macos linux web'.split(' ');

/** Fields of an update: SDK name, REST name, kind (s: text, b: boolean, h: hour 0–23, m: verification mode). */
export type UpdateFields = ReadonlyArray<readonly [string, string, 's' | 'b' | 'h' | 'm']>;

/** ProfileUpdate → `POST /user/profile`. */
export const PROFILE_FIELDS: UpdateFields = [['nickName', 'nick_name', 's'], ['avatar', 'avatar', 's'], ['description', 'description', 's'], ['ext', 'ext', 's']];

/** UserSettingsUpdate → `POST /user/settings`. */
export const SETTINGS_FIELDS: UpdateFields = [
  ['friendVerification', 'auth_mode', 'm'],
  ['verificationQuestion', 'auth_question', 's'],
  ['verificationAnswer', 'auth_answer', 's'],
  ['groupInviteConfirm', 'group_confirm', 'b'],
  ['doNotDisturb', 'no_push', 'b'],
  ['quietStartHour', 'no_push_start_hour', 'h'],
  ['quietEndHour', 'no_push_end_hour', 'h'],
];

/** The REST body of an update (absent fields left out); throws InvalidArgumentError on a bad or empty update. */
export function updateBody(update: unknown, fields: UpdateFields, what: string): Raw {
  if (!update || typeof update !== 'object') throw new InvalidArgumentError(`${what}() takes an object`);
  const body: Raw = {};
  for (const [key, wire, kind] of fields) {
    const v = (update as Raw)[key];
    if (v === undefined) continue;
    const mode = MODES.indexOf(v as FriendVerification);
    if (kind === 'b' ? typeof v !== 'boolean' : kind === 'm' && mode < 0) throw new InvalidArgumentError(`${key}: invalid value ${String(v)}`);
    body[wire] = kind === 's' ? checkText(v, key, 4000, true) : kind === 'h' ? checkInt(v, key, 0, 23) : kind === 'm' ? mode : v;
  }
  if (!Object.keys(body).length) throw new InvalidArgumentError(`${what}(): nothing to change`);
  return body;
}

/** The user's settings. */
export function settingsFrom(r: Raw): UserSettings {
  return {
    friendVerification: MODES[num(r.auth_mode, 1)] ?? 'confirm',
    verificationQuestion: text(r.auth_question),
    groupInviteConfirm: r.group_confirm === true,
    doNotDisturb: r.no_push === true,
    quietStartHour: num(r.no_push_start_hour),
    quietEndHour: num(r.no_push_end_hour),
  };
}

/** A device of the list; `current` when its serial number is this client's. */
export function deviceFrom(r: Raw, currentSn: number): Device {
  const sn = num(r.device_sn);
  const p = r.platform;
  return {
    sn,
    platform: typeof p === 'number' ? OS[p] ?? String(p) : text(p),
    info: text(r.device_info),
    lastLoginAt: num(r.last_login_time),
    online: r.online === true,
    current: sn !== 0 && sn === currentSn,
  };
}

/** JSON shapes of users as the ratel API returns them (user ids as JSON numbers; groups: group/views.ts). */
import { DEFAULT_USER_SETTINGS, type RosterEntry, type UserSettings } from '../store/roster-types';
import type { UserRecord } from '../store/types';

/** Public info about a user (roster lists, user lookups). */
export function userView(u: UserRecord): Record<string, unknown> {
  return {
    user_id: u.id,
    username: u.username,
    nick_name: u.nickName,
    avatar: u.avatar,
    description: u.description,
    public_info: u.publicInfo,
    alias: '',
    ext: u.ext,
  };
}

/** A user as the caller sees them: public info plus, for a friend, the caller's alias and private ext. */
export function rosterView(u: UserRecord, entry: RosterEntry | undefined): Record<string, unknown> {
  return { ...userView(u), alias: entry?.alias ?? '', roster_ext: entry?.ext ?? '' };
}

/** The signed-in user's own profile (`settings` defaults to those of a user who never changed them). */
export function profileView(u: UserRecord, settings: UserSettings = DEFAULT_USER_SETTINGS): Record<string, unknown> {
  return {
    ...userView(u),
    mobile: u.mobile,
    email: u.email,
    private_info: u.privateInfo,
    auth_mode: settings.authMode,
    create_timestamp: u.createdAt,
  };
}

/** The user's settings (`auth_answer` is write-only and never shown). */
export function settingsView(userId: number, s: UserSettings): Record<string, unknown> {
  return {
    user_id: userId,
    auth_mode: s.authMode,
    auth_question: s.authQuestion,
    group_confirm: s.groupConfirm,
    no_push: s.noPush,
    no_push_start_hour: s.noPushStartHour,
    no_push_end_hour: s.noPushEndHour,
  };
}

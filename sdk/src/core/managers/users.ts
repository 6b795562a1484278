/** The `client.users` API: the own profile, settings, devices and password; other users' public profiles. */
import { UserNoticeType } from '../../protocol/enums';
import type { Meta, UserNotice } from '../../protocol/types';
import type { Runtime } from '../runtime';
import { FilesManager } from './files';
import { noticeContent } from '../social/notice-parse';
import { MAX_IDS, checkIds, idString, ownFrom, record, records, userFrom, wireId, type Raw } from '../social/parse';
import type { Device, OwnProfile, ProfileUpdate, UserNoticeEvent, UserProfile, UserSettings, UserSettingsUpdate } from '../social/types';
import { PROFILE_FIELDS, SETTINGS_FIELDS, deviceFrom, settingsFrom, updateBody } from '../social/user-parse';
import { checkInt, checkText } from '../validate';

/** Options of the calls that read a cache: `refresh` asks the server even when the answer is cached. */
export interface CacheOptions {
  refresh?: boolean;
}

/** UserNotice.Type → event kind (the types that end the session never reach the managers). */
const KINDS: Partial<Record<number, UserNoticeEvent['kind']>> = {
  [UserNoticeType.INFO_UPDATED]: 'infoUpdated',
  [UserNoticeType.DEVICE_LOGIN]: 'deviceLogin',
  [UserNoticeType.DEVICE_LOGOUT]: 'deviceLogout',
  [UserNoticeType.DEVICE_ADDED]: 'deviceAdded',
  [UserNoticeType.TRAFFIC_LIMIT_EXCEEDED]: 'trafficLimitExceeded',
};

/** What is cached for one login, as the server answered it (raw, so that notices can merge fields). */
interface Cache {
  users: Map<string, Raw>;
  /** The own profile (`/user/profile`) and the settings (`/user/settings`). */
  profile?: Raw;
  settings?: Raw;
}

/** The `client.users` API. */
export class UsersManager {
  // Replaced (not cleared) at logout, so that a late answer of the previous login lands in the old one.
  private c: Cache = { users: new Map() };

  constructor(protected readonly rt: Runtime) {}

  /** The logged-in user's own profile (cached; `refresh` asks the server). */
  async profile(options?: CacheOptions): Promise<OwnProfile> {
    return ownFrom(await this.own('profile', options?.refresh));
  }

  /** The cached own profile, if it was read in this login. */
  cachedProfile(): OwnProfile | undefined {
    return this.c.profile && ownFrom(this.c.profile);
  }

  /** Changes the own nickname, avatar, description or ext; resolves with the updated profile. */
  async updateProfile(update: ProfileUpdate): Promise<OwnProfile> {
    return ownFrom(await this.own('profile', true, updateBody(update, PROFILE_FIELDS, 'updateProfile')));
  }

  /** Uploads an image (local path) and makes it the own avatar; resolves with the updated profile. */
  async updateAvatar(path: string): Promise<OwnProfile> {
    const { url } = await new FilesManager(this.rt).upload({ path, for: 'userAvatar' }).result;
    return this.updateProfile({ avatar: url });
  }

  /** Public information about users, in the order asked (unknown ids left out); cached per id. */
  async get(ids: string[], options?: CacheOptions): Promise<UserProfile[]> {
    const list = checkIds(ids, 'ids');
    this.rt.session();
    const users = await this.load(list, options?.refresh);
    return list.flatMap((id) => {
      const r = users.get(id);
      return r ? [userFrom(r)] : [];
    });
  }

  /** A user's cached public information. */
  cachedUser(id: string): UserProfile | undefined {
    const r = this.c.users.get(id);
    return r && userFrom(r);
  }

  /** The user's settings (cached; `refresh` asks the server). */
  async settings(options?: CacheOptions): Promise<UserSettings> {
    return settingsFrom(await this.own('settings', options?.refresh));
  }

  /** Changes settings; resolves with all of them. */
  async updateSettings(update: UserSettingsUpdate): Promise<UserSettings> {
    return settingsFrom(await this.own('settings', true, updateBody(update, SETTINGS_FIELDS, 'updateSettings')));
  }

  /** The devices the user has logged in from; `current` marks this client. */
  async devices(): Promise<Device[]> {
    this.rt.session();
    const data = await this.rt.http.get<unknown>('/user/device/list');
    return records(data, 'GET /user/device/list').map((r) => deviceFrom(r, this.rt.deviceSn()));
  }

  /** Logs one of the user's devices out (by its serial number). */
  async kickDevice(sn: number): Promise<void> {
    checkInt(sn, 'sn', 1, Number.MAX_SAFE_INTEGER);
    this.rt.session();
    await this.rt.http.post('/user/kick', { device_sn: sn });
  }

  /** Changes the password; the user's other devices are logged out, this one stays. */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    checkText(oldPassword, 'oldPassword', 256);
    checkText(newPassword, 'newPassword', 256);
    this.rt.session();
    await this.rt.http.post('/user/change_password', { old_password: oldPassword, new_password: newPassword });
    this.rt.passwordChanged(newPassword);
  }

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    const n = (meta.payload ?? {}) as UserNotice;
    const content = noticeContent(n.content);
    const kind = KINDS[n.type ?? 0] ?? 'other';
    const c = this.c;
    // Another device changed the profile or the settings: `content` holds the changed fields.
    const key = content.property === 'settings' ? 'settings' : 'profile';
    const cached = c[key];
    if (kind === 'infoUpdated' && cached) this.keep(c, key, { ...cached, ...content });
    this.rt.events.emit('userNotice', { kind, content });
  }

  /**
   * Caches the views of the users not cached yet (all of them with `refresh`), by `POST /roster/list`
   * (which adds the caller's alias and private ext for friends); resolves with the cached views. @internal
   */
  async load(ids: string[], refresh?: boolean): Promise<Map<string, Raw>> {
    const c = this.c;
    const missing = refresh ? ids : ids.filter((id) => !c.users.has(id));
    for (let i = 0; i < missing.length; i += MAX_IDS) {
      const data = await this.rt.http.post<unknown>('/roster/list', { list: missing.slice(i, i + MAX_IDS).map(wireId) });
      this.remember(records(data, 'POST /roster/list'), c);
    }
    return c.users;
  }

  /** A cached user view. @internal */
  view(id: string): Raw | undefined {
    return this.c.users.get(id);
  }

  /** Caches user views (merged into what is cached: a search answer keeps a friend's alias). @internal */
  remember(views: Raw[], c = this.c): void {
    for (const r of views) {
      const id = idString(r.user_id);
      if (id) c.users.set(id, { ...c.users.get(id), ...r });
    }
  }

  /** Merges changed fields into a cached user view. @internal */
  merge(id: string, fields: Raw): void {
    const r = this.c.users.get(id);
    if (r) this.c.users.set(id, { ...r, ...fields, user_id: r.user_id });
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {
    this.c = { users: new Map() };
  }

  /** The own profile or settings: cached, or read (`refresh`), or changed (`body`). */
  private async own(key: 'profile' | 'settings', refresh?: boolean, body?: Raw): Promise<Raw> {
    this.rt.session();
    const c = this.c;
    const path = `/user/${key}`;
    if (refresh || !c[key]) this.keep(c, key, record(await (body ? this.rt.http.post<unknown>(path, body) : this.rt.http.get<unknown>(path)), path));
    return c[key]!;
  }

  private keep(c: Cache, key: 'profile' | 'settings', r: Raw): void {
    c[key] = r;
    if (key === 'profile') this.remember([r], c);
  }
}

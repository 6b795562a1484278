/** SQLite implementation of apps, users, tokens, friends and devices. */
import type Database from 'better-sqlite3';
import type {
  AccountStore, AppRecord, DeviceLogin, DeviceRecord, ProfilePatch, TokenRecord, UserRecord,
} from '../types';
import { inOrder, toApp, toUser, type AppRow, type UserRow } from './rows';

/** Device SNs at or above this value are the official clients' temporary "unassigned" numbers. */
const TEMPORARY_SN = 999_999_999;

const PROFILE_COLUMNS: Record<keyof ProfilePatch, string> = {
  nickName: 'nick_name', avatar: 'avatar', description: 'description', publicInfo: 'public_info',
  privateInfo: 'private_info', ext: 'ext', email: 'email',
};

/** Users whose app is remembered at most (the message path asks for each recipient's app). */
const USER_APP_CACHE = 100_000;

/** Apps, users, tokens, roster and devices on one database connection. */
export class SqliteAccounts implements AccountStore {
  private readonly q;
  /** user id -> app id; users are never deleted or moved, so entries never go stale. */
  private readonly userApps = new Map<number, string>();

  constructor(private readonly db: Database.Database) {
    this.q = {
      getApp: db.prepare<[string], AppRow>('SELECT * FROM apps WHERE app_id = ?'),
      listApps: db.prepare<[], AppRow>('SELECT * FROM apps ORDER BY created_at, app_id'),
      insertApp: db.prepare('INSERT OR IGNORE INTO apps (app_id, name, created_at) VALUES (?, ?, ?)'),
      newXid: db.prepare("INSERT INTO xids (kind) VALUES ('user')"),
      insertUser: db.prepare(`INSERT INTO users (id, app_id, username, password_hash, nick_name, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`),
      getUser: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
      userApp: db.prepare<[number], string>('SELECT app_id FROM users WHERE id = ?').pluck(),
      byName: db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE app_id = ? AND username = ?'),
      byMobile: db.prepare<[string, string], UserRow>("SELECT * FROM users WHERE app_id = ? AND mobile = ? AND mobile <> '' LIMIT 1"),
      saveToken: db.prepare('INSERT OR REPLACE INTO tokens (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)'),
      getToken: db.prepare<[string, number], { user_id: number; app_id: string; expires_at: number }>(
        `SELECT t.user_id, u.app_id, t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ? AND t.expires_at > ?`),
      deleteExpired: db.prepare('DELETE FROM tokens WHERE expires_at <= ?'),
      addFriend: db.prepare('INSERT OR IGNORE INTO roster (user_id, friend_id, created_at) VALUES (?, ?, ?)'),
      friends: db.prepare<[number], { friend_id: number }>('SELECT friend_id FROM roster WHERE user_id = ? ORDER BY friend_id'),
      deviceByGuid: db.prepare<[number, string], { sn: number }>('SELECT sn FROM devices WHERE user_id = ? AND guid = ?'),
      deviceBySn: db.prepare<[number, number], { sn: number; guid: string }>('SELECT sn, guid FROM devices WHERE user_id = ? AND sn = ?'),
      nextSn: db.prepare<[number], { sn: number }>('SELECT COALESCE(MAX(sn), 0) + 1 AS sn FROM devices WHERE user_id = ?'),
      insertDevice: db.prepare(`INSERT INTO devices (user_id, sn, guid, os_type, device_info, sdk_vsn, created_at, last_login_at, token_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      touchDevice: db.prepare(`UPDATE devices SET os_type = ?, device_info = ?, sdk_vsn = ?, last_login_at = ?, token_hash = ?
        WHERE user_id = ? AND sn = ?`),
      setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
      revokeOthers: db.prepare('DELETE FROM tokens WHERE user_id = ? AND token_hash <> ?'),
      revokeToken: db.prepare('DELETE FROM tokens WHERE token_hash = ? AND user_id = ?'),
      // A new device starts where the user as a whole stands: what any device already received is not
      // delivered again (docs/server.md, "Queues and cursors").
      seedCursors: db.prepare(`INSERT OR IGNORE INTO device_cursors (user_id, sn, conv_id, acked_id)
        SELECT user_id, ?, conv_id, delivered_id FROM user_convs WHERE user_id = ?`),
    };
  }

  async getApp(appId: string): Promise<AppRecord | undefined> {
    const r = this.q.getApp.get(appId);
    return r && toApp(r);
  }

  async ensureApp(appId: string, name: string, now: number): Promise<AppRecord> {
    this.q.insertApp.run(appId, name, now);
    return toApp(this.q.getApp.get(appId) as AppRow);
  }

  async listApps(): Promise<AppRecord[]> {
    return this.q.listApps.all().map(toApp);
  }

  async createUser(input: { appId: string; username: string; passwordHash: string; nickName?: string; now: number }): Promise<UserRecord | undefined> {
    return this.db.transaction(() => {
      if (this.q.byName.get(input.appId, input.username)) return undefined;
      const id = Number(this.q.newXid.run().lastInsertRowid);
      this.q.insertUser.run(id, input.appId, input.username, input.passwordHash, input.nickName ?? input.username, input.now);
      return toUser(this.q.getUser.get(id) as UserRow);
    })();
  }

  async getUser(id: number): Promise<UserRecord | undefined> {
    const r = this.q.getUser.get(id);
    return r && toUser(r);
  }

  async getUserApp(id: number): Promise<string | undefined> {
    let app = this.userApps.get(id);
    if (app === undefined) {
      app = this.q.userApp.get(id);
      if (app !== undefined) {
        if (this.userApps.size >= USER_APP_CACHE) this.userApps.clear();
        this.userApps.set(id, app);
      }
    }
    return app;
  }

  async findUserByName(appId: string, username: string): Promise<UserRecord | undefined> {
    const r = this.q.byName.get(appId, username);
    return r && toUser(r);
  }

  async findUserByMobile(appId: string, mobile: string): Promise<UserRecord | undefined> {
    const r = this.q.byMobile.get(appId, mobile);
    return r && toUser(r);
  }

  async getUsers(appId: string, ids: number[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const rows = this.db
      .prepare<unknown[], UserRow>(`SELECT * FROM users WHERE app_id = ? AND id IN (${unique.map(() => '?').join(',')})`)
      .all(appId, ...unique);
    return inOrder(ids, rows.map(toUser));
  }

  async updateProfile(userId: number, patch: ProfilePatch): Promise<UserRecord | undefined> {
    const keys = (Object.keys(patch) as (keyof ProfilePatch)[]).filter((k) => patch[k] !== undefined && k in PROFILE_COLUMNS);
    if (keys.length > 0) {
      // Column names come from the fixed PROFILE_COLUMNS map, never from input.
      const sets = keys.map((k) => `${PROFILE_COLUMNS[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE users SET ${sets} WHERE id = ?`).run(...keys.map((k) => patch[k]), userId);
    }
    return this.getUser(userId);
  }

  async saveToken(tokenHash: string, userId: number, expiresAt: number, now: number): Promise<void> {
    this.q.saveToken.run(tokenHash, userId, expiresAt, now);
  }

  async getToken(tokenHash: string, now: number): Promise<TokenRecord | undefined> {
    const r = this.q.getToken.get(tokenHash, now);
    return r && { userId: r.user_id, appId: r.app_id, expiresAt: r.expires_at };
  }

  async deleteExpiredTokens(now: number): Promise<number> {
    return this.q.deleteExpired.run(now).changes;
  }

  async changePassword(userId: number, passwordHash: string, keepTokenHash: string): Promise<number> {
    return this.db.transaction(() => {
      this.q.setPassword.run(passwordHash, userId);
      return this.q.revokeOthers.run(userId, keepTokenHash).changes;
    })();
  }

  async revokeToken(userId: number, tokenHash: string): Promise<boolean> {
    return this.q.revokeToken.run(tokenHash, userId).changes > 0;
  }

  async addFriends(a: number, b: number, now: number): Promise<void> {
    this.db.transaction(() => {
      this.q.addFriend.run(a, b, now);
      this.q.addFriend.run(b, a, now);
    })();
  }

  async listFriends(userId: number): Promise<number[]> {
    return this.q.friends.all(userId).map((r) => r.friend_id);
  }

  async loginDevice(login: DeviceLogin): Promise<DeviceRecord> {
    return this.db.transaction((): DeviceRecord => {
      const { userId, guid, now } = login;
      let sn: number | undefined;
      if (guid !== '') {
        sn = this.q.deviceByGuid.get(userId, guid)?.sn;
      } else if (login.claimedSn > 0 && login.claimedSn < TEMPORARY_SN) {
        // No guid: trust a claimed SN only if it belongs to a guid-less device of this user.
        const known = this.q.deviceBySn.get(userId, login.claimedSn);
        if (known && known.guid === '') sn = known.sn;
      }
      if (sn !== undefined) {
        this.q.touchDevice.run(login.osType, login.deviceInfo, login.sdkVsn, now, login.tokenHash ?? '', userId, sn);
        return { userId, sn, guid, created: false };
      }
      const fresh = (this.q.nextSn.get(userId) as { sn: number }).sn;
      this.q.insertDevice.run(userId, fresh, guid, login.osType, login.deviceInfo, login.sdkVsn, now, now, login.tokenHash ?? '');
      this.q.seedCursors.run(fresh, userId);
      return { userId, sn: fresh, guid, created: true };
    })();
  }
}

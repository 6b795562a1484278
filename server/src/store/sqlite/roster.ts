/** SQLite implementation of user settings, devices, roster details, friend applications and the blocklist. */
import type Database from 'better-sqlite3';
import {
  DEFAULT_USER_SETTINGS, type ApplicationStatus, type AuthMode, type BlockState, type DeviceInfo, type FriendApplication,
  type RosterEntry, type RosterRelation, type RosterStore, type UserSettings,
} from '../roster-types';

interface SettingsRow {
  auth_mode: number; auth_question: string; auth_answer: string; group_confirm: number; no_push: number;
  no_push_start_hour: number; no_push_end_hour: number;
}
interface DeviceRow { sn: number; os_type: number; device_info: string; last_login_at: number; token_hash: string }
interface EntryRow { friend_id: number; alias: string; ext: string }
interface ApplicationRow { applicant_id: number; target_id: number; reason: string; status: number; expires_at: number; updated_at: number }

function toSettings(r: SettingsRow): UserSettings {
  return {
    authMode: r.auth_mode as AuthMode, authQuestion: r.auth_question, authAnswer: r.auth_answer,
    groupConfirm: r.group_confirm !== 0, noPush: r.no_push !== 0, noPushStartHour: r.no_push_start_hour, noPushEndHour: r.no_push_end_hour,
  };
}

function toEntry(r: EntryRow): RosterEntry {
  return { friendId: r.friend_id, alias: r.alias, ext: r.ext };
}

function toApplication(r: ApplicationRow): FriendApplication {
  return {
    applicantId: r.applicant_id, targetId: r.target_id, reason: r.reason, status: r.status as ApplicationStatus,
    expiresAt: r.expires_at, updatedAt: r.updated_at,
  };
}

/** Roster storage on one database connection. */
export class SqliteRoster implements RosterStore {
  private readonly q;
  /**
   * Users who have blocked someone (a superset after unblocks). The send path asks for every 1:1 item
   * whether either side blocks the other; when neither user is here the answer is 'none' without a query.
   */
  private readonly blockers: Set<number>;

  constructor(protected readonly db: Database.Database) {
    this.q = {
      settings: db.prepare<[number], SettingsRow>('SELECT * FROM user_settings WHERE user_id = ?'),
      saveSettings: db.prepare(`INSERT OR REPLACE INTO user_settings (user_id, auth_mode, auth_question, auth_answer, group_confirm,
        no_push, no_push_start_hour, no_push_end_hour) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      devices: db.prepare<[number], DeviceRow>(`SELECT sn, os_type, device_info, last_login_at, token_hash FROM devices
        WHERE user_id = ? ORDER BY last_login_at DESC, sn`),
      // json_each keeps one prepared statement for any number of ids.
      entries: db.prepare<[number, string], EntryRow>(`SELECT friend_id, alias, ext FROM roster
        WHERE user_id = ? AND friend_id IN (SELECT value FROM json_each(?))`),
      entry: db.prepare<[number, number], EntryRow>('SELECT friend_id, alias, ext FROM roster WHERE user_id = ? AND friend_id = ?'),
      updateEntry: db.prepare(`UPDATE roster SET alias = COALESCE(?, alias), ext = COALESCE(?, ext)
        WHERE user_id = ? AND friend_id = ?`),
      addFriend: db.prepare('INSERT OR IGNORE INTO roster (user_id, friend_id, created_at) VALUES (?, ?, ?)'),
      removeFriend: db.prepare('DELETE FROM roster WHERE user_id = ? AND friend_id = ?'),
      // Two primary-key searches (SQLite's multi-index OR).
      blocks: db.prepare<[number, number, number, number], number>(`SELECT user_id FROM blocklist
        WHERE (user_id = ? AND blocked_id = ?) OR (user_id = ? AND blocked_id = ?)`).pluck(),
      saveApplication: db.prepare(`INSERT INTO roster_applications (applicant_id, target_id, reason, status, expires_at, updated_at)
        VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (applicant_id, target_id)
        DO UPDATE SET reason = excluded.reason, status = 0, expires_at = excluded.expires_at, updated_at = excluded.updated_at`),
      closeApplication: db.prepare(`UPDATE roster_applications SET status = ?, updated_at = ?
        WHERE applicant_id = ? AND target_id = ? AND status = 0 AND expires_at > ?`),
      applications: db.prepare<[{ user: number; limit: number; offset: number }], ApplicationRow>(`SELECT * FROM (
          SELECT * FROM roster_applications WHERE applicant_id = @user
          UNION ALL SELECT * FROM roster_applications WHERE target_id = @user)
        ORDER BY updated_at DESC, applicant_id, target_id LIMIT @limit OFFSET @offset`),
      block: db.prepare('INSERT OR IGNORE INTO blocklist (user_id, blocked_id, created_at) VALUES (?, ?, ?)'),
      unblock: db.prepare('DELETE FROM blocklist WHERE user_id = ? AND blocked_id = ?'),
      blocked: db.prepare<[number], number>('SELECT blocked_id FROM blocklist WHERE user_id = ? ORDER BY created_at, blocked_id').pluck(),
    };
    this.blockers = new Set(db.prepare<[], number>('SELECT DISTINCT user_id FROM blocklist').pluck().all());
  }

  async getUserSettings(userId: number): Promise<UserSettings> {
    const r = this.q.settings.get(userId);
    return r ? toSettings(r) : { ...DEFAULT_USER_SETTINGS };
  }

  async updateUserSettings(userId: number, patch: Partial<UserSettings>): Promise<UserSettings> {
    return this.db.transaction((): UserSettings => {
      const r = this.q.settings.get(userId);
      const s: UserSettings = { ...(r ? toSettings(r) : DEFAULT_USER_SETTINGS) };
      for (const [k, v] of Object.entries(patch) as [keyof UserSettings, never][]) if (v !== undefined) s[k] = v;
      this.q.saveSettings.run(userId, s.authMode, s.authQuestion, s.authAnswer, s.groupConfirm ? 1 : 0, s.noPush ? 1 : 0,
        s.noPushStartHour, s.noPushEndHour);
      return s;
    })();
  }

  async listUserDevices(userId: number): Promise<DeviceInfo[]> {
    return this.q.devices.all(userId).map((r) => ({
      sn: r.sn, osType: r.os_type, deviceInfo: r.device_info, lastLoginAt: r.last_login_at, tokenHash: r.token_hash,
    }));
  }

  async getRosterEntries(userId: number, ids: number[]): Promise<RosterEntry[]> {
    if (ids.length === 0) return [];
    return this.q.entries.all(userId, JSON.stringify([...new Set(ids)])).map(toEntry);
  }

  async getRosterRelation(a: number, b: number): Promise<RosterRelation> {
    const blockers = this.q.blocks.all(a, b, b, a);
    return { friend: this.q.entry.get(a, b) !== undefined, blocked: blockers.includes(a), blockedBy: blockers.includes(b) };
  }

  async updateRosterEntry(userId: number, friendId: number, patch: { alias?: string; ext?: string }): Promise<RosterEntry | undefined> {
    return this.db.transaction(() => {
      const changed = this.q.updateEntry.run(patch.alias ?? null, patch.ext ?? null, userId, friendId).changes;
      if (changed === 0) return undefined;
      const r = this.q.entry.get(userId, friendId);
      return r && toEntry(r);
    })();
  }

  async removeFriends(a: number, b: number): Promise<boolean> {
    return this.db.transaction(() => {
      const n = this.q.removeFriend.run(a, b).changes + this.q.removeFriend.run(b, a).changes;
      return n > 0;
    })();
  }

  async saveFriendApplication(applicantId: number, targetId: number, reason: string, expiresAt: number, now: number): Promise<void> {
    this.q.saveApplication.run(applicantId, targetId, reason, expiresAt, now);
  }

  async acceptFriendApplication(applicantId: number, targetId: number, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.q.closeApplication.run(1, now, applicantId, targetId, now).changes === 0) return false;
      this.makeFriends(applicantId, targetId, now);
      return true;
    })();
  }

  async declineFriendApplication(applicantId: number, targetId: number, now: number): Promise<boolean> {
    return this.q.closeApplication.run(2, now, applicantId, targetId, now).changes > 0;
  }

  async befriend(a: number, b: number, now: number): Promise<void> {
    this.db.transaction(() => this.makeFriends(a, b, now))();
  }

  /** Both roster rows, and any application still pending between the two marked accepted. */
  private makeFriends(a: number, b: number, now: number): void {
    this.q.addFriend.run(a, b, now);
    this.q.addFriend.run(b, a, now);
    this.q.closeApplication.run(1, now, a, b, now);
    this.q.closeApplication.run(1, now, b, a, now);
  }

  async listFriendApplications(userId: number, offset: number, limit: number): Promise<FriendApplication[]> {
    return this.q.applications.all({ user: userId, limit, offset }).map(toApplication);
  }

  async blockUser(userId: number, blockedId: number, now: number): Promise<boolean> {
    this.blockers.add(userId);
    return this.q.block.run(userId, blockedId, now).changes > 0;
  }

  async unblockUser(userId: number, blockedId: number): Promise<boolean> {
    return this.q.unblock.run(userId, blockedId).changes > 0;
  }

  async listBlockedUsers(userId: number): Promise<number[]> {
    return this.q.blocked.all(userId);
  }

  async getBlockState(from: number, to: number): Promise<BlockState> {
    if (!this.blockers.has(from) && !this.blockers.has(to)) return 'none';
    const blockers = this.q.blocks.all(from, to, to, from);
    if (blockers.length === 0) return 'none';
    return blockers.includes(from) ? 'blocked' : 'blockedBy';
  }
}

/** SQLite implementation of groups and memberships. */
import type Database from 'better-sqlite3';
import type { GroupRecord, GroupStore, MemberRecord, NewGroup } from '../types';
import { inOrder, toGroup, toMember, type GroupRow, type MemberRow } from './rows';

/** Live groups with their member count (destroyed groups are never returned). */
export const GROUP_SELECT = `SELECT g.*, (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count FROM groups g`;
/** The condition every group query adds: the group is not destroyed. */
export const LIVE = 'g.destroyed_at = 0';
/** Columns of a member row. */
export const MEMBER_COLUMNS = 'user_id, role, display_name, joined_at, ban_expire_time, msg_mute_mode, not_disturb';

/** Groups on one database connection. */
export class SqliteGroups implements GroupStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      newXid: db.prepare("INSERT INTO xids (kind) VALUES ('group')"),
      insertGroup: db.prepare(`INSERT INTO groups (id, app_id, name, owner_id, avatar, description, type, read_ack, ext, capacity, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      addMember: db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)'),
      // The group shows up in each member's conversation list (UnreadDL) even before its first message.
      addConv: db.prepare('INSERT OR IGNORE INTO user_convs (user_id, conv_id, conv_type) VALUES (?, ?, 2)'),
      getGroup: db.prepare<[number], GroupRow>(`${GROUP_SELECT} WHERE g.id = ? AND ${LIVE}`),
      byName: db.prepare<[string, string], GroupRow>(`${GROUP_SELECT} WHERE g.app_id = ? AND g.name = ? AND ${LIVE} ORDER BY g.id`),
      joined: db.prepare<[number], { group_id: number }>('SELECT group_id FROM group_members WHERE user_id = ? ORDER BY group_id'),
      members: db.prepare<[number], MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM group_members WHERE group_id = ? ORDER BY joined_at, user_id`),
      isMember: db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM group_members WHERE group_id = ? AND user_id = ?'),
    };
  }

  async createGroup(input: NewGroup): Promise<GroupRecord> {
    return this.db.transaction(() => {
      const id = Number(this.q.newXid.run().lastInsertRowid);
      this.q.insertGroup.run(id, input.appId, input.name, input.ownerId, input.avatar ?? '', input.description ?? '',
        input.type ?? 0, input.readAck ? 1 : 0, input.ext ?? '', input.capacity ?? 0, input.now);
      this.q.addMember.run(id, input.ownerId, 'owner', input.now);
      this.q.addConv.run(input.ownerId, id);
      for (const uid of input.memberIds) {
        this.q.addMember.run(id, uid, 'member', input.now);
        this.q.addConv.run(uid, id);
      }
      return toGroup(this.q.getGroup.get(id) as GroupRow);
    })();
  }

  async getGroup(id: number): Promise<GroupRecord | undefined> {
    const r = this.q.getGroup.get(id);
    return r && toGroup(r);
  }

  async getGroups(appId: string, ids: number[]): Promise<GroupRecord[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const rows = this.db
      .prepare<unknown[], GroupRow>(`${GROUP_SELECT} WHERE g.app_id = ? AND ${LIVE} AND g.id IN (${unique.map(() => '?').join(',')})`)
      .all(appId, ...unique);
    return inOrder(ids, rows.map(toGroup));
  }

  async findGroupsByName(appId: string, name: string): Promise<GroupRecord[]> {
    return this.q.byName.all(appId, name).map(toGroup);
  }

  async listJoinedGroups(userId: number): Promise<number[]> {
    return this.q.joined.all(userId).map((r) => r.group_id);
  }

  async listMembers(groupId: number): Promise<MemberRecord[]> {
    return this.q.members.all(groupId).map(toMember);
  }

  async isMember(groupId: number, userId: number): Promise<boolean> {
    return this.q.isMember.get(groupId, userId) !== undefined;
  }

  async addMembers(groupId: number, userIds: number[], now: number): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) {
        this.q.addMember.run(groupId, uid, 'member', now);
        this.q.addConv.run(uid, groupId);
      }
    })();
  }
}

/** SQLite implementation of group management: members, roles, settings, bans, kicks, the group blocklist, destroy. */
import type Database from 'better-sqlite3';
import type { GroupAdminStore, GroupInfoPatch, GroupSettingsPatch, MemberPrefsPatch, Removal } from '../group-types';
import type { GroupRecord, GroupRole, MemberRecord } from '../types';
import { GROUP_SELECT, LIVE, MEMBER_COLUMNS } from './groups';
import { toGroup, toMember, type GroupRow, type MemberRow } from './rows';

type AdminPart = Pick<GroupAdminStore,
  'getMember' | 'listMembersPage' | 'getMembers' | 'countOwnedGroups' | 'listPublicGroups' | 'destroyGroup' |
  'updateGroupInfo' | 'updateGroupSettings' | 'setMemberRole' | 'transferGroupOwner' | 'setMemberDisplayName' |
  'setMemberPrefs' | 'setMemberBan' | 'listBannedMembers' | 'joinGroup' | 'removeMembers' | 'groupKickCount' |
  'blockedAmong' | 'listGroupBlocks' | 'addGroupBlocks' | 'removeGroupBlocks'>;

/** Column of each patchable group field (fixed names: never built from input). */
const GROUP_COLUMNS: Record<keyof GroupInfoPatch | keyof GroupSettingsPatch, string> = {
  name: 'name', avatar: 'avatar', description: 'description', ext: 'ext',
  allowMemberInvitation: 'allow_member_invitation', allowMemberModify: 'allow_member_modify', readAck: 'read_ack',
  historyVisible: 'history_visible', hideMemberInfo: 'hide_member_info', applyApproval: 'apply_approval',
  banExpireTime: 'ban_expire_time',
};

function sqlValue(v: string | number | boolean): string | number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** Group management storage on one database connection. */
export class SqliteGroupAdmin implements AdminPart {
  private readonly q;

  constructor(protected readonly db: Database.Database) {
    this.q = {
      getGroup: db.prepare<[number], GroupRow>(`${GROUP_SELECT} WHERE g.id = ? AND ${LIVE}`),
      member: db.prepare<[number, number], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM group_members WHERE group_id = ? AND user_id = ?`),
      page: db.prepare<[number, number, number], MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM group_members WHERE group_id = ? ORDER BY joined_at, user_id LIMIT ? OFFSET ?`),
      count: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM group_members WHERE group_id = ?'),
      owned: db.prepare<[string, number], { n: number }>(`SELECT COUNT(*) AS n FROM groups g WHERE g.app_id = ? AND g.owner_id = ? AND ${LIVE}`),
      publicList: db.prepare<[string, number], GroupRow>(`${GROUP_SELECT} WHERE g.app_id = ? AND g.type = 1 AND ${LIVE} ORDER BY g.id DESC LIMIT ?`),
      memberIds: db.prepare<[number], { user_id: number }>('SELECT user_id FROM group_members WHERE group_id = ?'),
      destroy: db.prepare('UPDATE groups SET destroyed_at = ? WHERE id = ?'),
      dropMembers: db.prepare('DELETE FROM group_members WHERE group_id = ?'),
      dropApplications: db.prepare('DELETE FROM group_applications WHERE group_id = ?'),
      dropInvitations: db.prepare('DELETE FROM group_invitations WHERE group_id = ?'),
      setRole: db.prepare("UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ? AND role <> 'owner'"),
      setOwnerRole: db.prepare('UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?'),
      setOwner: db.prepare('UPDATE groups SET owner_id = ? WHERE id = ?'),
      displayName: db.prepare('UPDATE group_members SET display_name = ? WHERE group_id = ? AND user_id = ?'),
      muteMode: db.prepare('UPDATE group_members SET msg_mute_mode = ? WHERE group_id = ? AND user_id = ?'),
      notDisturb: db.prepare('UPDATE group_members SET not_disturb = ? WHERE group_id = ? AND user_id = ?'),
      ban: db.prepare('UPDATE group_members SET ban_expire_time = ? WHERE group_id = ? AND user_id = ?'),
      banned: db.prepare<[number, number], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM group_members
        WHERE group_id = ? AND (ban_expire_time = -1 OR ban_expire_time > ?) ORDER BY joined_at, user_id`),
      addMember: db.prepare("INSERT OR IGNORE INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)"),
      addConv: db.prepare('INSERT OR IGNORE INTO user_convs (user_id, conv_id, conv_type) VALUES (?, ?, 2)'),
      removeMember: db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?'),
      kick: db.prepare(`INSERT INTO group_kicks (group_id, user_id, count) VALUES (?, ?, 1)
        ON CONFLICT (group_id, user_id) DO UPDATE SET count = count + 1`),
      kickCount: db.prepare<[number, number], { count: number }>('SELECT count FROM group_kicks WHERE group_id = ? AND user_id = ?'),
      block: db.prepare('INSERT OR IGNORE INTO group_blocks (group_id, user_id, created_at) VALUES (?, ?, ?)'),
      unblock: db.prepare('DELETE FROM group_blocks WHERE group_id = ? AND user_id = ?'),
      isBlocked: db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM group_blocks WHERE group_id = ? AND user_id = ?'),
      blocks: db.prepare<[number], { user_id: number }>('SELECT user_id FROM group_blocks WHERE group_id = ? ORDER BY created_at, user_id'),
      // A removed or blocked user's pending requests die with the membership.
      dropUserApplication: db.prepare('DELETE FROM group_applications WHERE group_id = ? AND applicant_id = ? AND status = 0'),
      dropUserInvitations: db.prepare('DELETE FROM group_invitations WHERE group_id = ? AND invitee_id = ? AND status = 0'),
    };
  }

  async getMember(groupId: number, userId: number): Promise<MemberRecord | undefined> {
    const r = this.q.member.get(groupId, userId);
    return r && toMember(r);
  }

  async listMembersPage(groupId: number, offset: number, limit: number): Promise<MemberRecord[]> {
    return this.q.page.all(groupId, limit, offset).map(toMember);
  }

  async getMembers(groupId: number, userIds: number[]): Promise<MemberRecord[]> {
    if (userIds.length === 0) return [];
    const unique = [...new Set(userIds)];
    return this.db
      .prepare<unknown[], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM group_members WHERE group_id = ? AND user_id IN (${unique.map(() => '?').join(',')})
        ORDER BY joined_at, user_id`)
      .all(groupId, ...unique).map(toMember);
  }

  async countOwnedGroups(appId: string, userId: number): Promise<number> {
    return this.q.owned.get(appId, userId)?.n ?? 0;
  }

  async listPublicGroups(appId: string, limit: number): Promise<GroupRecord[]> {
    return this.q.publicList.all(appId, limit).map(toGroup);
  }

  async destroyGroup(groupId: number, now: number): Promise<number[]> {
    return this.db.transaction(() => {
      const members = this.q.memberIds.all(groupId).map((r) => r.user_id);
      this.q.destroy.run(now, groupId);
      this.q.dropMembers.run(groupId);
      this.q.dropApplications.run(groupId);
      this.q.dropInvitations.run(groupId);
      return members;
    })();
  }

  async updateGroupInfo(groupId: number, patch: GroupInfoPatch): Promise<GroupRecord | undefined> {
    return this.patchGroup(groupId, patch);
  }

  async updateGroupSettings(groupId: number, patch: GroupSettingsPatch): Promise<GroupRecord | undefined> {
    return this.patchGroup(groupId, patch);
  }

  private patchGroup(groupId: number, patch: GroupInfoPatch & GroupSettingsPatch): Promise<GroupRecord | undefined> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof typeof GROUP_COLUMNS, string | number | boolean][];
    if (entries.length > 0) {
      const sets = entries.map(([k]) => `${GROUP_COLUMNS[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE groups SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => sqlValue(v)), groupId);
    }
    const r = this.q.getGroup.get(groupId);
    return Promise.resolve(r && toGroup(r));
  }

  async setMemberRole(groupId: number, userIds: number[], role: Exclude<GroupRole, 'owner'>): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) this.q.setRole.run(role, groupId, uid);
    })();
  }

  async transferGroupOwner(groupId: number, oldOwner: number, newOwner: number): Promise<void> {
    this.db.transaction(() => {
      this.q.setOwner.run(newOwner, groupId);
      this.q.setOwnerRole.run('member', groupId, oldOwner);
      this.q.setOwnerRole.run('owner', groupId, newOwner);
    })();
  }

  async setMemberDisplayName(groupId: number, userId: number, displayName: string): Promise<void> {
    this.q.displayName.run(displayName, groupId, userId);
  }

  async setMemberPrefs(groupId: number, userId: number, patch: MemberPrefsPatch): Promise<void> {
    this.db.transaction(() => {
      if (patch.muteMode !== undefined) this.q.muteMode.run(patch.muteMode, groupId, userId);
      if (patch.notDisturb !== undefined) this.q.notDisturb.run(patch.notDisturb ? 1 : 0, groupId, userId);
    })();
  }

  async setMemberBan(groupId: number, userIds: number[], banExpireTime: number): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) this.q.ban.run(banExpireTime, groupId, uid);
    })();
  }

  async listBannedMembers(groupId: number, now: number): Promise<MemberRecord[]> {
    return this.q.banned.all(groupId, now).map(toMember);
  }

  async joinGroup(groupId: number, userIds: number[], capacity: number, now: number): Promise<boolean> {
    const join = this.db.transaction(() => {
      const before = this.q.count.get(groupId)?.n ?? 0;
      let added = 0;
      for (const uid of new Set(userIds)) {
        if (this.q.addMember.run(groupId, uid, now).changes > 0) added++;
        this.q.addConv.run(uid, groupId);
      }
      // Checked after the inserts so that users already in the group do not count twice.
      if (before + added > capacity) throw new CapacityExceeded();
    });
    try {
      join();
      return true;
    } catch (err) {
      if (err instanceof CapacityExceeded) return false;
      throw err;
    }
  }

  async removeMembers(groupId: number, userIds: number[], how: Removal, now: number): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) {
        this.q.removeMember.run(groupId, uid);
        this.q.dropUserApplication.run(groupId, uid);
        this.q.dropUserInvitations.run(groupId, uid);
        if (how === 'kick') this.q.kick.run(groupId, uid);
        if (how === 'block') this.q.block.run(groupId, uid, now);
      }
    })();
  }

  async groupKickCount(groupId: number, userId: number): Promise<number> {
    return this.q.kickCount.get(groupId, userId)?.count ?? 0;
  }

  async blockedAmong(groupId: number, userIds: number[]): Promise<number[]> {
    return [...new Set(userIds)].filter((uid) => this.q.isBlocked.get(groupId, uid) !== undefined);
  }

  async listGroupBlocks(groupId: number): Promise<number[]> {
    return this.q.blocks.all(groupId).map((r) => r.user_id);
  }

  async addGroupBlocks(groupId: number, userIds: number[], now: number): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) {
        this.q.block.run(groupId, uid, now);
        this.q.dropUserApplication.run(groupId, uid);
        this.q.dropUserInvitations.run(groupId, uid);
      }
    })();
  }

  async removeGroupBlocks(groupId: number, userIds: number[]): Promise<void> {
    this.db.transaction(() => {
      for (const uid of userIds) this.q.unblock.run(groupId, uid);
    })();
  }
}

/** Thrown inside the join transaction to roll it back when the group would overflow. */
class CapacityExceeded extends Error {}

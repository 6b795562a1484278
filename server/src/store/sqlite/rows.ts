/** Row shapes of the SQLite tables and their conversion to store records. */
import type { AppRecord, GroupRecord, MemberRecord, UserRecord } from '../types';

/** A row of `apps`. */
export interface AppRow { app_id: string; name: string; status: string; created_at: number }

/** A row of `users`. */
export interface UserRow {
  id: number; app_id: string; username: string; password_hash: string; nick_name: string; avatar: string;
  description: string; mobile: string; email: string; public_info: string; private_info: string; ext: string; created_at: number;
}

/** A row of `groups` joined with its member count. */
export interface GroupRow {
  id: number; app_id: string; name: string; owner_id: number; avatar: string; description: string;
  type: number; read_ack: number; ext: string; created_at: number; member_count: number;
  capacity: number; allow_member_invitation: number; allow_member_modify: number; history_visible: number;
  hide_member_info: number; apply_approval: number; ban_expire_time: number;
}

/** A row of `group_members`. */
export interface MemberRow {
  user_id: number; role: string; display_name: string; joined_at: number; ban_expire_time: number;
  msg_mute_mode: number; not_disturb: number;
}

/** Converts an `apps` row. */
export function toApp(r: AppRow): AppRecord {
  return { appId: r.app_id, name: r.name, status: r.status as AppRecord['status'], createdAt: r.created_at };
}

/** Converts a `users` row. */
export function toUser(r: UserRow): UserRecord {
  return {
    id: r.id, appId: r.app_id, username: r.username, passwordHash: r.password_hash, nickName: r.nick_name,
    avatar: r.avatar, description: r.description, mobile: r.mobile, email: r.email, publicInfo: r.public_info,
    privateInfo: r.private_info, ext: r.ext, createdAt: r.created_at,
  };
}

/** Converts a `groups` row. */
export function toGroup(r: GroupRow): GroupRecord {
  return {
    id: r.id, appId: r.app_id, name: r.name, ownerId: r.owner_id, avatar: r.avatar, description: r.description,
    type: r.type, readAck: r.read_ack !== 0, ext: r.ext, memberCount: r.member_count, capacity: r.capacity,
    allowMemberInvitation: r.allow_member_invitation !== 0, allowMemberModify: r.allow_member_modify !== 0,
    historyVisible: r.history_visible !== 0, hideMemberInfo: r.hide_member_info !== 0, applyApproval: r.apply_approval,
    banExpireTime: r.ban_expire_time, createdAt: r.created_at,
  };
}

/** Converts a `group_members` row. */
export function toMember(r: MemberRow): MemberRecord {
  return {
    userId: r.user_id, role: r.role as MemberRecord['role'], displayName: r.display_name, joinedAt: r.joined_at,
    banExpireTime: r.ban_expire_time, muteMode: r.msg_mute_mode, notDisturb: r.not_disturb !== 0,
  };
}

/** Orders `records` as `ids`, dropping ids without a record. */
export function inOrder<T extends { id: number }>(ids: number[], records: T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: T[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(r);
  }
  return out;
}

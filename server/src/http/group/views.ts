/** JSON shapes of groups and their parts (docs/social.md, "Shapes"; ids as JSON numbers, times in ms). */
import type { ServerContext } from '../../context';
import type { AnnouncementRecord, GroupApplicationRecord, GroupInvitationRecord, SharedFileRecord } from '../../store/group-types';
import type { GroupRecord, MemberRecord } from '../../store/types';
import { capacityOf, isBanned } from './permissions';

/** Info about a group. */
export function groupView(ctx: ServerContext, g: GroupRecord): Record<string, unknown> {
  return {
    group_id: g.id,
    name: g.name,
    owner_id: g.ownerId,
    avatar: g.avatar,
    description: g.description,
    type: g.type,
    read_ack: g.readAck,
    member_count: g.memberCount,
    capacity: capacityOf(ctx, g),
    ext: g.ext,
    created_at: g.createdAt,
    create_timestamp: g.createdAt,
  };
}

/** A ban end as answered: 0 once it has passed. */
export function banView(expire: number, now: number): number {
  return isBanned(expire, now) ? expire : 0;
}

/** A member; `hidden` blanks the display name (hide_member_info, seen by an ordinary member). */
export function memberView(m: MemberRecord, now: number, hidden = false): Record<string, unknown> {
  return {
    user_id: m.userId,
    display_name: hidden ? '' : m.displayName,
    role: m.role,
    join_time: m.joinedAt,
    ban_expire_time: banView(m.banExpireTime, now),
  };
}

/** The settings of a group, with the caller's own mute mode and do-not-disturb. */
export function settingsView(g: GroupRecord, me: MemberRecord, now: number): Record<string, unknown> {
  return {
    group_id: g.id,
    allow_member_invitation: g.allowMemberInvitation,
    allow_member_modify: g.allowMemberModify,
    enable_read_ack: g.readAck,
    history_visible: g.historyVisible,
    hide_member_info: g.hideMemberInfo,
    apply_approval: g.applyApproval,
    ban_expire_time: banView(g.banExpireTime, now),
    msg_mute_mode: me.muteMode,
    not_disturb: me.notDisturb,
  };
}

/** An application as listed (a pending one past `expire_time` can no longer be handled). */
export function applicationView(a: GroupApplicationRecord): Record<string, unknown> {
  return { group_id: a.groupId, applicant_id: a.applicantId, reason: a.reason, status: a.status, expire_time: a.expireTime };
}

/** An invitation as listed. */
export function invitationView(i: GroupInvitationRecord): Record<string, unknown> {
  return { group_id: i.groupId, inviter_id: i.inviterId, invitee_id: i.inviteeId, status: i.status, expire_time: i.expireTime };
}

/** An announcement. */
export function announcementView(a: AnnouncementRecord): Record<string, unknown> {
  return { id: a.id, title: a.title, content: a.content, author: a.author, created_at: a.createdAt };
}

/** A shared file. */
export function fileView(f: SharedFileRecord): Record<string, unknown> {
  return { file_id: f.id, name: f.name, size: f.size, type: f.type, url: f.url, uploader: f.uploader, created_at: f.createdAt };
}

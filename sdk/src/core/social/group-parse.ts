/**
 * Reading the group answers of the REST server (docs/social.md, "Shapes") into the public types.
 * Fields are read defensively: a missing field gets its empty value, never an exception.
 */
import { idString, num, text, type Raw } from './parse';
import type {
  Announcement, ApplyApproval, BannedMember, GroupApplication, GroupInvitation, GroupMember, GroupRole,
  GroupSettings, InviteResult, SharedFile,
} from './types';

const ROLES: readonly GroupRole[] = ['owner', 'admin', 'member'];
const STATUSES = ['pending', 'accepted', 'declined'] as const;
export const APPROVALS: readonly ApplyApproval[] = ['acceptAll', 'adminConfirm', 'rejectAll'];
const INVITE_RESULTS: readonly InviteResult['result'][] = ['joined', 'invited', 'refused'];

/** Picks `value` when it is one of `allowed`, else `allowed[fallback]`. */
function oneOf<T>(allowed: readonly T[], value: unknown, fallback: number): T {
  return allowed.includes(value as T) ? (value as T) : allowed[fallback]!;
}

/** A status number (0 pending, 1 accepted, 2 declined). */
function status(value: unknown): GroupApplication['status'] {
  return STATUSES[num(value)] ?? 'pending';
}

/** A member of `GET /group/member_list` and `GET /group/admin_list`. */
export function memberFrom(r: Raw): GroupMember {
  return {
    userId: idString(r.user_id),
    role: oneOf(ROLES, r.role, 2),
    displayName: text(r.display_name),
    joinedAt: num(r.join_time),
    bannedUntil: num(r.ban_expire_time),
  };
}

/** The answer of `GET /group/settings` (possibly merged with notices). */
export function settingsFrom(r: Raw): GroupSettings {
  const mode = num(r.msg_mute_mode);
  const out = {
    applyApproval: APPROVALS[num(r.apply_approval)] ?? 'adminConfirm',
    banAllUntil: num(r.ban_expire_time),
    muteMode: mode === 1 || mode === 2 ? mode : 0,
    doNotDisturb: r.not_disturb === true,
  } as GroupSettings;
  for (const k of SWITCHES) out[k] = r[snake(k)] === true;
  return out;
}

/** The on/off group settings; the REST name of each is its snake_case form. */
export const SWITCHES = ['allowMemberInvitation', 'allowMemberModify', 'enableReadAck', 'historyVisible', 'hideMemberInfo'] as const;

/** `allowMemberInvitation` → `allow_member_invitation`. */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`);
}

/** One entry of `POST /group/invite`. */
export function inviteFrom(r: Raw): InviteResult {
  const out: InviteResult = { userId: idString(r.user_id), result: oneOf(INVITE_RESULTS, r.result, 2) };
  if (typeof r.reason === 'string' && r.reason) out.reason = r.reason;
  return out;
}

/** One entry of `POST /group/application_list`. */
export function applicationFrom(r: Raw): GroupApplication {
  return { groupId: idString(r.group_id), applicantId: idString(r.applicant_id), reason: text(r.reason), status: status(r.status), expiresAt: num(r.expire_time) };
}

/** One entry of `GET /group/invitation_list`. */
export function invitationFrom(r: Raw): GroupInvitation {
  return { groupId: idString(r.group_id), inviterId: idString(r.inviter_id), inviteeId: idString(r.invitee_id), status: status(r.status), expiresAt: num(r.expire_time) };
}

/** One entry of `GET /group/banned_list`. */
export function bannedFrom(r: Raw): BannedMember {
  return { userId: idString(r.user_id), until: num(r.expired_time) };
}

/** An announcement. */
export function announcementFrom(r: Raw): Announcement {
  return { id: idString(r.id), title: text(r.title), content: text(r.content), authorId: idString(r.author), createdAt: num(r.created_at) };
}

/** A shared file. */
export function fileFrom(r: Raw): SharedFile {
  return {
    fileId: idString(r.file_id), name: text(r.name), size: num(r.size), type: text(r.type), url: text(r.url),
    uploaderId: idString(r.uploader), createdAt: num(r.created_at),
  };
}

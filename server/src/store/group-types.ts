/** Storage contract of group management: roles, settings, applications, invitations, blocks, bans, announcements, files. */
import type { GroupRecord, GroupRole, MemberRecord, StoredItem } from './types';

/** Group info fields that members may change (`/group/info/<field>`). */
export type GroupInfoPatch = Partial<Pick<GroupRecord, 'name' | 'avatar' | 'description' | 'ext'>>;

/** Group settings (`/group/settings/<setting>`, ban all). */
export type GroupSettingsPatch = Partial<Pick<GroupRecord,
  'allowMemberInvitation' | 'allowMemberModify' | 'readAck' | 'historyVisible' | 'hideMemberInfo' | 'applyApproval' | 'banExpireTime'>>;

/** A member's own preferences for a group. */
export type MemberPrefsPatch = Partial<Pick<MemberRecord, 'muteMode' | 'notDisturb'>>;

/** State of an application or invitation: 0 pending, 1 accepted, 2 declined. */
export type RequestStatus = 0 | 1 | 2;

/** A request to join a group. */
export interface GroupApplicationRecord {
  groupId: number;
  applicantId: number;
  reason: string;
  status: RequestStatus;
  createdAt: number;
  expireTime: number;
}

/** An invitation into a group that the invitee has to confirm. */
export interface GroupInvitationRecord {
  groupId: number;
  inviterId: number;
  inviteeId: number;
  status: RequestStatus;
  createdAt: number;
  expireTime: number;
}

/** A group announcement. */
export interface AnnouncementRecord {
  id: number;
  groupId: number;
  title: string;
  content: string;
  author: number;
  createdAt: number;
}

/** A shared file registered in a group (the bytes live wherever `url` points). */
export interface SharedFileRecord {
  id: number;
  groupId: number;
  name: string;
  size: number;
  type: string;
  url: string;
  uploader: number;
  createdAt: number;
}

/** Why members leave a group: kicks are counted, blocks are remembered. */
export type Removal = 'leave' | 'kick' | 'block';

/** Group management storage (implemented by sqlite/group-admin.ts, group-requests.ts and group-content.ts). */
export interface GroupAdminStore {
  /** One member of a group, or undefined. */
  getMember(groupId: number, userId: number): Promise<MemberRecord | undefined>;
  /** Members in join order, skipping `offset`, at most `limit`. */
  listMembersPage(groupId: number, offset: number, limit: number): Promise<MemberRecord[]>;
  /** The members among `userIds` (in join order). */
  getMembers(groupId: number, userIds: number[]): Promise<MemberRecord[]>;
  /** How many (live) groups a user owns in an app. */
  countOwnedGroups(appId: string, userId: number): Promise<number>;
  /** Public groups (type 1) of an app, newest first. */
  listPublicGroups(appId: string, limit: number): Promise<GroupRecord[]>;
  /** Marks a group destroyed and removes its members and pending requests; returns the former members. */
  destroyGroup(groupId: number, now: number): Promise<number[]>;
  updateGroupInfo(groupId: number, patch: GroupInfoPatch): Promise<GroupRecord | undefined>;
  updateGroupSettings(groupId: number, patch: GroupSettingsPatch): Promise<GroupRecord | undefined>;
  /** Sets the role of members (never the owner's). */
  setMemberRole(groupId: number, userIds: number[], role: Exclude<GroupRole, 'owner'>): Promise<void>;
  /** Makes `newOwner` (a member) the owner; the old owner becomes a plain member. */
  transferGroupOwner(groupId: number, oldOwner: number, newOwner: number): Promise<void>;
  setMemberDisplayName(groupId: number, userId: number, displayName: string): Promise<void>;
  setMemberPrefs(groupId: number, userId: number, patch: MemberPrefsPatch): Promise<void>;
  /** Sets the ban of members (0 lifts it, -1 until lifted, else the end in ms). */
  setMemberBan(groupId: number, userIds: number[], banExpireTime: number): Promise<void>;
  /** Members banned at `now`. */
  listBannedMembers(groupId: number, now: number): Promise<MemberRecord[]>;
  /**
   * Adds users as members if the group then holds at most `capacity` members; all or nothing. Resolves
   * false when full. Users already members are left as they are.
   */
  joinGroup(groupId: number, userIds: number[], capacity: number, now: number): Promise<boolean>;
  /** Removes members; a kick also counts towards the kick limit, a block also adds to the group blocklist. */
  removeMembers(groupId: number, userIds: number[], how: Removal, now: number): Promise<void>;
  /** How often the user was kicked from the group. */
  groupKickCount(groupId: number, userId: number): Promise<number>;
  /** The users among `userIds` on the group's blocklist. */
  blockedAmong(groupId: number, userIds: number[]): Promise<number[]>;
  listGroupBlocks(groupId: number): Promise<number[]>;
  /** Adds non-members to the group blocklist (members go through {@link removeMembers} with 'block'). */
  addGroupBlocks(groupId: number, userIds: number[], now: number): Promise<void>;
  removeGroupBlocks(groupId: number, userIds: number[]): Promise<void>;

  /** Creates or renews the applicant's pending application. */
  saveGroupApplication(a: GroupApplicationRecord): Promise<void>;
  getGroupApplication(groupId: number, applicantId: number): Promise<GroupApplicationRecord | undefined>;
  setGroupApplicationStatus(groupId: number, applicantId: number, status: RequestStatus): Promise<void>;
  /** Applications to a group, newest first. */
  listGroupApplications(groupId: number, limit: number): Promise<GroupApplicationRecord[]>;
  /** Creates or renews a pending invitation. */
  saveGroupInvitation(i: GroupInvitationRecord): Promise<void>;
  getGroupInvitation(groupId: number, inviterId: number, inviteeId: number): Promise<GroupInvitationRecord | undefined>;
  setGroupInvitationStatus(groupId: number, inviterId: number, inviteeId: number, status: RequestStatus): Promise<void>;
  /** Invitations to a user into live groups, newest first. */
  listGroupInvitations(inviteeId: number, limit: number): Promise<GroupInvitationRecord[]>;

  addGroupAnnouncement(a: Omit<AnnouncementRecord, 'id'>): Promise<AnnouncementRecord>;
  getGroupAnnouncement(groupId: number, id: number): Promise<AnnouncementRecord | undefined>;
  /** Newest first. */
  listGroupAnnouncements(groupId: number, limit: number): Promise<AnnouncementRecord[]>;
  deleteGroupAnnouncement(groupId: number, id: number): Promise<boolean>;
  addGroupFile(f: Omit<SharedFileRecord, 'id'>): Promise<SharedFileRecord>;
  /** The files of the group among `ids` (unknown ids skipped). */
  getGroupFiles(groupId: number, ids: number[]): Promise<SharedFileRecord[]>;
  /** Newest first. */
  listGroupFiles(groupId: number, limit: number): Promise<SharedFileRecord[]>;
  deleteGroupFiles(groupId: number, ids: number[]): Promise<void>;

  /**
   * Visible group messages for a member when the group's history is visible to new members: every
   * content item sent to the group (not recalled, not deleted by this user), newest first, ids below
   * `beforeId` (0 = newest), including those from before the user joined.
   */
  groupHistory(userId: number, groupId: number, beforeId: number, limit: number): Promise<StoredItem[]>;
}

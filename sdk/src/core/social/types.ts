/**
 * Public types of the social graph: users, friends, blocklist and groups, the managers' contracts
 * (`client.users`, `client.roster`, `client.groups`) and the notice events. Ids are decimal strings.
 */

/** Public information about a user. */
export interface UserProfile {
  userId: string;
  username: string;
  /** Display name chosen by the user (may be empty). */
  nickName: string;
  /** Avatar URL (may be empty). */
  avatar: string;
  description: string;
  /** App-defined JSON text (may be empty). */
  ext: string;
}

/** The logged-in user's own profile: public information plus private fields. */
export interface OwnProfile extends UserProfile {
  mobile: string;
  email: string;
}

/** Fields of the own profile that `updateProfile` changes; absent fields stay as they are. */
export interface ProfileUpdate {
  nickName?: string;
  avatar?: string;
  description?: string;
  ext?: string;
}

/** How friend requests to this user are handled. */
export type FriendVerification = 'anyone' | 'confirm' | 'question' | 'refuseAll';

/** The user's account settings. */
export interface UserSettings {
  /** anyone: requests become friendships at once; confirm: the user accepts or declines; question: the right answer is needed; refuseAll. */
  friendVerification: FriendVerification;
  /** The question shown to applicants (mode `question`). */
  verificationQuestion: string;
  /** Group invitations need this user's confirmation (else the user is added at once). */
  groupInviteConfirm: boolean;
  /** Do not disturb: no push at all. */
  doNotDisturb: boolean;
  /** Hours (0–23) of the quiet period, start == end meaning none. */
  quietStartHour: number;
  quietEndHour: number;
}

/** Settings to change; the verification answer is write-only. */
export type UserSettingsUpdate = Partial<UserSettings> & { verificationAnswer?: string };

/** A device the user has logged in from. */
export interface Device {
  /** Device serial number (XID.deviceSN). */
  sn: number;
  /** Platform name as the device reported it (e.g. `wechat`, `web`, `ios`). */
  platform: string;
  /** Free text the device reported (model, user agent). */
  info: string;
  lastLoginAt: number;
  online: boolean;
  /** This very client. */
  current: boolean;
}

/** A friend: public profile plus what the user set about them. */
export interface Friend extends UserProfile {
  /** The user's remark name for this friend (may be empty). */
  alias: string;
  /** The user's private JSON text about this friend (may be empty). */
  friendExt: string;
}

/** A pending, accepted or declined friend request to or from the user. */
export interface FriendApplication {
  /** The other user. */
  userId: string;
  /** Whether the user sent it (`outgoing`) or received it. */
  direction: 'incoming' | 'outgoing';
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  /** When it stops being pending (ms). */
  expiresAt: number;
}

/** The result of a friend request. */
export type ApplyResult = 'added' | 'pending';

/** Group types. `chatroom` and `temporary` are accepted by the server but get no special behaviour. */
export type GroupType = 'private' | 'public' | 'chatroom' | 'temporary';

/** Who may join by applying. */
export type ApplyApproval = 'acceptAll' | 'adminConfirm' | 'rejectAll';

/** Information about a group. */
export interface GroupInfo {
  groupId: string;
  name: string;
  avatar: string;
  description: string;
  ext: string;
  ownerId: string;
  type: GroupType;
  memberCount: number;
  capacity: number;
  createdAt: number;
}

/** Group information to change (admins; members when the group allows member modification). */
export interface GroupUpdate {
  name?: string;
  avatar?: string;
  description?: string;
  ext?: string;
}

/** A role in a group. */
export type GroupRole = 'owner' | 'admin' | 'member';

/** A member of a group. */
export interface GroupMember {
  userId: string;
  role: GroupRole;
  /** The member's group nickname (may be empty). */
  displayName: string;
  joinedAt: number;
  /** Ms until which the member may not speak; 0 when not banned, -1 for ever. */
  bannedUntil: number;
}

/** A page of members; `next` is the cursor of the following page (absent on the last page). */
export interface MemberPage {
  members: GroupMember[];
  next?: string;
}

/** Group settings (admins change them) plus the calling user's own message settings. */
export interface GroupSettings {
  allowMemberInvitation: boolean;
  allowMemberModify: boolean;
  enableReadAck: boolean;
  historyVisible: boolean;
  hideMemberInfo: boolean;
  applyApproval: ApplyApproval;
  /** Ms until which only the owner and admins may speak; 0 = no ban-all, -1 = until lifted. */
  banAllUntil: number;
  /** Own setting: 0 notify, 1 no local notification, 2 do not receive. */
  muteMode: 0 | 1 | 2;
  /** Own setting: do not disturb for this group. */
  doNotDisturb: boolean;
}

/** Group settings an admin changes. */
export type GroupSettingsUpdate = Partial<Pick<GroupSettings,
  'allowMemberInvitation' | 'allowMemberModify' | 'enableReadAck' | 'historyVisible' | 'hideMemberInfo' | 'applyApproval'>>;

/** The outcome of inviting one user. */
export interface InviteResult {
  userId: string;
  /** `joined`: added at once; `invited`: waits for the invitee; `refused`: see `reason`. */
  result: 'joined' | 'invited' | 'refused';
  /** For `refused`: the client error code name (e.g. GroupMemberExist). */
  reason?: string;
}

/** An application to join a group. */
export interface GroupApplication {
  groupId: string;
  applicantId: string;
  reason: string;
  status: 'pending' | 'accepted' | 'declined';
  expiresAt: number;
}

/** An invitation to join a group. */
export interface GroupInvitation {
  groupId: string;
  inviterId: string;
  inviteeId: string;
  status: 'pending' | 'accepted' | 'declined';
  expiresAt: number;
}

/** A group announcement. */
export interface Announcement {
  id: string;
  title: string;
  content: string;
  authorId: string;
  createdAt: number;
}

/** A file shared in a group. */
export interface SharedFile {
  fileId: string;
  name: string;
  size: number;
  type: string;
  url: string;
  uploaderId: string;
  createdAt: number;
}

/** A banned member as the banned list shows it. */
export interface BannedMember {
  userId: string;
  /** Ms until the ban ends, -1 for ever. */
  until: number;
}

/** A roster notice as an event: `from` acted, `to` are the users it is about. */
export interface RosterNoticeEvent {
  kind: 'added' | 'removed' | 'accepted' | 'declined' | 'blocked' | 'unblocked' | 'applied' | 'infoUpdated' | 'muted' | 'unmuted';
  from: string;
  to: string[];
  /** The notice's JSON content, parsed (empty object when none or not JSON). */
  content: Record<string, unknown>;
}

/** A group notice as an event. */
export interface GroupNoticeEvent {
  kind: 'presence' | 'absence' | 'created' | 'destroyed' | 'joined' | 'left' | 'applied' | 'applyAccepted'
    | 'applyDeclined' | 'invited' | 'inviteAccepted' | 'inviteDeclined' | 'kicked' | 'blocked' | 'unblocked'
    | 'ownerAssigned' | 'adminGranted' | 'adminRevoked' | 'muted' | 'unmuted' | 'banned' | 'unbanned'
    | 'infoUpdated' | 'announcementUpdated' | 'messageSetting' | 'fileUploaded' | 'fileDeleted' | 'fileUpdated';
  groupId: string;
  from: string;
  to: string[];
  content: Record<string, unknown>;
}

/** A user notice that does not end the session (those raise `kicked`). */
export interface UserNoticeEvent {
  kind: 'infoUpdated' | 'deviceLogin' | 'deviceLogout' | 'deviceAdded' | 'trafficLimitExceeded' | 'other';
  content: Record<string, unknown>;
}

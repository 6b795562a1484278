/**
 * Storage contracts of floo-server. Every method is asynchronous so that the embedded SQLite
 * implementation can later be swapped for a networked database (e.g. PostgreSQL) without touching
 * the REST or XSYNC layers. Each method is atomic on its own.
 *
 * Ids of users, groups and messages are JS numbers: all are kept below 2^53 by design (official
 * clients convert them to numbers), and converted to decimal strings only at the wire boundary.
 */
import type { FileStore } from './file-types';
import type { GroupAdminStore } from './group-types';
import type { ReceiptStore } from './receipt-types';
import type { RosterStore } from './roster-types';

/** An application (tenant). Users, groups and messages belong to exactly one app. */
export interface AppRecord {
  appId: string;
  name: string;
  status: 'normal' | 'banned' | 'frozen' | 'revoked';
  createdAt: number;
}

/** A user account. `passwordHash` is an scrypt hash string (see auth/passwords). */
export interface UserRecord {
  id: number;
  appId: string;
  username: string;
  passwordHash: string;
  nickName: string;
  avatar: string;
  description: string;
  mobile: string;
  email: string;
  publicInfo: string;
  privateInfo: string;
  ext: string;
  createdAt: number;
}

/** Profile fields a user may change over REST. */
export type ProfilePatch = Partial<Pick<UserRecord, 'nickName' | 'avatar' | 'description' | 'publicInfo' | 'privateInfo' | 'ext' | 'email'>>;

/** A stored session token (only its sha256 is kept). */
export interface TokenRecord {
  userId: number;
  appId: string;
  expiresAt: number;
}

/** A device of a user: `sn` is the stable device serial number sent as XID.deviceSN. */
export interface DeviceRecord {
  userId: number;
  sn: number;
  guid: string;
  created: boolean;
}

/** What PROVISION knows about the connecting device. */
export interface DeviceLogin {
  userId: number;
  /** Provision.device_guid; may be empty. */
  guid: string;
  /** The SN the client claims; only honoured when it is a real, already assigned SN of this user. */
  claimedSn: number;
  osType: number;
  deviceInfo: string;
  sdkVsn: string;
  now: number;
  /** sha256 of the login's token, remembered so that a password change can spare the caller's devices. */
  tokenHash?: string;
}

/** A group (destroyed groups are never returned). */
export interface GroupRecord {
  id: number;
  appId: string;
  name: string;
  ownerId: number;
  avatar: string;
  description: string;
  /** 0 private, 1 public, 2 chatroom, 3 temporary. */
  type: number;
  /** The `enable_read_ack` setting. */
  readAck: boolean;
  ext: string;
  memberCount: number;
  /** The group's own member limit; 0 = the server's maximum (`groupCapacity`). */
  capacity: number;
  allowMemberInvitation: boolean;
  allowMemberModify: boolean;
  historyVisible: boolean;
  hideMemberInfo: boolean;
  /** 0 accept all, 1 an admin confirms, 2 reject all. */
  applyApproval: number;
  /** Everyone but the owner and admins is banned until then: 0 none, -1 until lifted, else ms. */
  banExpireTime: number;
  createdAt: number;
}

/** Input of {@link GroupStore.createGroup}. The owner is always made a member. */
export interface NewGroup {
  appId: string;
  name: string;
  ownerId: number;
  memberIds: number[];
  avatar?: string;
  description?: string;
  type?: number;
  readAck?: boolean;
  ext?: string;
  /** The group's own member limit (0 or absent: the server's maximum). */
  capacity?: number;
  now: number;
}

/** A member's role in a group. */
export type GroupRole = 'owner' | 'admin' | 'member';

/** A group member. */
export interface MemberRecord {
  userId: number;
  role: GroupRole;
  displayName: string;
  joinedAt: number;
  /** Banned from speaking until then: 0 not banned, -1 until lifted, else ms. */
  banExpireTime: number;
  /** 0 normal, 1 no local notification, 2 do not receive group messages. */
  muteMode: number;
  notDisturb: boolean;
}

/**
 * Conversation type of a queue entry, with the values of ConversationUnread.ConvType:
 * 1 = 1:1 chat (conversation id = peer uid), 2 = group (gid), 0 = the user's own-device queue
 * (conversation id = the user's own uid: read-all, delete, conversation ops from other devices).
 */
export type ConvKind = 0 | 1 | 2;

/** Whether a stored item is visible content (history) or an operation / signal (queue only). */
export type ItemKind = 'content' | 'op';

/** One recipient queue entry created for a stored item. */
export interface Recipient {
  userId: number;
  convId: number;
  convType: ConvKind;
  /** Device SN that already has the item (the sending device), 0 when none. */
  skipSn: number;
  /** Initial read state of this user's copy (the sender's own copies start read). */
  read: boolean;
}

/** Input of {@link MessageStore.appendMessage}. */
export interface NewItem {
  appId: string;
  fromUid: number;
  fromSn: number;
  /** Meta.to.uid as sent (0 when absent). */
  toUid: number;
  ns: number;
  /** Encoded payload (e.g. a MessageBody without `status`). */
  payload: Uint8Array;
  kind: ItemKind;
  /** The client's id (decimal string) and a digest of the content, for retry de-duplication. */
  clientMid: string;
  digest: string;
  recipients: Recipient[];
}

/** Result of {@link MessageStore.appendMessage}. */
export interface AppendResult {
  id: number;
  timestamp: number;
  /** True when the item was already stored by an earlier identical upload: nothing was written. */
  duplicate: boolean;
}

/** A stored item as one user sees it. */
export interface StoredItem {
  id: number;
  fromUid: number;
  fromSn: number;
  toUid: number;
  ns: number;
  payload: Uint8Array;
  timestamp: number;
  editTimestamp: number;
  read: boolean;
}

/** A stored message, independent of any recipient. */
export interface MessageRecord {
  id: number;
  appId: string;
  fromUid: number;
  fromSn: number;
  toUid: number;
  ns: number;
  kind: ItemKind;
  payload: Uint8Array;
  timestamp: number;
  recalled: boolean;
}

/** One line of the UNREAD answer for a device. */
export interface ConversationPending {
  convId: number;
  convType: ConvKind;
  n: number;
}

/** Apps, users, tokens, friends and devices. */
export interface AccountStore {
  getApp(appId: string): Promise<AppRecord | undefined>;
  /** Creates the app if missing; returns it either way. */
  ensureApp(appId: string, name: string, now: number): Promise<AppRecord>;
  listApps(): Promise<AppRecord[]>;
  /** Creates a user; returns undefined when the username is taken in that app. */
  createUser(input: { appId: string; username: string; passwordHash: string; nickName?: string; now: number }): Promise<UserRecord | undefined>;
  getUser(id: number): Promise<UserRecord | undefined>;
  /** The app of a user, or undefined for an unknown id (a user never changes app: cheap to cache). */
  getUserApp(id: number): Promise<string | undefined>;
  findUserByName(appId: string, username: string): Promise<UserRecord | undefined>;
  findUserByMobile(appId: string, mobile: string): Promise<UserRecord | undefined>;
  /** The users of `appId` among `ids`, in the order of `ids`; unknown ids are skipped. */
  getUsers(appId: string, ids: number[]): Promise<UserRecord[]>;
  updateProfile(userId: number, patch: ProfilePatch): Promise<UserRecord | undefined>;
  saveToken(tokenHash: string, userId: number, expiresAt: number, now: number): Promise<void>;
  /** The token's owner, or undefined when unknown or expired at `now`. */
  getToken(tokenHash: string, now: number): Promise<TokenRecord | undefined>;
  deleteExpiredTokens(now: number): Promise<number>;
  /** Sets a new password hash and revokes every token of the user but `keepTokenHash`; answers how many were revoked. */
  changePassword(userId: number, passwordHash: string, keepTokenHash: string): Promise<number>;
  /** Revokes one token of the user; false when it was not theirs or unknown. */
  revokeToken(userId: number, tokenHash: string): Promise<boolean>;
  /** Makes `a` and `b` friends of each other (idempotent). */
  addFriends(a: number, b: number, now: number): Promise<void>;
  listFriends(userId: number): Promise<number[]>;
  /** Finds or registers the device of a login and returns its stable SN. */
  loginDevice(login: DeviceLogin): Promise<DeviceRecord>;
}

/** Groups and memberships. */
export interface GroupStore {
  createGroup(input: NewGroup): Promise<GroupRecord>;
  getGroup(id: number): Promise<GroupRecord | undefined>;
  /** The groups of `appId` among `ids`, in the order of `ids`; unknown ids are skipped. */
  getGroups(appId: string, ids: number[]): Promise<GroupRecord[]>;
  findGroupsByName(appId: string, name: string): Promise<GroupRecord[]>;
  listJoinedGroups(userId: number): Promise<number[]>;
  listMembers(groupId: number): Promise<MemberRecord[]>;
  isMember(groupId: number, userId: number): Promise<boolean>;
  /** Adds members (idempotent). */
  addMembers(groupId: number, userIds: number[], now: number): Promise<void>;
}

/** Messages, per-user queues and per-device cursors. */
export interface MessageStore {
  /**
   * Stores an item and enqueues it for every recipient, atomically. The id is taken from the
   * store's id generator inside the transaction. A repeated upload (same sender device, client id
   * and digest) returns the first result with `duplicate: true` and writes nothing.
   */
  appendMessage(item: NewItem): Promise<AppendResult>;
  getMessage(id: number): Promise<MessageRecord | undefined>;
  /** A fresh message id for an item that is not stored (typing), from the same monotonic sequence. */
  allocateId(): Promise<number>;
  /**
   * Acknowledges everything up to `ackKey` (when > 0) for this device and conversation, then returns
   * the next batch of pending items, ascending.
   */
  pull(userId: number, sn: number, convId: number, ackKey: number, limit: number): Promise<StoredItem[]>;
  /** Visible content of a conversation for a user, newest first, ids below `beforeId` (0 = newest). */
  history(userId: number, convId: number, beforeId: number, limit: number): Promise<StoredItem[]>;
  /** Every conversation of the user, with the number of items pending for this device. */
  pending(userId: number, sn: number): Promise<ConversationPending[]>;
  /** The conversation (from this user's view) an item was queued under, if the user has it. */
  conversationOf(userId: number, messageId: number): Promise<number | undefined>;
  /** Read-state changes of one user's copies. */
  markRead(userId: number, convId: number, messageId: number, read: boolean): Promise<void>;
  markReadUpTo(userId: number, convId: number, messageId: number): Promise<void>;
  markDeleted(userId: number, convId: number, messageId: number): Promise<void>;
  /** Hides a conversation from the user's list until a newer item arrives. */
  hideConversation(userId: number, convId: number): Promise<void>;
  setRecalled(messageId: number): Promise<void>;
  replacePayload(messageId: number, payload: Uint8Array, editTimestamp: number): Promise<void>;
}

/** The whole storage of a server. */
export interface Store extends AccountStore, GroupStore, MessageStore, RosterStore, GroupAdminStore, FileStore, ReceiptStore {
  /** Flushes and releases the storage. */
  close(): Promise<void>;
}

/** Storage contract of user settings, devices, roster details, friend applications and the blocklist. */

/** How friend requests to a user are handled: 0 anyone, 1 confirm, 2 question, 3 refuse all. */
export type AuthMode = 0 | 1 | 2 | 3;

/** A user's account settings. `authAnswer` never leaves the server. */
export interface UserSettings {
  authMode: AuthMode;
  authQuestion: string;
  authAnswer: string;
  groupConfirm: boolean;
  noPush: boolean;
  noPushStartHour: number;
  noPushEndHour: number;
}

/** Settings of a user who never changed them (docs/social.md "Shapes"). */
export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = Object.freeze({
  authMode: 1, authQuestion: '', authAnswer: '', groupConfirm: false, noPush: false, noPushStartHour: 0, noPushEndHour: 0,
});

/** A device as the device list shows it. */
export interface DeviceInfo {
  sn: number;
  osType: number;
  deviceInfo: string;
  lastLoginAt: number;
  /** sha256 of the token the device last logged in with ('' when unknown). */
  tokenHash: string;
}

/** What the caller set about one friend. */
export interface RosterEntry {
  friendId: number;
  alias: string;
  ext: string;
}

/** How two users stand: friendship (from `a`'s side) and blocks either way. */
export interface RosterRelation {
  friend: boolean;
  /** `a` blocked `b`. */
  blocked: boolean;
  /** `b` blocked `a`. */
  blockedBy: boolean;
}

/** Which side of a 1:1 conversation blocks the other, if any (the send path's check). */
export type BlockState = 'none' | 'blocked' | 'blockedBy';

/** Status of a friend application: 0 pending, 1 accepted, 2 declined. */
export type ApplicationStatus = 0 | 1 | 2;

/** A friend application (one per applicant and target). */
export interface FriendApplication {
  applicantId: number;
  targetId: number;
  reason: string;
  status: ApplicationStatus;
  expiresAt: number;
  updatedAt: number;
}

/** Users, roster and blocklist storage (implemented by sqlite/roster.ts). */
export interface RosterStore {
  /** The user's settings (the defaults when never changed). */
  getUserSettings(userId: number): Promise<UserSettings>;
  /** Changes some settings and answers all of them. */
  updateUserSettings(userId: number, patch: Partial<UserSettings>): Promise<UserSettings>;
  /** Every device the user has logged in from, most recent login first. */
  listUserDevices(userId: number): Promise<DeviceInfo[]>;
  /** What `userId` set about those of `ids` who are friends (others are skipped). */
  getRosterEntries(userId: number, ids: number[]): Promise<RosterEntry[]>;
  /** Friendship and blocks between `a` and `b`, seen from `a`. */
  getRosterRelation(a: number, b: number): Promise<RosterRelation>;
  /** Changes alias and/or ext of `friendId` on `userId`'s side; undefined when they are not friends. */
  updateRosterEntry(userId: number, friendId: number, patch: { alias?: string; ext?: string }): Promise<RosterEntry | undefined>;
  /** Ends a friendship both ways; false when they were not friends. */
  removeFriends(a: number, b: number): Promise<boolean>;
  /**
   * Creates or refreshes the pending application of `applicantId` to `targetId` (one row per pair:
   * a repeat refreshes reason and expiry, a declined or accepted one is reopened).
   */
  saveFriendApplication(applicantId: number, targetId: number, reason: string, expiresAt: number, now: number): Promise<void>;
  /**
   * Accepts the pending, unexpired application of `applicantId` to `targetId` and makes them friends
   * (closing a pending application the other way too); false when there is none.
   */
  acceptFriendApplication(applicantId: number, targetId: number, now: number): Promise<boolean>;
  /** Declines the pending, unexpired application; false when there is none. */
  declineFriendApplication(applicantId: number, targetId: number, now: number): Promise<boolean>;
  /** Makes two users friends at once (request to a user who accepts anyone), closing pending applications between them. */
  befriend(a: number, b: number, now: number): Promise<void>;
  /** Applications to or from the user, most recently changed first. */
  listFriendApplications(userId: number, offset: number, limit: number): Promise<FriendApplication[]>;
  /** Adds `blockedId` to the user's blocklist; false when already there. */
  blockUser(userId: number, blockedId: number, now: number): Promise<boolean>;
  /** Removes `blockedId` from the user's blocklist; false when not there. */
  unblockUser(userId: number, blockedId: number): Promise<boolean>;
  /** The user's blocklist, oldest first. */
  listBlockedUsers(userId: number): Promise<number[]>;
  /** Whether `from` blocked `to` or `to` blocked `from` (one indexed read: it runs for every 1:1 send). */
  getBlockState(from: number, to: number): Promise<BlockState>;
}

/**
 * XSYNC enums as plain `as const` objects (usable at run time, tree-shaken when unused) with a matching
 * numeric union type of the same name. Values are the wire values of sdk/proto/*.proto; a test checks
 * that every enum here equals its .proto definition.
 */

/** Frame.VSN */
export const Vsn = { XSYNC_V1: 0, XSYNC_V2: 1 } as const;
export type Vsn = (typeof Vsn)[keyof typeof Vsn];

/** Frame.Command: selects the payload type. */
export const Command = { UNREAD: 0, SYNC: 1, NOTICE: 2, PROVISION: 3 } as const;
export type Command = (typeof Command)[keyof typeof Command];

/** Frame.CompressMethod */
export const CompressMethod = { NONE: 0, ZLIB: 1 } as const;
export type CompressMethod = (typeof CompressMethod)[keyof typeof CompressMethod];

/** Frame.EncryptMethod */
export const EncryptMethod = { ENCRYPT_NONE: 0, AES_CBC_128: 1, AES_CBC_256: 2, CUSTOM: 3 } as const;
export type EncryptMethod = (typeof EncryptMethod)[keyof typeof EncryptMethod];

/** Status.ErrorCode: `OK` (1) is success; anything else, including UNKNOWN (0), is a failure. */
export const StatusCode = {
  UNKNOWN: 0, OK: 1, FAIL: 2, UNKNOWN_COMMAND: 3, PB_PARSER_ERROR: 4, DECRYPT_FAILURE: 5,
  PUBLIC_KEY_CHANGED: 6, INVALID_TOKEN: 7, INVALID_PARAMETER: 8, UNAUTHORIZED: 9, USER_FROZEN: 10,
  USER_BANNED: 11, WORD_CENSORED: 12, TOO_MANY_DEVICES: 13, ENCRYPT_METHOD_UNSUPPORTED: 14,
  DEVICE_GUID_CONFLICT: 15, CHECK_SUM_FAILURE: 16, INVALID_LICENSE: 17, LICENSE_LIMIT: 18,
  APP_FROZEN: 19, RATE_LIMIT_EXCEEDED: 20,
} as const;
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

/** ConversationUnread.ConvType */
export const ConvType = { UNKNOWN: 0, CHAT: 1, GROUPCHAT: 2 } as const;
export type ConvType = (typeof ConvType)[keyof typeof ConvType];

/** Provision.OsType */
export const OsType = { UNKNOWN: 0, IOS: 1, ANDR: 2, WIN: 3, OSX: 4, LINUX: 5, WEB: 6 } as const;
export type OsType = (typeof OsType)[keyof typeof OsType];

/** Meta.NameSpace: selects the type of Meta.payload. */
export const NameSpace = {
  UNKNOWN: 0, MESSAGE: 1, GROUP_NOTICE: 2, ROSTER_NOTICE: 3, USER_NOTICE: 4,
  INFO: 5, CONVERSATION: 6, PUSH: 7, RTC_SIGNAL: 8,
} as const;
export type NameSpace = (typeof NameSpace)[keyof typeof NameSpace];

/** MessageOperation.OpType */
export const OpType = {
  UNKNOWN: 0, READ_ACK: 1, READ_ALL: 2, READ_CANCEL: 3, DELIVER_ACK: 4, RECALL: 5,
  DELETE: 6, PLAY_ACK: 7, APPEND: 8, REPLACE: 9,
} as const;
export type OpType = (typeof OpType)[keyof typeof OpType];

/** MessageBody.Type */
export const MessageType = { NORMAL: 0, OPER: 1, CHAT: 2, GROUPCHAT: 3 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** MessageBody.ContentType. The official client sends -1 for an unknown custom type. */
export const ContentType = {
  TEXT: 0, IMAGE: 1, AUDIO: 2, VIDEO: 3, FILE: 4, LOCATION: 5, COMMAND: 6, FORWARD: 7, RTC: 8,
} as const;
export type ContentType = (typeof ContentType)[keyof typeof ContentType];

/** MessageBody.QoS */
export const QoS = { AT_LEAST_ONCE: 0, AT_MOST_ONCE: 1, EXACTLY_ONCE: 2 } as const;
export type QoS = (typeof QoS)[keyof typeof QoS];

/** MessageBody.Status: the server's read state of the copy it delivers. */
export const MessageStatus = { UNREAD: 0, DELIVERED: 1, READ: 2 } as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** Conversation.Type */
export const ConversationType = { UNKNOWN: 0, OPER: 1 } as const;
export type ConversationType = (typeof ConversationType)[keyof typeof ConversationType];

/** ConversationOperation.OpType */
export const ConversationOpType = { UNKNOWN: 0, DELETE: 1, DELETE_EVERYWHERE: 2 } as const;
export type ConversationOpType = (typeof ConversationOpType)[keyof typeof ConversationOpType];

/** Info.Network */
export const Network = { WIRE: 0, WIFI: 1, NET_2G: 2, NET_3G: 3, NET_4G: 4, NET_5G: 5, UNKNOWN: 6 } as const;
export type Network = (typeof Network)[keyof typeof Network];

/** UserNotice.Type. Never send UNKNOWN (0): the official client logs the user out on it. */
export const UserNoticeType = {
  UNKNOWN: 0, PASSWORD_CHANGED: 1, FROZEN: 2, REMOVED: 3, KICK_BY_SAME_DEVICE: 4,
  KICKED_BY_OTHER_DEVICE: 5, INFO_UPDATED: 6, DEVICE_LOGIN: 7, DEVICE_LOGOUT: 8,
  DEVICE_ADDED: 9, DEVICE_REMOVED: 10, CLUSTER_CHANGED: 11, DNS_UPDATE: 12, TRAFFIC_LIMIT_EXCEEDED: 13,
} as const;
export type UserNoticeType = (typeof UserNoticeType)[keyof typeof UserNoticeType];

/** RosterNotice.Type */
export const RosterNoticeType = {
  UNKNOWN: 0, ADDED: 1, REMOVED: 2, ACCEPTED: 3, DECLINED: 4, BLOCKED: 5, UNBLOCKED: 6,
  APPLIED: 7, INFO_UPDATED: 8, MUTED: 9, UNMUTED: 10,
} as const;
export type RosterNoticeType = (typeof RosterNoticeType)[keyof typeof RosterNoticeType];

/** GroupNotice.Type */
export const GroupNoticeType = {
  UNKNOWN: 0, PRESENCE: 1, ABSENCE: 2, CREATED: 3, DESTROYED: 4, JOINED: 5, LEAVED: 6,
  APPLYED: 7, APPLY_ACCEPTED: 8, APPLY_DECLINED: 9, INVITED: 10, INVITE_ACCEPTED: 11,
  INVITE_DECLINED: 12, KICKED: 13, BLOCKED: 14, UNBLOCKED: 15, OWNER_ASSIGNED: 16,
  ADMIN_GRANTED: 17, ADMIN_REVOKED: 18, MUTED: 19, UNMUTED: 20, BANNED: 21, UNBANNED: 22,
  INFO_UPDATED: 23, ANNOUNCEMENT_UPDATED: 24, MESSAGE_SETTING: 25, FILE_UPLOADED: 26,
  FILE_DELETED: 27, FILE_UPDATED: 28,
} as const;
export type GroupNoticeType = (typeof GroupNoticeType)[keyof typeof GroupNoticeType];

/** RtcSignal.Type */
export const RtcSignalType = { UNKNOWN: 0, VIDEO_ROOM: 1 } as const;
export type RtcSignalType = (typeof RtcSignalType)[keyof typeof RtcSignalType];

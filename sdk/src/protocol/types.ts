/**
 * Typed shapes of the XSYNC messages as the codec produces and consumes them.
 *
 * Conventions:
 * - Field names are the wire names of sdk/proto (snake_case, and `deviceSN`).
 * - Every uint64 (ids, keys, timestamps) is a decimal string: JS numbers lose precision above 2^53.
 * - A field is present on a decoded object exactly when it was on the wire, so decode → encode
 *   reproduces the bytes, explicit zeros included. Absent fields read `undefined`; their protobuf
 *   default is 0, "" or false. Repeated fields are the exception: decoded objects always carry
 *   them, as an empty array when absent (an empty repeated field writes nothing either way).
 */
import type {
  CompressMethod, ContentType, ConvType, ConversationOpType, ConversationType, EncryptMethod,
  GroupNoticeType, MessageStatus, MessageType, NameSpace, Network, OpType, OsType, QoS,
  RosterNoticeType, RtcSignalType, StatusCode, UserNoticeType, Vsn,
} from './enums';

/** A 64-bit unsigned integer as a decimal string, e.g. `"1795320211085"`. */
export type Id = string;

/** A user (or group) and one of its devices. `deviceSN` 0 means "not device-specific". */
export interface XID {
  uid?: Id;
  deviceSN?: number;
}

/** Result of a request. Success is `code === StatusCode.OK` (1); an empty Status (code 0) is a failure. */
export interface Status {
  code?: StatusCode;
  reason?: string;
}

/** One conversation with pending items, in UnreadDL. */
export interface ConversationUnread {
  xid?: XID;
  n?: number;
  type?: ConvType;
}

/** UNREAD request (client → server). Has no fields; the official client omits the payload entirely. */
export type UnreadUL = Record<string, never>;

/** UNREAD reply: the conversations with pending items (also used as the heartbeat answer). */
export interface UnreadDL {
  status?: Status;
  unread?: ConversationUnread[];
}

/** SYNC request: a pull (xid, key), a history page (is_full_sync) or an upload (meta). */
export interface SyncUL {
  xid?: XID;
  key?: Id;
  meta?: Meta;
  is_full_sync?: boolean;
  /** History page size. sint32 on the wire (zig-zag). */
  full_sync_num?: number;
}

/** SYNC reply: a batch of items, or the ack of an upload (client_mid set). */
export interface SyncDL {
  status?: Status;
  metas?: Meta[];
  next_key?: Id;
  xid?: XID;
  client_mid?: Id;
  server_mid?: Id;
  server_time?: Id;
  is_full_sync?: boolean;
  prev_mid?: Id;
  is_eager_sync?: boolean;
  edit_timestamp?: Id;
}

/** NOTICE: "conversation `xid` has new items for you". */
export interface Notice {
  xid?: XID;
}

/** PROVISION: the login handshake, request and reply. */
export interface Provision {
  status?: Status;
  xid?: XID;
  encrypt_method?: EncryptMethod;
  encrypt_key?: string;
  password?: string;
  token?: string;
  os_type?: OsType;
  sdk_vsn?: string;
  is_manual_login?: boolean;
  device_guid?: string;
  device_notifier?: string;
  device_token?: string;
  device_info?: string;
  last_login_time?: Id;
}

/** MessageOperation: what an OPER message does to message `mid`. */
export interface MessageOperation {
  type?: OpType;
  mid?: Id;
  xid?: XID;
}

/** MessageBody: the content of a MESSAGE (or PUSH) item. `config`, `attachment` and `ext` are JSON strings. */
export interface MessageBody {
  type?: MessageType;
  from?: XID;
  to?: XID;
  content?: string;
  /** ContentType, or -1 for an unknown custom type as the official client sends it. */
  ctype?: ContentType | -1;
  operation?: MessageOperation;
  config?: string;
  attachment?: string;
  ext?: string;
  qos?: QoS;
  sender_name?: string;
  is_system?: boolean;
  priority?: number;
  status?: MessageStatus;
  edit_timestamp?: Id;
}

/** ConversationOperation: delete a conversation here or everywhere. */
export interface ConversationOperation {
  type?: ConversationOpType;
  xid?: XID;
}

/** Conversation: the CONVERSATION item payload. */
export interface Conversation {
  type?: ConversationType;
  operation?: ConversationOperation;
}

/** Info: client information (INFO items). */
export interface Info {
  sdk_vsn?: string;
  network?: Network;
  content?: string;
}

/** UserNotice: account and device events (USER_NOTICE items). */
export interface UserNotice {
  type?: UserNoticeType;
  content?: string;
}

/** RosterNotice: friend events (ROSTER_NOTICE items). */
export interface RosterNotice {
  type?: RosterNoticeType;
  from?: XID;
  to?: XID[];
  content?: string;
  roster_vsn?: string;
}

/** GroupNotice: group events (GROUP_NOTICE items). */
export interface GroupNotice {
  type?: GroupNoticeType;
  gid?: XID;
  from?: XID;
  to?: XID[];
  content?: string;
}

/** RtcSignal: call signalling (RTC_SIGNAL items). */
export interface RtcSignal {
  type?: RtcSignalType;
  content?: string;
  media_server?: string;
}

/** Fields every Meta has, whatever its namespace. */
export interface MetaCommon {
  /** Upload: the client's id (client_mid). Download: the server message id. */
  id?: Id;
  from?: XID;
  to?: XID;
  /** Milliseconds since the Unix epoch. */
  timestamp?: Id;
  /**
   * The payload bytes when they are not decoded into `payload`: the namespace is UNKNOWN (or one this
   * codec does not know), or the bytes did not decode (then `payloadError` says why). Encoding writes
   * these bytes when `payload` is absent.
   */
  rawPayload?: Uint8Array;
  /** Set on decode when a payload of a known namespace failed to decode; the item is kept. */
  payloadError?: string;
}

/** Payload type of each namespace. */
export interface MetaPayloads {
  1: MessageBody; // MESSAGE
  2: GroupNotice; // GROUP_NOTICE
  3: RosterNotice; // ROSTER_NOTICE
  4: UserNotice; // USER_NOTICE
  5: Info; // INFO
  6: Conversation; // CONVERSATION
  7: MessageBody; // PUSH
  8: RtcSignal; // RTC_SIGNAL
}

/** A Meta whose payload is decoded according to its namespace. */
export type KnownMeta = {
  [N in keyof MetaPayloads]: MetaCommon & { ns: N; payload?: MetaPayloads[N] };
}[keyof MetaPayloads];

/** A Meta with namespace UNKNOWN or absent (or, at run time, a namespace this codec does not know). */
export interface RawMeta extends MetaCommon {
  ns?: typeof NameSpace.UNKNOWN;
  payload?: undefined;
}

/** An item: a message, operation or notice, with its payload decoded by `ns`. */
export type Meta = KnownMeta | RawMeta;

/** Frame fields other than command and payload. */
export interface FrameHeader {
  vsn?: Vsn;
  compress_method?: CompressMethod;
  encrypt_method?: EncryptMethod;
  encrypt_key?: Uint8Array;
  check_sum?: number;
  tag?: string;
}

/** A frame sent by a client, with its payload decoded by command. */
export type UpFrame = FrameHeader &
  (
    | { command: 0; payload?: UnreadUL }
    | { command: 1; payload?: SyncUL }
    | { command: 2; payload?: Notice }
    | { command: 3; payload?: Provision }
  );

/** A frame sent by a server, with its payload decoded by command. */
export type DownFrame = FrameHeader &
  (
    | { command: 0; payload?: UnreadDL }
    | { command: 1; payload?: SyncDL }
    | { command: 2; payload?: Notice }
    | { command: 3; payload?: Provision }
  );

/** Which way a frame travels: `up` = client → server, `down` = server → client. */
export type Direction = 'up' | 'down';

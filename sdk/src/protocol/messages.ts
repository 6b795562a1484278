/**
 * Encode and decode single XSYNC messages by name, on top of the generated static code.
 * Meta payloads are decoded by namespace here, so a SyncDL comes out with typed items.
 */
import { im } from './generated/xsync';
import { guard, ProtocolError } from './errors';
import { IdReader, IdWriter } from './wire';
import type {
  Conversation, ConversationOperation, ConversationUnread, GroupNotice, Info, MessageBody, MessageOperation,
  Meta, Notice, Provision, RosterNotice, RtcSignal, Status, SyncDL, SyncUL, UnreadDL, UnreadUL, UserNotice, XID,
} from './types';

/** Every message of the schema that can be encoded or decoded on its own, with its typed shape. */
export interface MessageTypes {
  XID: XID;
  Status: Status;
  ConversationUnread: ConversationUnread;
  UnreadUL: UnreadUL;
  UnreadDL: UnreadDL;
  SyncUL: SyncUL;
  SyncDL: SyncDL;
  Notice: Notice;
  Provision: Provision;
  Meta: Meta;
  MessageOperation: MessageOperation;
  MessageBody: MessageBody;
  Conversation: Conversation;
  ConversationOperation: ConversationOperation;
  Info: Info;
  UserNotice: UserNotice;
  RosterNotice: RosterNotice;
  GroupNotice: GroupNotice;
  RtcSignal: RtcSignal;
}

/** Name of a message in {@link MessageTypes}. */
export type MessageName = keyof MessageTypes;

interface StaticCodec {
  /** Absent from the client-only codec of the mini-program build for messages only a server sends. */
  encode?(message: object, writer: IdWriter): IdWriter;
  /** Absent from the client-only codec for messages only a client sends. */
  decode?(reader: IdReader): Record<string, unknown>;
}

function unsupported(what: string, name: string): never {
  throw new ProtocolError('UNSUPPORTED', `this build of the SDK cannot ${what} ${name} (a client only ${what}s what it ${what === 'encode' ? 'sends' : 'receives'}); use floo-miniprogram/protocol`);
}

const codecs = (im as unknown as { floo: { protobuf: Record<MessageName | 'Frame', StaticCodec> } }).floo.protobuf;

/** Codec name of the payload of each Meta namespace (index = NameSpace value). */
const NS_PAYLOAD: ReadonlyArray<MessageName | undefined> = [
  undefined, 'MessageBody', 'GroupNotice', 'RosterNotice', 'UserNotice', 'Info', 'Conversation', 'MessageBody', 'RtcSignal',
];

type Loose = Record<string, unknown>;

/** Decodes raw bytes with a generated codec; any failure becomes ProtocolError(MALFORMED). */
export function decodeRaw(name: MessageName | 'Frame', bytes: Uint8Array): Loose {
  const codec = codecs[name];
  if (!codec.decode) unsupported('decode', name);
  return guard('MALFORMED', `cannot decode ${name}`, () => codec.decode!(new IdReader(bytes)));
}

/** Encodes an object with a generated codec; any failure becomes ProtocolError(INVALID_VALUE). */
export function encodeRaw(name: MessageName | 'Frame', value: object): Uint8Array {
  if (value === null || typeof value !== 'object') {
    throw new ProtocolError('INVALID_VALUE', `cannot encode ${name}: expected an object, got ${value === null ? 'null' : typeof value}`);
  }
  const codec = codecs[name];
  if (!codec.encode) unsupported('encode', name);
  return guard('INVALID_VALUE', `cannot encode ${name}`, () => codec.encode!(value, new IdWriter()).finish());
}

/** Replaces a decoded Meta's payload bytes by the message its namespace names (in place). */
function decodeMetaPayload(meta: Loose): void {
  const bytes = meta.payload as Uint8Array | undefined;
  if (bytes === undefined) return;
  const name = NS_PAYLOAD[(meta.ns as number | undefined) ?? 0];
  delete meta.payload;
  if (name === undefined) {
    meta.rawPayload = bytes;
    return;
  }
  try {
    meta.payload = decodeRaw(name, bytes);
  } catch (err) {
    // Keep the item: one bad payload must not cost the other items of a batch.
    meta.rawPayload = bytes;
    meta.payloadError = (err as Error).message;
  }
}

/** A copy of a Meta with its payload object encoded to bytes, as the generated codec expects. */
function encodeMetaPayload(meta: Meta): Loose {
  const out: Loose = { ...meta };
  delete out.rawPayload;
  delete out.payloadError;
  if (meta.payload !== undefined) {
    const name = NS_PAYLOAD[meta.ns ?? 0];
    if (name === undefined) {
      throw new ProtocolError('INVALID_VALUE', `cannot encode Meta: namespace ${String(meta.ns)} takes raw bytes (rawPayload), not a payload object`);
    }
    out.payload = encodeRaw(name, meta.payload);
  } else if (meta.rawPayload !== undefined) {
    out.payload = meta.rawPayload;
  }
  return out;
}

/** Post-decode fix-ups of messages that carry Meta items. */
function finish(name: MessageName, value: Loose): void {
  if (name === 'Meta') decodeMetaPayload(value);
  else if (name === 'SyncUL' && value.meta) decodeMetaPayload(value.meta as Loose);
  else if (name === 'SyncDL' && value.metas) for (const m of value.metas as Loose[]) decodeMetaPayload(m);
}

/** Pre-encode conversion of messages that carry Meta items. */
function prepare(name: MessageName, value: object): object {
  if (name === 'Meta') return encodeMetaPayload(value as Meta);
  if (name === 'SyncUL' && (value as SyncUL).meta) return { ...value, meta: encodeMetaPayload((value as SyncUL).meta as Meta) };
  if (name === 'SyncDL' && Array.isArray((value as SyncDL).metas)) {
    return { ...value, metas: ((value as SyncDL).metas as Meta[]).map(encodeMetaPayload) };
  }
  return value;
}

/**
 * Decodes one message of the schema. Meta payloads are decoded by namespace.
 * @throws ProtocolError when the bytes are not a valid encoding.
 */
export function decodeMessage<N extends MessageName>(name: N, bytes: Uint8Array): MessageTypes[N] {
  const value = decodeRaw(name, toBytes(bytes));
  finish(name, value);
  return value as unknown as MessageTypes[N];
}

/**
 * Encodes one message of the schema. Ids may be decimal strings or non-negative safe integers.
 * @throws ProtocolError when a value cannot be encoded.
 */
export function encodeMessage<N extends MessageName>(name: N, value: MessageTypes[N]): Uint8Array {
  if (value === null || typeof value !== 'object') return encodeRaw(name, value as never);
  return encodeRaw(name, prepare(name, value));
}

/** Accepts a Uint8Array (a Node Buffer is one) or an ArrayBuffer. */
export function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  if (input instanceof Uint8Array) return input;
  // isView and the tag test also accept buffers from another realm (a vm context, a worker).
  if (ArrayBuffer.isView(input)) {
    const view = input as ArrayBufferView;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  if (Object.prototype.toString.call(input) === '[object ArrayBuffer]') return new Uint8Array(input);
  throw new ProtocolError('INVALID_VALUE', `expected bytes (Uint8Array or ArrayBuffer), got ${input === null ? 'null' : typeof input}`);
}

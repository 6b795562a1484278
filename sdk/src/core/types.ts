/**
 * The SDK's public data model: conversations and messages as the app sees them. Ids are decimal
 * strings; timestamps are milliseconds since the Unix epoch.
 */

/** A 1:1 conversation (with a user) or a group conversation. */
export type ConversationType = 'user' | 'group';

/** Names a conversation: the peer's user id, or the group id. */
export interface ConversationRef {
  type: ConversationType;
  id: string;
}

/** Kinds of message content (MessageBody.ContentType), plus `custom` for unknown values. */
export type ContentKind = 'text' | 'image' | 'audio' | 'video' | 'file' | 'location' | 'command' | 'forward' | 'rtc' | 'custom';

/**
 * Where a message stands. Own messages: `sending` → `sent` (or `failed`). Others' messages:
 * `unread` → `read`.
 */
export type MessageStatus = 'sending' | 'sent' | 'failed' | 'unread' | 'read';

/** A message. */
export interface Message {
  /** The server's message id; empty while an own message is still sending. */
  id: string;
  /** For own messages: the id the client gave it (stable across resends). */
  clientMid?: string;
  conversation: ConversationRef;
  /** Sender user id. */
  from: string;
  /** Recipient user id, or group id. */
  to: string;
  timestamp: number;
  kind: ContentKind;
  /** The wire content type (MessageBody.ctype). */
  ctype: number;
  content: string;
  /** JSON string: file, image, location... */
  attachment?: string;
  /** JSON string: app extension. */
  ext?: string;
  /** JSON string: SDK extras (mentions...). */
  config?: string;
  status: MessageStatus;
  /** Sent by the logged-in user (from this or another of their devices). */
  isOwn: boolean;
  /** The text was changed by its sender after sending (`messages.edit`). */
  edited?: boolean;
  /** Recalled by its sender (or a group admin): kept as a placeholder with empty content and no attachment. */
  recalled?: boolean;
  /** Own message: a recipient device reported delivery (only when the recipient enables `deliveryAcks`). */
  delivered?: boolean;
}

/** A conversation as listed. */
export interface Conversation {
  ref: ConversationRef;
  /** The newest message, if any is known locally. */
  lastMessage?: Message;
  /** Messages from others not yet read. */
  unread: number;
  /** Time of the last activity (ms). */
  updatedAt: number;
  /** An unread message mentions the user (or everyone); cleared by `markRead`. */
  mentioned: boolean;
}

/** Stable string key of a conversation (`user:1002`, `group:5001`). */
export function conversationKey(ref: ConversationRef): string {
  return `${ref.type}:${ref.id}`;
}

/** The ref of a conversation key. */
export function refFromKey(key: string): ConversationRef {
  const i = key.indexOf(':');
  return { type: key.slice(0, i) as ConversationType, id: key.slice(i + 1) };
}

const KINDS: ContentKind[] = ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'forward', 'rtc'];

/** The content kind of a wire ctype. */
export function kindOfCtype(ctype: number): ContentKind {
  return KINDS[ctype] ?? 'custom';
}

/** The wire ctype of a content kind (custom → -1, as the official client sends). */
export function ctypeOfKind(kind: ContentKind): number {
  const i = KINDS.indexOf(kind);
  return i < 0 ? -1 : i;
}

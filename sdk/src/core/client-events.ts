/** The events of a client instance, with their payload types. */
import type { ConnectionStateChange } from './connection/states';
import type { ErrorCode } from './error-codes';
import type { FlooError, StorageError } from './errors';
import type { GroupNoticeEvent, RosterNoticeEvent, UserNoticeEvent } from './social/types';
import type { Conversation, ConversationRef, Message, MessageStatus } from './types';

/** Event name → payload. Subscribe with `client.on(name, listener)`. */
export interface ClientEvents {
  /** The connection moved from one state to another (see the state table). */
  connectionStateChange: ConnectionStateChange;
  /** The login's first sync finished: everything pending on the server has been received. */
  ready: { userId: string };
  /** A new message arrived (including own messages sent from another device), once per message id. */
  message: Message;
  /**
   * An own message changed status (`sending` → `sent` or `failed`; `sent` → `read` on the peer's read ack),
   * or got `delivered: true` (the peer's delivery ack).
   */
  messageStatus: { message: Message; previous?: MessageStatus };
  /** Upload progress of an own file message that is still `sending` (`messages.sendFile`). */
  messageProgress: { message: Message; loaded: number; total: number };
  /** A message was recalled (here, on another own device or by its sender): `message` is the placeholder. */
  messageRecall: { message: Message };
  /** A message's text was edited (by its sender, from any device). */
  messageEdit: { message: Message };
  /** A message was deleted for the user (`deleteForMe` here or on another own device): `message` is the removed one. */
  messageDelete: { message: Message };
  /** Someone played an own voice or video message (`by`: their user id). */
  messagePlayed: { message: Message; by: string };
  /** An unread group message mentions the user (or everyone); the conversation is flagged `mentioned`. */
  mention: { message: Message };
  /** A conversation's summary changed (new last message, unread count). */
  conversationUpdate: Conversation;
  /** A conversation was deleted (here or on another device). */
  conversationDelete: ConversationRef;
  /** The unread count changed. */
  unreadChange: { total: number; conversation: ConversationRef; unread: number };
  /** Someone is typing (or stopped) in a conversation. Never stored. */
  typing: { conversation: ConversationRef; from: string; state: 'typing' | 'nothing' };
  /** This device was logged out by the server (another device, password change, frozen account...). */
  kicked: { code: ErrorCode; reason: string };
  /** The saved token is no longer valid; log in again with a password. */
  tokenExpired: { error: FlooError };
  /** Local storage failed; the client goes on from memory for this session. */
  storageDegraded: { error: StorageError };
  /** A friend-related change: a request, an acceptance, a removal, a block, a profile or alias update. */
  rosterNotice: RosterNoticeEvent;
  /** A change in a group the user belongs to (or was just removed from). */
  groupNotice: GroupNoticeEvent;
  /** An account or device event that does not end the session (those raise `kicked`). */
  userNotice: UserNoticeEvent;
  /** An item this SDK version does not act on (raw, for the app). */
  notice: { ns: number; from?: string; to?: string; id?: string; payload: unknown };
}

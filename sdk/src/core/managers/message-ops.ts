/**
 * Operations on messages (docs/rich-messages.md, "Operations"): recall, delete for me, edit, played
 * ack, typing, group read receipts and local search. Operations are OPER uploads sent through the
 * outbox (so they survive reconnects); each resolves when the server acknowledges it, rejects with the
 * server's code when refused, and is applied locally only after the ack, as the official clients do.
 */
import { ContentType, MessageType, NameSpace, OpType, QoS } from '../../protocol/enums';
import type { MessageBody } from '../../protocol/types';
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { searchMessages } from '../store/search';
import { conversationKey, type ContentKind, type ConversationRef, type Message } from '../types';
import { checkId, checkInt, checkRef, checkText } from '../validate';

/** Options of `messages.search`. */
export interface MessageSearchOptions {
  /** Only this conversation (default: all). */
  conversation?: ConversationRef;
  /** Only these kinds (default: all). */
  kinds?: ContentKind[];
  /** At most this many results, 1–1000 (default 50). */
  limit?: number;
}

/** Typing indicators: at most one `typing` per conversation in this interval. */
const TYPING_INTERVAL_MS = 3000;

/** The body of an OPER upload on message `mid` of conversation `conv`. */
export function opBody(type: number, mid: string, conv: string, extra?: MessageBody): MessageBody {
  return { type: MessageType.OPER, ctype: ContentType.COMMAND, operation: { type: type as OpType, mid, xid: { uid: conv, deviceSN: 0 } }, ...extra };
}

/** Checks that `m` is a message the server knows (it has a server id). */
function sent(m: unknown, what: string): Message {
  const msg = m as Message;
  if (!msg || typeof msg !== 'object') throw new InvalidArgumentError(`${what}() takes a message`);
  checkId(msg.id, `${what}(): message.id`);
  checkRef(msg.conversation, `${what}(): message.conversation`);
  return msg;
}

/**
 * Uploads operation `type` on `m` to `to`; resolves once acknowledged, with the changed message (the
 * client applies recall, delete and edit locally on the ack: sync/operations.ts `applyOwnOp`).
 */
function operate(rt: Runtime, type: number, m: Message, to: string, extra?: MessageBody): Promise<Message | undefined> {
  const s = rt.session();
  return s.outbox.add({ clientMid: s.outbox.nextClientMid(), ns: NameSpace.MESSAGE, to, payload: opBody(type, m.id, m.conversation.id, extra) });
}

/** Recalls a message (the sender within the server's window; group admins any time). */
export async function recall(rt: Runtime, message: Message): Promise<void> {
  const m = sent(message, 'recall');
  await operate(rt, OpType.RECALL, m, m.conversation.id);
}

/** Hides a message on every device of the user (a failed own message is just removed here). */
export async function deleteForMe(rt: Runtime, message: Message): Promise<void> {
  if (message && !message.id && message.isOwn && message.clientMid) {
    const s = rt.session();
    if (await s.store.removeUnsent(conversationKey(checkRef(message.conversation)), message.clientMid)) rt.events.emit('messageDelete', { message });
    return;
  }
  const m = sent(message, 'deleteForMe');
  await operate(rt, OpType.DELETE, m, rt.session().userId);
}

/** Replaces the text of an own message; resolves with the edited message. */
export async function edit(rt: Runtime, message: Message, text: string): Promise<Message> {
  const m = sent(message, 'edit');
  const content = checkText(text, 'text', 64 * 1024);
  const edited = await operate(rt, OpType.REPLACE, m, m.conversation.id, { ctype: ContentType.TEXT, content });
  return edited ?? { ...m, content, edited: true };
}

/** Tells the sender of a voice or video message that it was played. */
export async function ackPlayed(rt: Runtime, message: Message): Promise<void> {
  const m = sent(message, 'ackPlayed');
  if (m.isOwn) throw new InvalidArgumentError('ackPlayed() takes a message from someone else');
  await operate(rt, OpType.PLAY_ACK, m, checkId(m.from, 'message.from'));
}

/** Which members read a group message (groups with read acks on; the sender or admins may ask). */
export async function readReceipts(rt: Runtime, message: Message): Promise<{ read: string[]; unread: string[] }> {
  const m = sent(message, 'readReceipts');
  if (m.conversation.type !== 'group') throw new InvalidArgumentError('readReceipts() takes a group message');
  const data = await rt.http.get<{ read?: unknown; unread?: unknown } | null>('/message/read_list', { group_id: m.conversation.id, message_id: m.id });
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return { read: ids(data?.read), unread: ids(data?.unread) };
}

/**
 * Sends a typing indicator (never stored; online peer devices only). `typing` goes out at most once per
 * 3 s per conversation; `nothing` always. `last` holds the limiter's state (one map per manager).
 */
export function typing(rt: Runtime, last: Map<string, number>, to: ConversationRef, state: 'typing' | 'nothing'): void {
  const ref = checkRef(to, 'to');
  if (state !== 'typing' && state !== 'nothing') throw new InvalidArgumentError("typing() state must be 'typing' or 'nothing'");
  const key = conversationKey(ref);
  const now = rt.platform.timers.now();
  if (state === 'nothing') last.delete(key);
  else if (now - (last.get(key) ?? -Infinity) < TYPING_INTERVAL_MS) return;
  else last.set(key, now);
  const s = rt.session();
  s.outbox.sendNow({
    clientMid: s.outbox.nextClientMid(), ns: NameSpace.MESSAGE, to: ref.id,
    payload: { type: ref.type === 'group' ? MessageType.GROUPCHAT : MessageType.CHAT, ctype: ContentType.TEXT, content: '', ext: JSON.stringify({ input_status: state }), qos: QoS.AT_MOST_ONCE },
  });
}

/** Local full-text search over cached messages, newest first. */
export function search(rt: Runtime, query: string, o: MessageSearchOptions = {}): Message[] {
  checkText(query, 'query', 256);
  if (o.kinds !== undefined && !Array.isArray(o.kinds)) throw new InvalidArgumentError('kinds must be an array of message kinds');
  const key = o.conversation ? conversationKey(checkRef(o.conversation)) : undefined;
  const limit = checkInt(o.limit ?? 50, 'limit', 1, 1000);
  return searchMessages(rt.session().store.cached(key), query, { kinds: o.kinds, limit });
}

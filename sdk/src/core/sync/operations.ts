/**
 * Message operations (OPER items, xsync-protocol §4.7) applied to the local store, with their events.
 * Used for operations received from peers and own other devices, and for the user's own operations
 * once the server has acknowledged them.
 */
import { MessageType, OpType } from '../../protocol/enums';
import { compareIds } from '../../protocol/ids';
import type { MessageBody } from '../../protocol/types';
import type { ClientEvents } from '../client-events';
import type { TypedEmitter } from '../events';
import type { LocalStore } from '../store/local-store';
import type { Message } from '../types';

/** What applying an operation needs. */
export interface OpContext {
  me: string;
  store: LocalStore;
  events: TypedEmitter<ClientEvents>;
}

/** Conversation keys that may hold the target of an operation involving these uids. */
export function candidateKeys(me: string, uids: Array<string | undefined>): string[] {
  const keys: string[] = [];
  for (const uid of uids) {
    if (!uid || uid === '0') continue;
    for (const k of [`user:${uid}`, `group:${uid}`]) if (k !== `user:${me}` && !keys.includes(k)) keys.push(k);
  }
  return keys;
}

/**
 * Applies operation `type` on message `mid` done by user `by`, in the first of `keys` that holds it.
 * Returns the changed message (for DELETE: the removed one), or undefined when nothing applied.
 */
export async function applyOp(ctx: OpContext, type: number, mid: string, body: MessageBody, by: string, keys: string[]): Promise<Message | undefined> {
  const { store, events } = ctx;
  const mine = by === ctx.me;
  for (const key of keys) {
    const summary = store.getConversation(key);
    if (!summary) continue;
    const last = summary.lastMessage;
    const unread = summary.unread;
    let result: Message | undefined;
    if (type === OpType.READ_CANCEL) {
      if (!mine || !(await store.markUnread(key, mid))) continue;
    } else if (type === OpType.READ_ACK || type === OpType.PLAY_ACK) {
      const list = await store.messages(key);
      const target = list.find((m) => m.id === mid);
      if (!target) continue;
      // Acks of own messages only, by someone else.
      if (!target.isOwn || mine) return undefined;
      if (type === OpType.PLAY_ACK) {
        events.emit('messagePlayed', { message: target, by });
        return target;
      }
      // Read up to `mid`: every earlier own message of the conversation was read too.
      for (const m of list) {
        if (!m.isOwn || m.status !== 'sent' || compareIds(m.id, mid) > 0) continue;
        const changed = await store.change(key, m.id, (x) => ({ ...x, status: 'read' }));
        if (changed?.[1]) events.emit('messageStatus', { message: (result = changed[1]), previous: 'sent' });
      }
    } else {
      const changed = await store.change(key, mid, (m) => edit(type, m, body, mine));
      if (!changed) continue;
      const [before, after] = changed;
      result = after ?? before;
      if (after === before) return undefined;
      if (type === OpType.RECALL) events.emit('messageRecall', { message: result });
      else if (type === OpType.DELETE) events.emit('messageDelete', { message: result });
      else if (type === OpType.DELIVER_ACK) events.emit('messageStatus', { message: result, previous: before.status });
      else events.emit('messageEdit', { message: result });
    }
    const now = store.getConversation(key);
    if (!now) return result;
    if (now.lastMessage !== last || now.unread !== unread) events.emit('conversationUpdate', now);
    if (now.unread !== unread) events.emit('unreadChange', { total: store.totalUnread(), conversation: now.ref, unread: now.unread });
    return result;
  }
  return undefined;
}

/**
 * Applies an own operation the server acknowledged (an outbox entry's payload) when it changes a message:
 * recall, delete, edit. Resolves with the changed message.
 */
export async function applyOwnOp(ctx: OpContext, payload: unknown): Promise<Message | undefined> {
  const body = payload as MessageBody;
  const op = body.operation;
  if (body.type !== MessageType.OPER || !op?.mid || !op.xid?.uid || !CHANGES.includes(op.type ?? 0)) return undefined;
  return applyOp(ctx, op.type!, op.mid, body, ctx.me, candidateKeys(ctx.me, [op.xid.uid]));
}

const CHANGES: number[] = [OpType.RECALL, OpType.DELETE, OpType.APPEND, OpType.REPLACE];

/** The message after an operation; the same object when the operation does not apply to it. */
function edit(type: number, m: Message, body: MessageBody, mine: boolean): Message | undefined {
  if (m.recalled && type !== OpType.DELETE) return m;
  switch (type) {
    case OpType.RECALL: {
      if (m.recalled) return m;
      // Kept as a placeholder ("message recalled"); it no longer counts as unread.
      const r: Message = { ...m, content: '', recalled: true, status: m.isOwn ? m.status : 'read' };
      delete r.attachment;
      return r;
    }
    case OpType.DELETE:
      return mine ? undefined : m;
    case OpType.REPLACE: {
      const r: Message = { ...m, content: body.content ?? m.content, edited: true };
      if (body.config) r.config = body.config;
      if (body.ext) r.ext = body.ext;
      return r;
    }
    case OpType.APPEND:
      return { ...m, content: m.content + (body.content ?? ''), edited: true };
    case OpType.DELIVER_ACK:
      return m.isOwn && !mine && !m.delivered ? { ...m, delivered: true } : m;
    default:
      return m;
  }
}

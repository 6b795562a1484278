/**
 * Applies a page of downloaded items: messages go to the store (which drops duplicates by id) and
 * out as events; typing indicators and command messages only out as events; operations
 * (./operations.ts) and notices are acted on or passed to the app. Runs inside the sync engine's page chain, so pages never interleave.
 */
import { ConversationOpType, MessageType, NameSpace, OpType, UserNoticeType } from '../../protocol/enums';
import type { Conversation as WireConversation, MessageBody, Meta, UserNotice } from '../../protocol/types';
import type { TypedEmitter } from '../events';
import type { ClientEvents } from '../client-events';
import { ErrorCode } from '../error-codes';
import type { LocalStore } from '../store/local-store';
import { conversationKey, type ConversationRef, type Message } from '../types';
import { conversationOf, messageFromMeta, typingState } from './convert';
import { applyOp, candidateKeys } from './operations';

/** What applying needs. */
export interface ReceiveDeps {
  me: string;
  store: LocalStore;
  events: TypedEmitter<ClientEvents>;
  /** Another device read a conversation: mark it read here too. */
  markReadLocally(ref: ConversationRef): Promise<void>;
  /** The server ended this device's session. */
  kicked(code: ErrorCode, reason: string): void;
  /** A conversation was deleted on another device. */
  conversationDeleted(ref: ConversationRef): void;
  /** A group, roster or (non-kick) user notice: the social managers apply it. */
  socialNotice(meta: Meta): void;
  /** Send DELIVER_ACKs for received 1:1 messages (option `deliveryAcks`). */
  deliveryAcks?: boolean;
  /** Queues an OPER upload (type, to uid, message id) without waiting for it. */
  sendOp?(type: number, to: string, mid: string): void;
}

const KICKS: Partial<Record<number, ErrorCode>> = {
  [UserNoticeType.KICKED_BY_OTHER_DEVICE]: ErrorCode.UserKickedByOtherDevices,
  [UserNoticeType.KICK_BY_SAME_DEVICE]: ErrorCode.UserKickedBySameDevice,
  [UserNoticeType.PASSWORD_CHANGED]: ErrorCode.UserPasswordChanged,
  [UserNoticeType.FROZEN]: ErrorCode.UserFrozen,
  [UserNoticeType.REMOVED]: ErrorCode.UserRemoved,
  [UserNoticeType.DEVICE_REMOVED]: ErrorCode.UserKickedByOtherDevices,
};

/** Applies one page of items, in order. */
export async function applyPage(deps: ReceiveDeps, metas: Meta[], pageUid?: string): Promise<void> {
  const batches = new Map<string, { ref: ConversationRef; messages: Message[] }>();
  const flushBatches = async () => {
    for (const [key, b] of batches) await storeAndAnnounce(deps, key, b.ref, b.messages);
    batches.clear();
  };
  for (const meta of metas) {
    if ((meta.ns === NameSpace.MESSAGE || meta.ns === NameSpace.PUSH) && meta.payload) {
      const body = meta.payload as MessageBody;
      if (body.type === MessageType.OPER) {
        await flushBatches(); // Operations apply to what came before them.
        await operation(deps, meta, body, pageUid);
        continue;
      }
      const ref = conversationOf(meta, body, deps.me);
      if (!ref) continue;
      const typing = typingState(body);
      if (typing) {
        if (meta.from?.uid !== deps.me) deps.events.emit('typing', { conversation: ref, from: meta.from?.uid ?? '0', state: typing });
        continue;
      }
      const message = messageFromMeta(meta, body, ref, deps.me);
      if (message.kind === 'command') {
        // Commands are for the app only: never stored, listed or counted unread.
        await flushBatches();
        deps.events.emit('message', message);
        continue;
      }
      const key = conversationKey(ref);
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = { ref, messages: [] }));
      batch.messages.push(message);
      continue;
    }
    await flushBatches();
    if (meta.ns === NameSpace.USER_NOTICE && meta.payload) {
      const notice = meta.payload as UserNotice;
      const code = KICKS[notice.type ?? 0];
      if (code) {
        deps.kicked(code, notice.content || `user notice ${notice.type}`);
        return;
      }
      deps.socialNotice(meta);
      continue;
    } else if ((meta.ns === NameSpace.GROUP_NOTICE || meta.ns === NameSpace.ROSTER_NOTICE) && meta.payload) {
      deps.socialNotice(meta);
      continue;
    } else if (meta.ns === NameSpace.CONVERSATION && meta.payload) {
      const op = (meta.payload as WireConversation).operation;
      const uid = op?.xid?.uid;
      if (uid && (op?.type === ConversationOpType.DELETE || op?.type === ConversationOpType.DELETE_EVERYWHERE)) {
        // The wire does not say whether the uid is a user or a group: delete whichever we have.
        for (const type of ['user', 'group'] as const) deps.conversationDeleted({ type, id: uid });
        continue;
      }
    }
    deps.events.emit('notice', { ns: meta.ns ?? 0, from: meta.from?.uid, to: meta.to?.uid, id: meta.id, payload: meta.payload ?? meta.rawPayload });
  }
  await flushBatches();
}

async function storeAndAnnounce(deps: ReceiveDeps, key: string, ref: ConversationRef, messages: Message[]): Promise<void> {
  const before = deps.store.getConversation(key)?.unread ?? 0;
  const added = await deps.store.addMessages(key, messages);
  if (added.length === 0) return;
  for (const m of added) {
    deps.events.emit('message', m);
    if (ref.type === 'group' && m.status === 'unread' && mentions(m, deps.me)) {
      deps.store.setMentioned(key);
      deps.events.emit('mention', { message: m });
    }
  }
  const fresh = added.filter((m) => !m.isOwn && m.status === 'unread');
  if (deps.deliveryAcks && ref.type === 'user' && fresh.length) deps.sendOp?.(OpType.DELIVER_ACK, ref.id, fresh[fresh.length - 1].id);
  const summary = deps.store.getConversation(key);
  if (!summary) return;
  deps.events.emit('conversationUpdate', summary);
  if (summary.unread !== before) deps.events.emit('unreadChange', { total: deps.store.totalUnread(), conversation: ref, unread: summary.unread });
}

/** Whether a message's config mentions user `me` (`mentionAll`, or `me` in `mentionList`). */
function mentions(m: Message, me: string): boolean {
  if (!m.config || m.config.indexOf('mention') < 0) return false;
  try {
    const c = JSON.parse(m.config) as { mentionAll?: unknown; mentionList?: unknown };
    return c.mentionAll === true || (Array.isArray(c.mentionList) && c.mentionList.some((u) => String(u) === me));
  } catch {
    return false;
  }
}

async function operation(deps: ReceiveDeps, meta: Meta, body: MessageBody, pageUid?: string): Promise<void> {
  const op = body.operation;
  const from = meta.from?.uid ?? '0';
  const fromMe = from === deps.me;
  if (op?.type === OpType.READ_ALL && fromMe && op.xid?.uid) {
    // Another of my devices read this conversation (1:1 or group: mark whichever exists).
    for (const type of ['user', 'group'] as const) {
      const ref = { type, id: op.xid.uid };
      if (deps.store.getConversation(conversationKey(ref))) await deps.markReadLocally(ref);
    }
    return;
  }
  const type = op?.type ?? 0;
  if (type > 0 && type <= OpType.REPLACE) {
    if (op?.mid) await applyOp(deps, type, op.mid, body, from, candidateKeys(deps.me, [op.xid?.uid, meta.to?.uid, from, pageUid]));
    return;
  }
  deps.events.emit('notice', { ns: meta.ns ?? NameSpace.MESSAGE, from: meta.from?.uid, to: meta.to?.uid, id: meta.id, payload: body });
}

/**
 * Applies a page of downloaded items: messages go to the store (which drops duplicates by id) and
 * out as events; typing indicators only out as events; operations and notices are acted on or
 * passed to the app. Runs inside the sync engine's page chain, so pages never interleave.
 */
import { ConversationOpType, MessageType, NameSpace, OpType, UserNoticeType } from '../../protocol/enums';
import type { Conversation as WireConversation, MessageBody, Meta, UserNotice } from '../../protocol/types';
import type { TypedEmitter } from '../events';
import type { ClientEvents } from '../client-events';
import { ErrorCode } from '../error-codes';
import type { LocalStore } from '../store/local-store';
import { conversationKey, type ConversationRef, type Message } from '../types';
import { conversationOf, messageFromMeta, typingState } from './convert';

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
export async function applyPage(deps: ReceiveDeps, metas: Meta[]): Promise<void> {
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
        await operation(deps, meta, body);
        continue;
      }
      const ref = conversationOf(meta, body, deps.me);
      if (!ref) continue;
      const typing = typingState(body);
      if (typing) {
        if (meta.from?.uid !== deps.me) deps.events.emit('typing', { conversation: ref, from: meta.from?.uid ?? '0', state: typing });
        continue;
      }
      const key = conversationKey(ref);
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = { ref, messages: [] }));
      batch.messages.push(messageFromMeta(meta, body, ref, deps.me));
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
  for (const m of added) deps.events.emit('message', m);
  const summary = deps.store.getConversation(key);
  if (!summary) return;
  deps.events.emit('conversationUpdate', summary);
  if (summary.unread !== before) deps.events.emit('unreadChange', { total: deps.store.totalUnread(), conversation: ref, unread: summary.unread });
}

async function operation(deps: ReceiveDeps, meta: Meta, body: MessageBody): Promise<void> {
  const op = body.operation;
  const fromMe = meta.from?.uid === deps.me;
  if (op?.type === OpType.READ_ALL && fromMe && op.xid?.uid) {
    // Another of my devices read this conversation (1:1 or group: mark whichever exists).
    for (const type of ['user', 'group'] as const) {
      const ref = { type, id: op.xid.uid };
      if (deps.store.getConversation(conversationKey(ref))) await deps.markReadLocally(ref);
    }
    return;
  }
  deps.events.emit('notice', { ns: meta.ns ?? NameSpace.MESSAGE, from: meta.from?.uid, to: meta.to?.uid, id: meta.id, payload: body });
}

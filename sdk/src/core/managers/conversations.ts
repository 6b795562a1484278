/** The conversation list: summaries, read state, deletion. */
import { ConversationOpType, ConversationType, NameSpace, OpType } from '../../protocol/enums';
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { applyOp } from '../sync/operations';
import { checkRef } from '../validate';
import { opBody } from './message-ops';
import { conversationKey, type Conversation, type ConversationRef } from '../types';

/** The `client.conversations` API. */
export class ConversationsManager {
  constructor(private readonly rt: Runtime) {}

  /** Conversations, most recently active first, with last message and unread count. */
  list(): Conversation[] {
    return this.rt.session().store.listConversations();
  }

  /** One conversation's summary, if known. */
  get(conversation: ConversationRef): Conversation | undefined {
    return this.rt.session().store.getConversation(conversationKey(checkRef(conversation)));
  }

  /** Total unread messages. */
  totalUnread(): number {
    return this.rt.session().store.totalUnread();
  }

  /** Marks a conversation read here, on the user's other devices and (1:1) for the sender. */
  markRead(conversation: ConversationRef): Promise<void> {
    return this.rt.session().markRead(checkRef(conversation), true);
  }

  /**
   * Marks a conversation unread here and on the user's other devices (OPER READ_CANCEL to self): its
   * newest message from others is unread again and `unread` becomes at least 1.
   */
  async markUnread(conversation: ConversationRef): Promise<void> {
    const ref = checkRef(conversation);
    const s = this.rt.session();
    const key = conversationKey(ref);
    const list = s.store.getConversation(key) ? (await s.store.messages(key)).filter((m) => m.id) : [];
    const mid = (list.filter((m) => !m.isOwn).pop() ?? list.pop())?.id;
    if (!mid) throw new InvalidArgumentError('markUnread(): the conversation has no messages');
    // Applied at once, like markRead: the user sees the badge without waiting for the server.
    const body = opBody(OpType.READ_CANCEL, mid, ref.id);
    await applyOp({ me: s.userId, store: s.store, events: this.rt.events }, OpType.READ_CANCEL, mid, body, s.userId, [key]);
    await s.outbox.add({ clientMid: s.outbox.nextClientMid(), ns: NameSpace.MESSAGE, to: s.userId, payload: body });
  }

  /** Deletes a conversation here and on the user's other devices. */
  async delete(conversation: ConversationRef): Promise<void> {
    const ref = checkRef(conversation);
    const session = this.rt.session();
    if (session.store.removeConversation(conversationKey(ref))) this.rt.events.emit('conversationDelete', ref);
    await session.outbox.add({
      clientMid: session.outbox.nextClientMid(),
      ns: NameSpace.CONVERSATION,
      payload: { type: ConversationType.OPER, operation: { type: ConversationOpType.DELETE_EVERYWHERE, xid: { uid: ref.id, deviceSN: 0 } } },
    });
  }
}

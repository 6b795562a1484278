/** The conversation list: summaries, read state, deletion. */
import { ConversationOpType, ConversationType, NameSpace } from '../../protocol/enums';
import type { Runtime } from '../runtime';
import { checkRef } from '../validate';
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

/** CONVERSATION uploads: deleting a conversation here (DELETE) or on every device (DELETE_EVERYWHERE). */
import { ConversationOpType, encodeMessage, NameSpace, type Conversation } from 'floo-miniprogram/protocol';
import { selfRecipients, storeAndNotify } from '../fanout';
import { parseId } from '../wire';
import { accepted, type Upload, type UploadOutcome } from './upload';

/** Hides the conversation from the user's list; DELETE_EVERYWHERE is also queued for the user's other devices. */
export async function handleConversationOp(up: Upload, conversation: Conversation): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const op = conversation.operation;
  const convId = parseId(op?.xid?.uid);
  if (!op || convId === undefined) return accepted(up);
  if (op.type === ConversationOpType.DELETE || op.type === ConversationOpType.DELETE_EVERYWHERE) {
    await ctx.store.hideConversation(session.userId, convId);
  }
  if (op.type !== ConversationOpType.DELETE_EVERYWHERE) return accepted(up);
  const result = await storeAndNotify(ctx, session, {
    toUid: 0, ns: NameSpace.CONVERSATION, payload: encodeMessage('Conversation', conversation), kind: 'op',
    clientMid: up.meta.id ?? '0', recipients: selfRecipients(session),
  });
  return { ok: true, serverMid: result.id, serverTime: result.timestamp };
}

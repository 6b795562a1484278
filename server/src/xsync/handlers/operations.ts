/**
 * OPER messages (MessageBody.type OPER). Each is acknowledged; what is stored and who is told depends
 * on the operation (docs/rich-messages.md, "Operations"):
 * - READ_ACK, DELIVER_ACK, PLAY_ACK: to the original sender's devices; READ_ACK records the read state.
 *   A READ_ACK of a group message is recorded as a read receipt and forwarded only when the group has
 *   read_ack on; otherwise it is accepted and dropped.
 * - READ_ALL, READ_CANCEL, DELETE: to the user's own other devices; the user's copies change state.
 * - RECALL, APPEND, REPLACE: see op-change.ts.
 * - anything else: acknowledged, nothing stored.
 */
import { OpType, type MessageBody } from 'floo-miniprogram/protocol';
import { selfRecipients } from '../fanout';
import { parseId } from '../wire';
import { changeMessage } from './op-change';
import { groupOf, messageOf, storeOp } from './op-common';
import { accepted, type Upload, type UploadOutcome } from './upload';

/** Handles an OPER upload. */
export async function handleOperation(up: Upload, body: MessageBody): Promise<UploadOutcome> {
  const op = body.operation ?? {};
  const mid = parseId(op.mid);
  switch (op.type) {
    case OpType.READ_ACK:
    case OpType.DELIVER_ACK:
    case OpType.PLAY_ACK:
      return toOriginalSender(up, body, op.type, mid);
    case OpType.READ_ALL:
    case OpType.READ_CANCEL:
    case OpType.DELETE:
      return toOwnDevices(up, body, op.type, mid, parseId(op.xid?.uid));
    case OpType.RECALL:
    case OpType.APPEND:
    case OpType.REPLACE:
      return changeMessage(up, body, op.type, mid);
    default:
      return accepted(up);
  }
}

async function toOriginalSender(up: Upload, body: MessageBody, type: OpType, mid: number | undefined): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const msg = await messageOf(up, mid);
  const myConv = msg && (await ctx.store.conversationOf(session.userId, msg.id));
  // Only a message this user actually received can be acknowledged.
  if (!msg || myConv === undefined) return accepted(up);
  const read = type === OpType.READ_ACK;
  if (read) await ctx.store.markRead(session.userId, myConv, msg.id, true);
  const group = await groupOf(up, msg);
  const sender = msg.fromUid;
  if (group && read && sender !== session.userId) {
    // Group read receipts exist only where the group asks for them; elsewhere the ack goes no further.
    if (!group.readAck) return accepted(up);
    await ctx.store.addReadReceipt(msg.id, session.userId, ctx.now());
  }
  // Filed under the conversation of the acknowledged message, as the original sender sees it.
  const convId = group ? msg.toUid : session.userId;
  return storeOp(up, body, sender, [{
    userId: sender, convId, convType: group ? 2 : 1, skipSn: sender === session.userId ? session.sn : 0, read: true,
  }]);
}

async function toOwnDevices(up: Upload, body: MessageBody, type: OpType, mid: number | undefined, conv: number | undefined): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const convId = conv ?? (mid !== undefined ? await ctx.store.conversationOf(session.userId, mid) : undefined);
  if (convId !== undefined && mid !== undefined) {
    if (type === OpType.READ_ALL) await ctx.store.markReadUpTo(session.userId, convId, mid);
    else if (type === OpType.READ_CANCEL) await ctx.store.markRead(session.userId, convId, mid, false);
    else await ctx.store.markDeleted(session.userId, convId, mid);
  }
  return storeOp(up, body, session.userId, selfRecipients(session));
}

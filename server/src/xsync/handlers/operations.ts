/**
 * OPER messages (MessageBody.type OPER). Each is acknowledged; what is stored and who is told depends
 * on the operation:
 * - READ_ACK, DELIVER_ACK, PLAY_ACK: to the original sender's devices; READ_ACK records the read state.
 * - READ_ALL, READ_CANCEL, DELETE: to the user's own other devices; the user's copies change state.
 * - RECALL, APPEND, REPLACE (author only): to everyone in the conversation and the author's other devices.
 * - anything else: acknowledged, nothing stored.
 */
import { decodeMessage, MessageType, NameSpace, OpType, StatusCode, type MessageBody } from 'floo-miniprogram/protocol';
import type { MessageRecord } from '../../store/types';
import { selfRecipients, storeAndNotify } from '../fanout';
import { parseId, wireId } from '../wire';
import { storableBody } from './messages';
import { isTarget, refuse, resolveTarget } from './target';
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
      return toConversation(up, body, op.type, mid);
    default:
      return accepted(up);
  }
}

async function store(up: Upload, body: MessageBody, toUid: number, recipients: Parameters<typeof storeAndNotify>[2]['recipients']): Promise<UploadOutcome> {
  const result = await storeAndNotify(up.ctx, up.session, {
    toUid, ns: NameSpace.MESSAGE, payload: storableBody(body), kind: 'op', clientMid: up.meta.id ?? '0', recipients,
  });
  return { ok: true, serverMid: result.id, serverTime: result.timestamp };
}

/** The message `mid` if it belongs to the sender's app, else undefined. */
async function messageOf(up: Upload, mid: number | undefined): Promise<MessageRecord | undefined> {
  if (mid === undefined) return undefined;
  const msg = await up.ctx.store.getMessage(mid);
  return msg && msg.appId === up.session.appId ? msg : undefined;
}

async function isGroupMessage(up: Upload, msg: MessageRecord): Promise<boolean> {
  const g = await up.ctx.store.getGroup(msg.toUid);
  return g !== undefined && g.appId === up.session.appId;
}

async function toOriginalSender(up: Upload, body: MessageBody, type: OpType, mid: number | undefined): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const msg = await messageOf(up, mid);
  const myConv = msg && (await ctx.store.conversationOf(session.userId, msg.id));
  // Only a message this user actually received can be acknowledged.
  if (!msg || myConv === undefined) return accepted(up);
  if (type === OpType.READ_ACK) await ctx.store.markRead(session.userId, myConv, msg.id, true);
  const group = await isGroupMessage(up, msg);
  // Filed under the conversation of the acknowledged message, as the original sender sees it.
  const convId = group ? msg.toUid : session.userId;
  const sender = msg.fromUid;
  return store(up, body, sender, [{
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
  return store(up, body, session.userId, selfRecipients(session));
}

async function toConversation(up: Upload, body: MessageBody, type: OpType, mid: number | undefined): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const msg = await messageOf(up, mid);
  if (!msg || msg.kind !== 'content') return refuse(StatusCode.INVALID_PARAMETER, 'unknown message');
  if (msg.fromUid !== session.userId) return refuse(StatusCode.UNAUTHORIZED, 'only the sender may change a message');
  const group = await isGroupMessage(up, msg);
  const target = await resolveTarget(up, msg.toUid, group);
  if (!isTarget(target)) return target;
  if (type === OpType.RECALL) {
    await ctx.store.setRecalled(msg.id);
    return store(up, body, target.toUid, target.recipients);
  }
  // APPEND / REPLACE: edit the stored original so history and late devices see the new text.
  const editTimestamp = Math.max(ctx.now(), msg.timestamp);
  const original = decodeMessage('MessageBody', msg.payload);
  const edited: MessageBody = { ...original };
  if (type === OpType.APPEND) edited.content = (original.content ?? '') + (body.content ?? '');
  else {
    if (body.content !== undefined) edited.content = body.content;
    if (body.config !== undefined) edited.config = body.config;
    if (body.ext !== undefined) edited.ext = body.ext;
  }
  await ctx.store.replacePayload(msg.id, storableBody(edited), editTimestamp);
  const outcome = await store(up, { ...body, type: MessageType.OPER, edit_timestamp: wireId(editTimestamp) }, target.toUid, target.recipients);
  return outcome.ok ? { ...outcome, editTimestamp } : outcome;
}

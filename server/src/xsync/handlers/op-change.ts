/**
 * RECALL, APPEND and REPLACE: operations that change a message for everyone in its conversation
 * (docs/rich-messages.md, "Operations"). The rules, checked in this order:
 * 1. The message must exist, be content (not an operation or command) and, for edits, not be recalled;
 *    the user must see its conversation (a party of the 1:1 chat, a current member of the group):
 *    else `MessageInvalid` (INVALID_PARAMETER). Someone who had the message but left the group gets
 *    `GroupNotMemberFound` (UNAUTHORIZED).
 * 2. Recall: the sender within `recallWindowMs` (else `MessageOutRecallTime`); in a group, the owner
 *    recalls any message and an admin their own and ordinary members' (not the owner's or another
 *    admin's) at any time. Anyone else: `UserPermissionDenied` (UNAUTHORIZED).
 * 3. Edit (APPEND, REPLACE): the sender only (`UserPermissionDenied`), no time limit, text or custom
 *    messages only (`MessageInvalidType`, INVALID_PARAMETER).
 * The operation item then goes to the whole conversation and the author's other devices.
 */
import { ContentType, decodeMessage, MessageType, OpType, StatusCode, type MessageBody } from 'floo-miniprogram/protocol';
import type { GroupRecord, GroupRole, MessageRecord } from '../../store/types';
import { wireId } from '../wire';
import { storableBody } from './messages';
import { groupOf, invalidMessage, messageOf, storeOp } from './op-common';
import { isTarget, refuse, resolveTarget } from './target';
import type { Upload, UploadOutcome } from './upload';

/** Kinds whose content can be edited: text and app-defined (custom) messages. */
const EDITABLE: ReadonlySet<number> = new Set([ContentType.TEXT, -1]);

/** Handles RECALL, APPEND and REPLACE of message `mid`. */
export async function changeMessage(up: Upload, body: MessageBody, type: OpType, mid: number | undefined): Promise<UploadOutcome> {
  const msg = await messageOf(up, mid);
  // A repeated recall passes (a retried upload is then de-duplicated by the store); an edit of a recalled message does not.
  if (!msg || msg.kind !== 'content' || (msg.recalled && type !== OpType.RECALL)) return invalidMessage();
  const group = await groupOf(up, msg);
  const refusal = type === OpType.RECALL ? await recallRefusal(up, msg, group) : await editRefusal(up, msg, group);
  if (refusal) return refusal;
  const target = await resolveTarget(up, msg.toUid, group !== undefined);
  if (!isTarget(target)) return target;
  if (type === OpType.RECALL) {
    await up.ctx.store.setRecalled(msg.id);
    return storeOp(up, body, target.toUid, target.recipients);
  }
  // APPEND / REPLACE: edit the stored original so history and late devices see the new text.
  const editTimestamp = Math.max(up.ctx.now(), msg.timestamp);
  const original = decodeMessage('MessageBody', msg.payload);
  const edited: MessageBody = { ...original };
  if (type === OpType.APPEND) edited.content = (original.content ?? '') + (body.content ?? '');
  else {
    if (body.content !== undefined) edited.content = body.content;
    if (body.config !== undefined) edited.config = body.config;
    if (body.ext !== undefined) edited.ext = body.ext;
  }
  await up.ctx.store.replacePayload(msg.id, storableBody(edited), editTimestamp);
  const outcome = await storeOp(up, { ...body, type: MessageType.OPER, edit_timestamp: wireId(editTimestamp) }, target.toUid, target.recipients);
  return outcome.ok ? { ...outcome, editTimestamp } : outcome;
}

/** The user's role in the message's group (undefined for 1:1), or the refusal when they cannot see the message. */
async function standing(up: Upload, msg: MessageRecord, group: GroupRecord | undefined): Promise<{ role?: GroupRole } | UploadOutcome> {
  const { ctx, session } = up;
  const uid = session.userId;
  if (!group) {
    if (uid !== msg.fromUid && uid !== msg.toUid) return invalidMessage();
    return {};
  }
  const me = await ctx.store.getMember(group.id, uid);
  if (me) return { role: me.role };
  const had = uid === msg.fromUid || (await ctx.store.conversationOf(uid, msg.id)) !== undefined;
  return had ? refuse(StatusCode.UNAUTHORIZED, 'GroupNotMemberFound: not a member of this group') : invalidMessage();
}

function denied(): UploadOutcome {
  return refuse(StatusCode.UNAUTHORIZED, 'UserPermissionDenied: only the sender (or a group admin) may do this');
}

async function recallRefusal(up: Upload, msg: MessageRecord, group: GroupRecord | undefined): Promise<UploadOutcome | undefined> {
  const seen = await standing(up, msg, group);
  if ('ok' in seen) return seen;
  const author = msg.fromUid === up.session.userId;
  if (group && seen.role === 'owner') return undefined;
  if (group && seen.role === 'admin') {
    if (author) return undefined;
    // Someone who left counts as an ordinary member.
    const authorRole = (await up.ctx.store.getMember(group.id, msg.fromUid))?.role ?? 'member';
    if (authorRole === 'member') return undefined;
    return denied();
  }
  if (!author) return denied();
  if (up.ctx.now() - msg.timestamp > up.ctx.options.recallWindowMs) {
    return refuse(StatusCode.UNAUTHORIZED, `MessageOutRecallTime: messages can be recalled within ${Math.round(up.ctx.options.recallWindowMs / 1000)} s of sending`);
  }
  return undefined;
}

async function editRefusal(up: Upload, msg: MessageRecord, group: GroupRecord | undefined): Promise<UploadOutcome | undefined> {
  const seen = await standing(up, msg, group);
  if ('ok' in seen) return seen;
  if (msg.fromUid !== up.session.userId) return denied();
  const ctype = decodeMessage('MessageBody', msg.payload).ctype ?? ContentType.TEXT;
  if (!EDITABLE.has(ctype)) return refuse(StatusCode.INVALID_PARAMETER, 'MessageInvalidType: only text and custom messages can be edited');
  return undefined;
}

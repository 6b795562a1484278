/**
 * Chat and group messages (stored and queued) and transient ones (typing: online devices only).
 * Every kind of docs/rich-messages.md is stored as sent (attachment, ext and config untouched). A command
 * (ctype COMMAND) is delivered once to every recipient device like any message, but stored as kind 'op':
 * never in history, never bringing a conversation into the list, and its copies start read, so it never
 * counts as unread.
 */
import { ContentType, encodeMessage, MessageType, NameSpace, type MessageBody } from 'floo-miniprogram/protocol';
import { storeAndNotify } from '../fanout';
import { parseId, wireId, xid } from '../wire';
import { isTarget, others, resolveTarget } from './target';
import type { Upload, UploadOutcome } from './upload';

/** The body as stored: the server sets `status` per copy on delivery. */
export function storableBody(body: MessageBody): Uint8Array {
  const copy: MessageBody = { ...body };
  delete copy.status;
  delete copy.from;
  delete copy.to;
  return encodeMessage('MessageBody', copy);
}

/** A CHAT, GROUPCHAT (or NORMAL, treated as 1:1) message: stored, queued, announced. */
export async function handleMessage(up: Upload, body: MessageBody): Promise<UploadOutcome> {
  const target = await resolveTarget(up, parseId(up.meta.to?.uid), body.type === MessageType.GROUPCHAT);
  if (!isTarget(target)) return target;
  const command = body.ctype === ContentType.COMMAND;
  const stored = storeAndNotify(up.ctx, up.session, {
    toUid: target.toUid, ns: NameSpace.MESSAGE, payload: storableBody(body), kind: command ? 'op' : 'content',
    clientMid: up.meta.id ?? '0', recipients: command ? target.recipients.map((r) => ({ ...r, read: true })) : target.recipients,
  });
  // The item is queued for the group commit (storeAndNotify appends before its first await).
  up.release();
  const result = await stored;
  return { ok: true, serverMid: result.id, serverTime: result.timestamp };
}

/** A best-effort item (qos AT_MOST_ONCE, e.g. typing): pushed to online devices of the peers, never stored. */
export async function handleTransient(up: Upload, body: MessageBody): Promise<UploadOutcome> {
  const { ctx, session } = up;
  const target = await resolveTarget(up, parseId(up.meta.to?.uid), body.type === MessageType.GROUPCHAT);
  if (!isTarget(target)) return target;
  const id = await ctx.store.allocateId();
  const now = ctx.now();
  for (const r of others(session, target)) {
    const meta = {
      id: wireId(id), from: xid(session.userId, session.sn), to: xid(target.toUid, 0), timestamp: wireId(now),
      ns: NameSpace.MESSAGE, payload: { ...body, status: 0 },
    } as const;
    ctx.router.deliver(r.userId, { kind: 'eager', convId: r.convId, meta }, 0)
      .catch((err) => ctx.log.error(`transient item to user ${r.userId} failed`, err));
  }
  return { ok: true, serverMid: id, serverTime: now };
}

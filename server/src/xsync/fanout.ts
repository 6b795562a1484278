/**
 * Storing an uploaded item and telling its recipients: the item is queued for every recipient user
 * in one transaction (O(recipients)), then each online device except the sending one gets a NOTICE
 * for the conversation as that user sees it.
 */
import { createHash } from 'node:crypto';
import type { ServerContext } from '../context';
import type { AppendResult, ItemKind, Recipient } from '../store/types';
import type { DeviceSession } from './connection';

/** An item about to be stored. */
export interface Outgoing {
  toUid: number;
  ns: number;
  payload: Uint8Array;
  kind: ItemKind;
  clientMid: string;
  recipients: Recipient[];
}

/** Stores `item` (idempotently per sender device and client id) and notifies its recipients. */
export async function storeAndNotify(ctx: ServerContext, session: DeviceSession, item: Outgoing): Promise<AppendResult> {
  // The digest makes a retry (same bytes) a duplicate, while two different items that happen to share a
  // millisecond client id (the official client uses Date.now()) are both kept.
  const digest = createHash('sha256').update(`${item.ns}:${item.toUid}:`).update(item.payload).digest('hex').slice(0, 32);
  const result = await ctx.store.appendMessage({
    appId: session.appId, fromUid: session.userId, fromSn: session.sn, toUid: item.toUid, ns: item.ns,
    payload: item.payload, kind: item.kind, clientMid: item.clientMid, digest, recipients: item.recipients,
  });
  if (!result.duplicate) notify(ctx, item.recipients);
  return result;
}

/** Sends NOTICE{conversation} to the online devices of each recipient, except the device that has the item. */
export function notify(ctx: ServerContext, recipients: Recipient[]): void {
  for (const r of recipients) {
    ctx.router.deliver(r.userId, { kind: 'notice', convId: r.convId }, r.skipSn)
      .catch((err) => ctx.log.error(`notice to user ${r.userId} failed`, err));
  }
}

/** Queue entries of a 1:1 item: the peer (conversation = sender) and the sender's other devices (conversation = peer). */
export function chatRecipients(session: DeviceSession, peer: number): Recipient[] {
  const self: Recipient = { userId: session.userId, convId: peer, convType: 1, skipSn: session.sn, read: true };
  if (peer === session.userId) return [self];
  return [{ userId: peer, convId: session.userId, convType: 1, skipSn: 0, read: false }, self];
}

/** Queue entries of a group item: every member (conversation = gid), except the sending device. */
export function groupRecipients(session: DeviceSession, gid: number, memberIds: number[]): Recipient[] {
  return memberIds.map((uid) => uid === session.userId
    ? { userId: uid, convId: gid, convType: 2, skipSn: session.sn, read: true }
    : { userId: uid, convId: gid, convType: 2, skipSn: 0, read: false });
}

/** Queue entry for the sender's own other devices (read-all, delete, conversation ops). */
export function selfRecipients(session: DeviceSession): Recipient[] {
  return [{ userId: session.userId, convId: session.userId, convType: 0, skipSn: session.sn, read: true }];
}

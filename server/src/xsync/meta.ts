/** Turning stored items into the Meta a client receives. */
import {
  decodeMessage, MessageStatus, NameSpace, type Meta, type MessageBody,
} from 'floo-miniprogram/protocol';
import type { StoredItem } from '../store/types';
import { wireId, xid } from './wire';

/**
 * The Meta of a stored item as delivered: server id, original from/to, server timestamp, ns, and
 * for message bodies the `status` of this user's copy (READ or UNREAD), which official clients use as
 * the initial read state.
 */
export function toMeta(item: StoredItem): Meta {
  const base = {
    id: wireId(item.id),
    from: xid(item.fromUid, item.fromSn),
    // Items without a target (conversation ops) are addressed to their author's own devices.
    to: xid(item.toUid || item.fromUid, 0),
    timestamp: wireId(item.timestamp),
  };
  if (item.ns === NameSpace.MESSAGE || item.ns === NameSpace.PUSH) {
    let body: MessageBody;
    try {
      body = decodeMessage('MessageBody', item.payload);
    } catch {
      return { ...base, ns: item.ns, rawPayload: item.payload };
    }
    body.status = item.read ? MessageStatus.READ : MessageStatus.UNREAD;
    if (item.editTimestamp > 0) body.edit_timestamp = wireId(item.editTimestamp);
    return { ...base, ns: item.ns, payload: body };
  }
  return { ...base, ns: item.ns, rawPayload: item.payload } as Meta;
}

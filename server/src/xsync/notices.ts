/**
 * Group, roster and user notices (XSYNC GroupNotice / RosterNotice / UserNotice items). A notice is
 * stored once and queued for every user it concerns under that user's own-device queue (conversation
 * type 0, conversation id = the user's own uid), so it reaches devices that are offline now on their
 * next sync, exactly like conversation operations; online devices get a NOTICE right away.
 * Notices are never visible content: they do not show in history and never count as unread.
 */
import { randomUUID } from 'node:crypto';
import {
  encodeMessage, NameSpace, type GroupNoticeType, type RosterNoticeType, type UserNoticeType,
} from 'floo-miniprogram/protocol';
import type { ServerContext } from '../context';
import type { Recipient } from '../store/types';
import { notify } from './fanout';
import { wireId, xid } from './wire';

/** Who is told: users (all their devices), optionally except the device that made the change. */
export interface NoticeAudience {
  appId: string;
  /** The acting user (Meta.from). 0 for the system. */
  fromUid: number;
  /** The acting device, which already knows (0: tell every device, e.g. a change made over REST). */
  fromSn?: number;
  /** Every user to tell (duplicates are ignored). */
  userIds: Iterable<number>;
}

/** A group notice: `gid` is the group, `to` the users the change is about. */
export interface GroupNoticeInput extends NoticeAudience {
  type: GroupNoticeType;
  gid: number;
  to?: number[];
  /** JSON text (see docs/social.md for each type's content). */
  content?: string;
}

/** A roster notice: `to` the users the change is about. */
export interface RosterNoticeInput extends NoticeAudience {
  type: RosterNoticeType;
  to?: number[];
  content?: string;
}

/** A user notice (never type 0: the official client logs out on it). */
export interface UserNoticeInput extends NoticeAudience {
  type: UserNoticeType;
  content?: string;
}

/** Publishes a GroupNotice; resolves with the stored item id. */
export function publishGroupNotice(ctx: ServerContext, n: GroupNoticeInput): Promise<number> {
  const payload = encodeMessage('GroupNotice', {
    type: n.type, gid: xid(n.gid), from: xid(n.fromUid, n.fromSn ?? 0), to: (n.to ?? []).map((u) => xid(u)),
    content: n.content ?? '',
  });
  return publish(ctx, n, NameSpace.GROUP_NOTICE, n.gid, payload);
}

/** Publishes a RosterNotice; resolves with the stored item id. */
export function publishRosterNotice(ctx: ServerContext, n: RosterNoticeInput): Promise<number> {
  const payload = encodeMessage('RosterNotice', {
    type: n.type, from: xid(n.fromUid, n.fromSn ?? 0), to: (n.to ?? []).map((u) => xid(u)), content: n.content ?? '',
  });
  return publish(ctx, n, NameSpace.ROSTER_NOTICE, n.to?.[0] ?? 0, payload);
}

/** Publishes a UserNotice to the users' devices; resolves with the stored item id. */
export function publishUserNotice(ctx: ServerContext, n: UserNoticeInput): Promise<number> {
  if (!n.type) throw new Error('a UserNotice of type 0 logs official clients out; never send it');
  const payload = encodeMessage('UserNotice', { type: n.type, content: n.content ?? '' });
  return publish(ctx, n, NameSpace.USER_NOTICE, 0, payload);
}

async function publish(ctx: ServerContext, a: NoticeAudience, ns: number, toUid: number, payload: Uint8Array): Promise<number> {
  const fromSn = a.fromSn ?? 0;
  const recipients: Recipient[] = [...new Set(a.userIds)].map((userId) => ({
    userId, convId: userId, convType: 0, skipSn: userId === a.fromUid ? fromSn : 0, read: true,
  }));
  if (recipients.length === 0) return 0;
  // Each notice is its own item: a unique client id means it is never taken for a retried upload.
  const result = await ctx.store.appendMessage({
    appId: a.appId, fromUid: a.fromUid, fromSn, toUid, ns, payload, kind: 'op',
    clientMid: `notice:${randomUUID()}`, digest: wireId(ns), recipients,
  });
  notify(ctx, recipients);
  return result.id;
}

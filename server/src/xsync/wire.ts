/** Conversions between store ids (numbers below 2^53) and the codec's decimal strings, and reply builders. */
import { Command, StatusCode, type DownFrame, type Status, type SyncDL, type XID } from 'floo-miniprogram/protocol';

/** The reason that makes the official client log in again (must match exactly). */
export const LOGIN_FIRST = 'you must login first';

/** Decimal string of a store id. */
export function wireId(n: number): string {
  return String(n);
}

/** A positive id below 2^53 from a decimal string, else undefined (absent, 0, or too large). */
export function parseId(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** A cursor or history key: 0 when absent; values beyond 2^53 round, which only moves them past every id. */
export function parseKey(s: string | undefined): number {
  if (s === undefined) return 0;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** An XID with both fields explicit (the official client reads both). */
export function xid(uid: number | string, deviceSN = 0): XID {
  return { uid: typeof uid === 'number' ? wireId(uid) : uid, deviceSN };
}

/** The "no conversation" XID sent when a reply must carry one but the request had none. */
export function noXid(): XID {
  return xid(0, 0);
}

/** Echo of a request XID, made complete. */
export function echoXid(x: XID | undefined): XID {
  return x ? { uid: x.uid ?? '0', deviceSN: x.deviceSN ?? 0 } : noXid();
}

/** A Status. */
export function status(code: StatusCode, reason?: string): Status {
  return reason === undefined ? { code } : { code, reason };
}

/** A SYNC frame carrying `dl`; status and xid are always present. */
export function syncFrame(dl: SyncDL & { status: Status; xid: XID }): DownFrame {
  return { command: Command.SYNC, payload: dl };
}

/** A failed SyncDL (with client_mid when it answers an upload). */
export function syncError(code: StatusCode, reason: string, x: XID | undefined, clientMid?: string): DownFrame {
  const dl: SyncDL & { status: Status; xid: XID } = { status: status(code, reason), xid: echoXid(x) };
  if (clientMid !== undefined) dl.client_mid = clientMid;
  return syncFrame(dl);
}

/** A PROVISION reply; xid is always present. */
export function provisionFrame(code: StatusCode, reason: string | undefined, x: XID): DownFrame {
  return { command: Command.PROVISION, payload: { status: status(code, reason), xid: x } };
}

/** A failed UNREAD reply. */
export function unreadError(code: StatusCode, reason: string): DownFrame {
  return { command: Command.UNREAD, payload: { status: status(code, reason), unread: [] } };
}

/** A NOTICE for a conversation. */
export function noticeFrame(convId: number): DownFrame {
  return { command: Command.NOTICE, payload: { xid: xid(convId, 0) } };
}

export { StatusCode };

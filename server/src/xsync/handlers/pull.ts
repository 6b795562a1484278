/** SYNC without meta: a queue pull (ack + next batch) or a history page. */
import { StatusCode, type SyncUL } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import type { DeviceSession, Reply } from '../connection';
import { toMeta } from '../meta';
import { seesFullGroupHistory } from './policy-group';
import { echoXid, parseId, parseKey, status, syncError, syncFrame, wireId } from '../wire';

/** Page size used when a history request names none. */
const DEFAULT_HISTORY_PAGE = 20;

/**
 * Pull: `key` > 0 acknowledges everything up to it for this device; the reply holds the next batch
 * ascending, with `next_key` = its last id (0 when nothing is pending).
 */
export async function handlePull(ctx: ServerContext, reply: Reply, session: DeviceSession, ul: SyncUL): Promise<void> {
  const convId = parseId(ul.xid?.uid);
  if (convId === undefined) return reply.send(syncError(StatusCode.INVALID_PARAMETER, 'missing conversation xid', ul.xid));
  const pending = ctx.store.pull(session.userId, session.sn, convId, parseKey(ul.key), ctx.options.syncBatchSize);
  // The pull (and its acknowledgement) is queued in order: the connection may go on to its next frame.
  reply.release();
  const items = await pending;
  reply.send(syncFrame({
    status: status(StatusCode.OK),
    xid: echoXid(ul.xid),
    metas: items.map(toMeta),
    next_key: items.length > 0 ? wireId(items[items.length - 1].id) : '0',
  }));
}

/** History: visible items older than `key` (0 = newest), newest first; `next_key` = the oldest id returned. */
export async function handleHistory(ctx: ServerContext, reply: Reply, session: DeviceSession, ul: SyncUL): Promise<void> {
  const convId = parseId(ul.xid?.uid);
  if (convId === undefined) return reply.send(syncError(StatusCode.INVALID_PARAMETER, 'missing conversation xid', ul.xid));
  const asked = ul.full_sync_num ?? 0;
  const limit = asked > 0 ? Math.min(asked, ctx.options.maxHistoryPage) : DEFAULT_HISTORY_PAGE;
  const items = (await seesFullGroupHistory(ctx, session, convId))
    ? await ctx.store.groupHistory(session.userId, convId, parseKey(ul.key), limit)
    : await ctx.store.history(session.userId, convId, parseKey(ul.key), limit);
  reply.send(syncFrame({
    status: status(StatusCode.OK),
    xid: echoXid(ul.xid),
    is_full_sync: true,
    metas: items.map(toMeta),
    next_key: items.length > 0 ? wireId(items[items.length - 1].id) : '0',
  }));
}

/** Routes a decoded client frame to its command handler, enforcing login first. */
import { Command, MessageType, NameSpace, QoS, StatusCode, type UpFrame } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../context';
import type { Connection, Reply } from './connection';
import { handleProvision } from './handlers/provision';
import { handleUnread } from './handlers/unread';
import { handleHistory, handlePull } from './handlers/pull';
import { handleUpload } from './handlers/upload';
import { LOGIN_FIRST, syncError, unreadError } from './wire';

/**
 * Frames that may overlap with the connection's next frame once their write is queued: queue pulls and
 * chat/group messages. Before queuing they only read users and groups, which no pending write of
 * these kinds changes, and their writes run in arrival order in the group commit.
 */
export function isPipelined(frame: UpFrame): boolean {
  if (frame.command !== Command.SYNC) return false;
  const sync = frame.payload ?? {};
  const meta = sync.meta;
  if (!meta) return !sync.is_full_sync;
  if (meta.ns !== NameSpace.MESSAGE || meta.payloadError !== undefined) return false;
  const body = meta.payload ?? {};
  return body.type !== MessageType.OPER && body.qos !== QoS.AT_MOST_ONCE;
}

/** Handles one frame of `conn`, answering through `reply`. Resolves when the frame is fully handled. */
export async function dispatchFrame(ctx: ServerContext, conn: Connection, reply: Reply, frame: UpFrame): Promise<void> {
  if (frame.command === Command.PROVISION) {
    await handleProvision(ctx, conn, frame.payload ?? {});
    return;
  }
  // Servers never receive notices; there is nothing to answer.
  if (frame.command === Command.NOTICE) return;
  const session = conn.session;
  if (frame.command === Command.UNREAD) {
    if (!session) reply.send(unreadError(StatusCode.UNAUTHORIZED, LOGIN_FIRST));
    else await handleUnread(ctx, reply, session);
    return;
  }
  const sync = frame.payload ?? {};
  if (!session) {
    reply.send(syncError(StatusCode.UNAUTHORIZED, LOGIN_FIRST, sync.xid ?? sync.meta?.to, sync.meta ? sync.meta.id ?? '0' : undefined));
    return;
  }
  if (sync.meta) await handleUpload(ctx, reply, session, sync.meta);
  else if (sync.is_full_sync) await handleHistory(ctx, reply, session, sync);
  else await handlePull(ctx, reply, session, sync);
}

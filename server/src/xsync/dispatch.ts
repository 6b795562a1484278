/** Routes a decoded client frame to its command handler, enforcing login first. */
import { Command, StatusCode, type UpFrame } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../context';
import type { Connection } from './connection';
import { handleProvision } from './handlers/provision';
import { handleUnread } from './handlers/unread';
import { handleHistory, handlePull } from './handlers/pull';
import { handleUpload } from './handlers/upload';
import { LOGIN_FIRST, syncError, unreadError } from './wire';

/** Handles one frame of `conn`. Resolves when the frame is fully handled. */
export async function dispatchFrame(ctx: ServerContext, conn: Connection, frame: UpFrame): Promise<void> {
  if (frame.command === Command.PROVISION) {
    await handleProvision(ctx, conn, frame.payload ?? {});
    return;
  }
  // Servers never receive notices; there is nothing to answer.
  if (frame.command === Command.NOTICE) return;
  const session = conn.session;
  if (frame.command === Command.UNREAD) {
    if (!session) conn.send(unreadError(StatusCode.UNAUTHORIZED, LOGIN_FIRST));
    else await handleUnread(ctx, conn, session);
    return;
  }
  const sync = frame.payload ?? {};
  if (!session) {
    conn.send(syncError(StatusCode.UNAUTHORIZED, LOGIN_FIRST, sync.xid ?? sync.meta?.to, sync.meta ? sync.meta.id ?? '0' : undefined));
    return;
  }
  if (sync.meta) await handleUpload(ctx, conn, session, sync.meta);
  else if (sync.is_full_sync) await handleHistory(ctx, conn, session, sync);
  else await handlePull(ctx, conn, session, sync);
}

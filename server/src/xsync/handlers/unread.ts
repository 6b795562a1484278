/** UNREAD (also the clients' 50 s heartbeat): the conversation list with pending counts for this device. */
import { Command, StatusCode } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import type { DeviceSession, Reply } from '../connection';
import { status, xid } from '../wire';

/** Answers UNREAD with UnreadDL. */
export async function handleUnread(ctx: ServerContext, reply: Reply, session: DeviceSession): Promise<void> {
  const pending = await ctx.store.pending(session.userId, session.sn);
  reply.send({
    command: Command.UNREAD,
    payload: {
      status: status(StatusCode.OK),
      unread: pending.map((c) => ({ xid: xid(c.convId, 0), n: c.n, type: c.convType })),
    },
  });
}

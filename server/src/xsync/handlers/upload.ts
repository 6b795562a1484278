/**
 * SYNC with meta: a client upload. Every upload is acknowledged with SyncDL{client_mid, ...}; the
 * namespace and body type select what happens to it.
 */
import { MessageType, NameSpace, QoS, StatusCode, type Meta } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import type { DeviceSession, Reply } from '../connection';
import { echoXid, status, syncError, syncFrame, wireId } from '../wire';
import { handleConversationOp } from './conversation';
import { handleMessage, handleTransient } from './messages';
import { handleOperation } from './operations';

/** What an upload handler decided: acknowledge with these ids, or fail with a status. */
export type UploadOutcome =
  | { ok: true; serverMid: number; serverTime: number; editTimestamp?: number }
  | { ok: false; code: StatusCode; reason: string };

/** Everything an upload handler needs. */
export interface Upload {
  ctx: ServerContext;
  session: DeviceSession;
  meta: Meta;
  /** Called once the upload's write is queued (see {@link Reply.release}). */
  release: () => void;
}

/** Handles an upload and sends its ack. */
export async function handleUpload(ctx: ServerContext, reply: Reply, session: DeviceSession, meta: Meta): Promise<void> {
  const clientMid = meta.id ?? '0';
  if (meta.payloadError !== undefined) {
    return reply.send(syncError(StatusCode.PB_PARSER_ERROR, meta.payloadError, meta.to, clientMid));
  }
  const outcome = await route({ ctx, session, meta, release: reply.release });
  if (!outcome.ok) return reply.send(syncError(outcome.code, outcome.reason, meta.to, clientMid));
  reply.send(syncFrame({
    status: status(StatusCode.OK),
    xid: echoXid(meta.to),
    client_mid: clientMid,
    server_mid: wireId(outcome.serverMid),
    server_time: wireId(outcome.serverTime),
    ...(outcome.editTimestamp !== undefined ? { edit_timestamp: wireId(outcome.editTimestamp) } : {}),
  }));
}

async function route(up: Upload): Promise<UploadOutcome> {
  const { meta } = up;
  if (meta.ns === NameSpace.MESSAGE) {
    const body = meta.payload ?? {};
    if (body.type === MessageType.OPER) return handleOperation(up, body);
    if (body.qos === QoS.AT_MOST_ONCE) return handleTransient(up, body);
    return handleMessage(up, body);
  }
  if (meta.ns === NameSpace.CONVERSATION) return handleConversationOp(up, meta.payload ?? {});
  // RTC signalling has no media server to relay to here, and clients do not originate notices, INFO
  // or PUSH items: acknowledge them (clients wait for acks) and drop them.
  return accepted(up);
}

/** An OK outcome for an upload that stores nothing: a fresh id from the message sequence. */
export async function accepted(up: Upload): Promise<UploadOutcome> {
  return { ok: true, serverMid: await up.ctx.store.allocateId(), serverTime: up.ctx.now() };
}

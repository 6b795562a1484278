/** Shared helpers of message-ops.test.ts and message-kinds.test.ts: a server with a movable clock, users, devices, ops. */
import { MessageType, OpType, type MessageBody, type Meta, type SyncDL } from 'floo-miniprogram/protocol';
import type { RunningServer, ServerOptions } from '../../../server/src';
import { RawClient } from '../../support/server-client';
import { startTestServer } from '../../support/server-harness';
import { groupKit, type User } from './groups-support';

/** The recall window the tests run with (the clock is moved past it, never waited for). */
export const WINDOW_MS = 60_000;

/** A test server whose clock can be moved forward, with the group kit bound to it. */
export async function messageServer(options: ServerOptions = {}) {
  let offset = 0;
  const server: RunningServer = await startTestServer({ recallWindowMs: WINDOW_MS, clock: () => Date.now() + offset, ...options });
  const kit = groupKit(server);
  const extra: RawClient[] = [];

  /** Moves the server clock forward by `ms`. */
  function advance(ms: number): void {
    offset += ms;
  }

  /** A device of `u` with a fixed guid: connecting again with the same guid is the same device. */
  async function deviceAs(u: User, guid: string): Promise<RawClient> {
    const c = await RawClient.connect(server.url);
    extra.push(c);
    const reply = await c.provision({ uid: u.userId, token: u.token, guid: `${u.userId}_${guid}` });
    if (reply.status?.code !== 1) throw new Error(`provision failed: ${JSON.stringify(reply.status)}`);
    return c;
  }

  /** Closes every device and stops the server. */
  async function stop(): Promise<void> {
    await kit.closeAll();
    await Promise.all(extra.splice(0).map((c) => c.close()));
    await server.close();
  }

  return { server, ...kit, advance, deviceAs, stop };
}

/** Sends a message body (1:1, or to a group when `group`) and returns the ack. */
export function send(c: RawClient, to: number | string, body: MessageBody, group = false): Promise<SyncDL> {
  return c.upload(c.messageMeta(to, { type: group ? MessageType.GROUPCHAT : MessageType.CHAT, ...body }));
}

/** Sends an OPER `type` about message `mid` to `to` (the conversation; `xid` defaults to it). */
export function op(c: RawClient, to: number | string, type: OpType, mid: string | undefined, extra: MessageBody = {}): Promise<SyncDL> {
  return c.upload(c.messageMeta(to, {
    type: MessageType.OPER, ctype: 6, content: '', ...extra, operation: { type, mid: mid ?? '0', xid: { uid: String(to), deviceSN: 0 } },
  }));
}

/** The body of a MESSAGE meta. */
export function body(m: Meta): MessageBody {
  return (m as Meta & { payload?: MessageBody }).payload ?? {};
}

/** Every meta pending for the device in conversation `conv` (pulled and acknowledged). */
export async function pulled(c: RawClient, conv: number | string): Promise<Meta[]> {
  return (await c.pullAll(conv)).metas;
}

/** Ids of the content a device's history of `conv` holds, newest first. */
export async function historyIds(c: RawClient, conv: number | string): Promise<string[]> {
  return ((await c.history(conv, '0', 100)).metas ?? []).map((m) => m.id as string);
}

/** The refusal reason's error-code name (`"Name: text"` → `"Name"`). */
export function reasonCode(dl: SyncDL): string | undefined {
  return dl.status?.reason?.split(':')[0];
}

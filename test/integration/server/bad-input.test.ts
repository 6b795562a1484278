/** Bad input never crashes the server nor disturbs other clients; each gets the matching status. */
import { Command, encodeFrame, encodeMessage, StatusCode, type UnreadDL } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient } from '../../support/server-client';
import { connectAs, login, startTestServer, uidOf } from '../../support/server-harness';

let server: RunningServer;
const open: RawClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ maxProtocolErrors: 3 });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.close();
});

async function raw(): Promise<RawClient> {
  const c = await RawClient.connect(server.url);
  open.push(c);
  return c;
}

const LOGIN_FIRST = { code: StatusCode.UNAUTHORIZED, reason: 'you must login first' };

test('frames before PROVISION get UNAUTHORIZED "you must login first", in kind, with xid', async () => {
  const c = await raw();
  c.send({ command: Command.UNREAD });
  expect(((await c.next((f) => f.command === Command.UNREAD)).payload as UnreadDL).status).toEqual(LOGIN_FIRST);
  c.send({ command: Command.SYNC, payload: { xid: { uid: '42', deviceSN: 0 } } });
  const pull = await c.nextSync();
  expect(pull.status).toEqual(LOGIN_FIRST);
  expect(pull.xid).toEqual({ uid: '42', deviceSN: 0 });
  c.send({ command: Command.SYNC, payload: { meta: { id: '77', to: { uid: '5', deviceSN: 0 }, ns: 1, payload: { type: 2, content: 'x' } } } });
  const ack = await c.nextSync();
  expect(ack).toMatchObject({ status: LOGIN_FIRST, client_mid: '77', xid: { uid: '5', deviceSN: 0 } });
});

test('wrong, mismatched and expired tokens get INVALID_TOKEN with an xid', async () => {
  const { token, userId } = await login(server, 'alice');
  const c = await raw();
  let reply = await c.provision({ uid: userId, token: 'not-a-token' });
  expect(reply.status?.code).toBe(StatusCode.INVALID_TOKEN);
  expect(reply.xid).toEqual({ uid: '0', deviceSN: 0 });
  reply = await c.provision({ uid: uidOf(server, 'bob'), token });
  expect(reply.status?.code).toBe(StatusCode.INVALID_TOKEN);
  reply = await c.provision({ uid: userId, token: '' });
  expect(reply.status?.code).toBe(StatusCode.INVALID_TOKEN);
  // The connection stays usable: a correct login still works.
  reply = await c.provision({ uid: userId, token });
  expect(reply.status?.code).toBe(StatusCode.OK);

  await server.close();
  let now = Date.now();
  server = await startTestServer({ tokenTtlMs: 1000, clock: () => now });
  const fresh = await login(server, 'alice');
  now += 2000;
  const d = await raw();
  expect((await d.provision({ uid: fresh.userId, token: fresh.token })).status?.code).toBe(StatusCode.INVALID_TOKEN);
});

test('malformed frames and unknown commands get a status; the connection survives, then closes after too many', async () => {
  const c = await connectAs(server, 'alice');
  open.push(c);
  c.sendRaw(new Uint8Array([0xff, 0xff, 0xff]));
  expect((await c.nextSync()).status?.code).toBe(StatusCode.PB_PARSER_ERROR);
  // Unknown command 9.
  c.sendRaw(new Uint8Array([0x08, 0x00, 0x10, 0x00, 0x18, 0x09]));
  const unknown = await c.nextSync();
  expect(unknown.status?.code).toBe(StatusCode.UNKNOWN_COMMAND);
  expect(unknown.xid).toEqual({ uid: '0', deviceSN: 0 });
  // A good frame resets the count of consecutive bad ones.
  expect((await c.unread()).status).toEqual({ code: 1 });
  // A SYNC whose payload is garbage.
  c.sendRaw(encodeFrameWithPayload(Command.SYNC, new Uint8Array([0x0a, 0x05, 0x01])));
  expect((await c.nextSync()).status?.code).toBe(StatusCode.PB_PARSER_ERROR);
  // Still logged in and working.
  expect((await c.unread()).status).toEqual({ code: 1 });
  // Three bad frames in a row close the connection (maxProtocolErrors = 3).
  for (let i = 0; i < 3; i++) c.sendRaw(new Uint8Array([0xff]));
  expect((await c.waitClose()).code).toBe(1007);
});

function encodeFrameWithPayload(command: number, payload: Uint8Array): Uint8Array {
  // Frame{command, payload} by hand: field 3 varint, field 4 bytes.
  return new Uint8Array([0x18, command, 0x22, payload.length, ...payload]);
}

test('a text message closes with 1003; a frame over 1 MB closes with 1009; others are not disturbed', async () => {
  const alice = await connectAs(server, 'alice');
  open.push(alice);
  const bob = await connectAs(server, 'bob');
  open.push(bob);
  const text = await raw();
  text.sendRaw('hello');
  expect((await text.waitClose()).code).toBe(1003);
  const big = await raw();
  big.sendRaw(new Uint8Array(1024 * 1024 + 10));
  expect((await big.waitClose()).code).toBe(1009);
  const ack = await alice.sendText(bob.uid, 'unaffected');
  expect(ack.status).toEqual({ code: 1 });
  await bob.notice(alice.uid);
});

test('frames sent right behind PROVISION are queued and answered in order, after the login', async () => {
  const { token, userId } = await login(server, 'alice');
  const c = await raw();
  // PROVISION, UNREAD, a send and a pull in one burst, as a reconnecting client flushes its buffer.
  c.send({ command: Command.PROVISION, payload: { xid: { uid: String(userId), deviceSN: 1000000001 }, token, device_guid: 'burst', os_type: 6, sdk_vsn: '2.0.0' } });
  c.send({ command: Command.UNREAD });
  c.send({ command: Command.SYNC, payload: { meta: { id: '555', from: { uid: String(userId), deviceSN: 0 }, to: { uid: uidOf(server, 'bob'), deviceSN: 0 }, ns: 1, payload: { type: 2, content: 'burst' } } } });
  c.send({ command: Command.SYNC, payload: { xid: { uid: uidOf(server, 'bob'), deviceSN: 0 } } });
  const frames = [await c.next(), await c.next(), await c.next(), await c.next()];
  expect(frames.map((f) => f.command)).toEqual([Command.PROVISION, Command.UNREAD, Command.SYNC, Command.SYNC]);
  expect(frames.every((f) => (f.payload as { status?: { code?: number } }).status?.code === 1)).toBe(true);
  expect((frames[2].payload as { client_mid?: string }).client_mid).toBe('555');
});

test('an upload whose body does not decode is refused with PB_PARSER_ERROR and its client_mid', async () => {
  const c = await connectAs(server, 'alice');
  open.push(c);
  const meta = encodeMessage('Meta', { id: '9001', to: { uid: uidOf(server, 'bob'), deviceSN: 0 }, ns: 1, rawPayload: new Uint8Array([0x0a, 0xff]) } as never);
  const syncUl = new Uint8Array([0x1a, meta.length, ...meta]);
  c.sendRaw(encodeFrameWithPayload(Command.SYNC, syncUl));
  const ack = await c.nextSync();
  expect(ack.status?.code).toBe(StatusCode.PB_PARSER_ERROR);
  expect(ack.client_mid).toBe('9001');
  // A pull without a conversation is refused, with an xid all the same.
  c.send({ command: Command.SYNC, payload: {} });
  const noXid = await c.nextSync();
  expect(noXid.status?.code).toBe(StatusCode.INVALID_PARAMETER);
  expect(noXid.xid).toEqual({ uid: '0', deviceSN: 0 });
  // A NOTICE from a client is ignored; the next request is still answered.
  c.sendRaw(encodeFrame({ command: Command.NOTICE, payload: { xid: { uid: '1' } } }, { direction: 'up' }));
  expect((await c.unread()).status).toEqual({ code: 1 });
});

/** wx.connectSocket / SocketTask in the shim: lifecycle, exact ArrayBuffers, limits, legacy global API. */
import { createWxShim, type WxShim } from '../../support/wx-shim';
import { startEchoServer, type EchoServer } from './support/echo-server';
import { outcome } from './support/outcome';
import { SocketProbe } from './support/socket-probe';

let server: EchoServer;
let shim: WxShim;

beforeEach(async () => {
  server = await startEchoServer();
  shim = createWxShim();
});

afterEach(async () => {
  shim.control.dispose();
  await server.close();
});

async function open(): Promise<SocketProbe> {
  const probe = new SocketProbe(shim.wx.connectSocket({ url: server.ws }));
  await probe.next('open');
  return probe;
}

test('opens, echoes text and binary, and closes with the code given', async () => {
  let created: SocketProbe | undefined;
  const connected = await outcome((cb) => {
    created = new SocketProbe(shim.wx.connectSocket({ url: server.ws, ...cb }));
  });
  expect(connected).toMatchObject({ ok: true, result: { errMsg: 'connectSocket:ok' } });
  if (!created) throw new Error('no task');
  const probe: SocketProbe = created;
  await probe.next('open');
  const sent = await outcome((cb) => probe.task.send({ data: 'hi', ...cb }));
  expect(sent.result.errMsg).toBe('SocketTask.send:ok');
  expect((await probe.next('message')).data).toBe('hi');

  const closed = await outcome((cb) => probe.task.close({ code: 4000, reason: 'bye', ...cb }));
  expect(closed.ok).toBe(true);
  expect(await probe.next('close')).toEqual({ kind: 'close', code: 4000, reason: 'bye' });
  expect(probe.kinds).toEqual(['open', 'message', 'close']);
  expect(shim.control.openSockets()).toHaveLength(0);
});

test('binary messages arrive as an ArrayBuffer of exactly the message bytes, and sends are recorded', async () => {
  const probe = await open();
  // A view into a larger buffer: the app must send the slice, and gets back exactly those bytes.
  const big = new Uint8Array(64).map((_, i) => i);
  const view = big.subarray(10, 13);
  probe.task.send({ data: view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) });
  const { data } = await probe.next('message');
  expect(Object.prototype.toString.call(data)).toBe('[object ArrayBuffer]');
  expect([...new Uint8Array(data as ArrayBuffer)]).toEqual([10, 11, 12]);
  expect((data as ArrayBuffer).byteLength).toBe(3);
  const record = shim.control.sockets()[0];
  expect(record.sent.map((m) => (typeof m === 'string' ? m : [...m]))).toEqual([[10, 11, 12]]);
  expect(record.received.map((m) => (typeof m === 'string' ? m : [...m]))).toEqual([[10, 11, 12]]);
});

test('a typed-array view is refused, as WeChat wants the ArrayBuffer itself', async () => {
  const probe = await open();
  const r = await outcome((cb) => probe.task.send({ data: new Uint8Array([1, 2]) as unknown as ArrayBuffer, ...cb }));
  expect(r.ok).toBe(false);
  expect(r.result.errMsg).toMatch(/^SocketTask\.send:fail parameter error: parameter\.data should be String\/ArrayBuffer instead of Uint8Array/);
  expect(shim.control.sockets()[0].sent).toEqual([]);
});

test('send before open fails; close codes outside 1000 and 3000-4999 fail', async () => {
  const probe = new SocketProbe(shim.wx.connectSocket({ url: server.ws }));
  const early = await outcome((cb) => probe.task.send({ data: 'too early', ...cb }));
  expect(early.result.errMsg).toBe('SocketTask.send:fail SocketTask.readyState is not OPEN');
  await probe.next('open');
  const bad = await outcome((cb) => probe.task.close({ code: 1001, ...cb }));
  expect(bad.ok).toBe(false);
  expect(shim.control.openSockets()).toHaveLength(1);
});

test('a close by the server reaches onClose with its code and reason, without onError', async () => {
  const probe = await open();
  probe.task.send({ data: 'close:4321' });
  expect(await probe.next('close')).toEqual({ kind: 'close', code: 4321, reason: 'asked to' });
  expect(probe.kinds).toEqual(['open', 'close']);
});

test('a connection lost without a close frame fires onError, then onClose 1006', async () => {
  const probe = await open();
  probe.task.send({ data: 'drop' });
  const close = await probe.next('close');
  expect(close.code).toBe(1006);
  expect(probe.kinds).toEqual(['open', 'error', 'close']);
});

test('a refused connection fires onError then onClose 1006', async () => {
  const port = Number(new URL(server.http).port);
  await server.close();
  const probe = new SocketProbe(shim.wx.connectSocket({ url: `ws://127.0.0.1:${port}` }));
  expect((await probe.next('close')).code).toBe(1006);
  expect(probe.kinds).toEqual(['error', 'close']);
  server = await startEchoServer();
});

test('at most 5 sockets at once: the 6th fails with "exceed max task count" until one closes', async () => {
  const probes = await Promise.all(Array.from({ length: 5 }, () => open()));
  let sixth: SocketProbe | undefined;
  const refused = await outcome((cb) => {
    sixth = new SocketProbe(shim.wx.connectSocket({ url: server.ws, ...cb }));
  });
  expect(refused).toMatchObject({ ok: false, result: { errMsg: 'connectSocket:fail exceed max task count', errno: 600007 } });
  // The task object exists (apps call onOpen on it unconditionally) but never opens.
  await new Promise((r) => setTimeout(r, 50));
  expect(sixth!.kinds).toEqual([]);
  expect(server.sockets.size).toBe(5);

  probes[0].task.close({});
  await probes[0].next('close');
  await open();
  expect(shim.control.openSockets()).toHaveLength(5);
});

test('killSockets drops every socket: the app sees onError + onClose 1006, the server an abnormal close', async () => {
  const a = await open();
  const b = await open();
  expect(shim.control.killSockets('test kill')).toBe(2);
  for (const p of [a, b]) {
    expect(await p.next('close')).toEqual({ kind: 'close', code: 1006, reason: 'abnormal closure' });
    expect(p.events.find((e) => e.kind === 'error')).toEqual({ kind: 'error', errMsg: 'test kill' });
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(server.closes).toEqual([1006, 1006]);
});

test('a half-open kill: the app loses the socket, the server is told nothing and its pings go unanswered', async () => {
  const probe = await open();
  expect(shim.control.killSockets('radio off', { halfOpen: true })).toBe(1);
  expect(await probe.next('close')).toEqual({ kind: 'close', code: 1006, reason: 'abnormal closure' });
  expect(probe.kinds).toEqual(['open', 'error', 'close']);
  expect(shim.control.openSockets()).toHaveLength(0);
  const [peer] = [...server.sockets];
  let pong = false;
  peer.on('pong', () => {
    pong = true;
  });
  peer.ping();
  await new Promise((r) => setTimeout(r, 100));
  expect(pong).toBe(false);
  expect(server.sockets.size).toBe(1);
  expect(shim.control.endHalfOpen()).toBe(1);
  await new Promise((r) => setTimeout(r, 50));
  expect(server.sockets.size).toBe(0);
});

test('socketDeath "half-open" applies to suspension', async () => {
  const quiet = createWxShim({ socketDeath: 'half-open', suspendDelayMs: 0 });
  try {
    const probe = new SocketProbe(quiet.wx.connectSocket({ url: server.ws }));
    await probe.next('open');
    quiet.control.hide();
    quiet.control.suspendNow();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.sockets.size).toBe(1);
    quiet.control.show();
    expect(probe.kinds).toEqual(['open', 'error', 'close']);
  } finally {
    quiet.control.dispose();
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(server.sockets.size).toBe(0);
});

test('the legacy global wx.onSocket* API follows the latest socket', async () => {
  const seen: string[] = [];
  shim.wx.onSocketOpen(() => seen.push('open'));
  shim.wx.onSocketMessage((r) => seen.push(`message ${String(r.data)}`));
  shim.wx.onSocketClose((r) => seen.push(`close ${r.code}`));
  const noSocket = await outcome((cb) => shim.wx.sendSocketMessage({ data: 'x', ...cb }));
  expect(noSocket.result.errMsg).toBe('sendSocketMessage:fail WebSocket is not connected');
  const probe = await open();
  shim.wx.sendSocketMessage({ data: 'legacy' });
  await probe.next('message');
  shim.wx.closeSocket({ code: 1000 });
  await probe.next('close');
  expect(seen).toEqual(['open', 'message legacy', 'close 1000']);
});

test('only hosts allowed by the domain list are reachable (loopback by default)', async () => {
  const r = await outcome((cb) => shim.wx.connectSocket({ url: 'wss://example.com/', ...cb }));
  expect(r.result.errMsg).toBe('connectSocket:fail url not in domain list');
  const bad = await outcome((cb) => shim.wx.connectSocket({ url: 'http://127.0.0.1/', ...cb }));
  expect(bad.result.errMsg).toMatch(/^connectSocket:fail invalid url/);
});

test('exceptions in app callbacks are recorded, not thrown into the socket', async () => {
  const task = shim.wx.connectSocket({ url: server.ws });
  const probe = new SocketProbe(task);
  task.onOpen(() => {
    throw new Error('app bug');
  });
  await probe.next('open');
  expect(shim.control.appErrors.map((e) => (e as Error).message)).toEqual(['app bug']);
});

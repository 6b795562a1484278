/**
 * App lifecycle and network in the shim, on a manual clock: hide → suspended after 5 s (sockets die,
 * requests fail "interrupted", callbacks wait for show), and network loss.
 */
import { ManualTimers } from '../../support/manual-timers';
import { createWxShim, type WxShim } from '../../support/wx-shim';
import { startEchoServer, type EchoServer } from './support/echo-server';
import { outcome } from './support/outcome';
import { SocketProbe } from './support/socket-probe';

let server: EchoServer;
let clock: ManualTimers;
let shim: WxShim;
const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  server = await startEchoServer();
  clock = new ManualTimers(0);
  shim = createWxShim({ timers: clock });
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

test('hide fires onAppHide; sockets live on until the suspend delay, then die; the app hears it only on show', async () => {
  const lifecycle: string[] = [];
  shim.wx.onAppHide(() => lifecycle.push('hide'));
  shim.wx.onAppShow(() => lifecycle.push('show'));
  const probe = await open();

  shim.control.hide();
  expect(lifecycle).toEqual(['hide']);
  clock.advance(4999);
  probe.task.send({ data: 'still alive' });
  await probe.next('message');
  expect(shim.control.state.suspended).toBe(false);

  clock.advance(1);
  expect(shim.control.state.suspended).toBe(true);
  await tick();
  // The server saw the connection vanish; the app, frozen, has heard nothing yet.
  expect(server.closes).toEqual([1006]);
  expect(probe.kinds).toEqual(['open', 'message']);
  expect(shim.control.state.pendingCallbacks).toBeGreaterThan(0);

  shim.control.show();
  expect(lifecycle).toEqual(['hide', 'show']);
  expect(probe.kinds).toEqual(['open', 'message', 'error', 'close']);
  expect(probe.events[3]).toEqual({ kind: 'close', code: 1006, reason: 'abnormal closure' });
});

test('showOrder "events-first" releases held callbacks before onAppShow', async () => {
  const order: string[] = [];
  const other = createWxShim({ timers: clock, showOrder: 'events-first' });
  try {
    const task = other.wx.connectSocket({ url: server.ws });
    await new SocketProbe(task).next('open');
    task.onClose(() => order.push('close'));
    other.wx.onAppShow(() => order.push('show'));
    other.control.hide();
    other.control.suspendNow();
    await tick();
    other.control.show();
    expect(order).toEqual(['close', 'show']);
  } finally {
    other.control.dispose();
  }
});

test('show before the delay cancels the suspension', async () => {
  const probe = await open();
  shim.control.hide();
  clock.advance(3000);
  shim.control.show();
  clock.advance(10_000);
  await tick();
  expect(shim.control.state.suspended).toBe(false);
  expect(probe.task).toBeDefined();
  expect(shim.control.openSockets()).toHaveLength(1);
});

test('requests running at suspension fail "request:fail interrupted"; new ones fail the same until show', async () => {
  const running = outcome((cb) => shim.wx.request({ url: `${server.http}/hold`, ...cb }));
  while (server.held() === 0) await tick(5);
  shim.control.hide();
  clock.advance(5000);
  const during = outcome((cb) => shim.wx.request({ url: `${server.http}/echo`, ...cb }));
  const socket = new SocketProbe(shim.wx.connectSocket({ url: server.ws }));
  await tick();
  shim.control.show();
  expect((await running).result.errMsg).toBe('request:fail interrupted');
  expect((await during).result.errMsg).toBe('request:fail interrupted');
  expect(await socket.next('error')).toEqual({ kind: 'error', errMsg: 'interrupted' });
  // Back in the foreground everything works again.
  expect((await outcome((cb) => shim.wx.request({ url: `${server.http}/echo`, ...cb }))).ok).toBe(true);
});

test('sandbox timers stop while suspended and fire once on show', async () => {
  const fired: string[] = [];
  const t = shim.control.timers;
  t.setInterval(() => fired.push('beat'), 1000);
  t.setTimeout(() => fired.push('once'), 9000);
  clock.advance(2000);
  expect(fired).toEqual(['beat', 'beat']);
  shim.control.hide();
  clock.advance(5000);
  const before = fired.length;
  clock.advance(60_000);
  expect(fired.length).toBe(before);
  shim.control.show();
  // A frozen interval fires once, not sixty times; the timeout that fell due fires too.
  expect(fired.slice(before).sort()).toEqual(['beat', 'once']);
  clock.advance(1000);
  expect(fired[fired.length - 1]).toBe('beat');
  t.clearAll();
  expect(t.size).toBe(0);
});

test('network off drops sockets and fails requests; listeners and getNetworkType follow; on again works', async () => {
  const statuses: unknown[] = [];
  shim.wx.onNetworkStatusChange((s) => statuses.push(s));
  const probe = await open();
  const running = outcome((cb) => shim.wx.request({ url: `${server.http}/hold`, ...cb }));
  while (server.held() === 0) await tick(5);

  shim.control.setNetwork(false);
  expect((await probe.next('close')).code).toBe(1006);
  expect((await running).result.errMsg).toBe('request:fail net::ERR_INTERNET_DISCONNECTED');
  expect((await shim.wx.getNetworkType())?.networkType).toBe('none');
  const offline = new SocketProbe(shim.wx.connectSocket({ url: server.ws }));
  expect(await offline.next('error')).toEqual({ kind: 'error', errMsg: 'net::ERR_INTERNET_DISCONNECTED' });
  expect((await outcome((cb) => shim.wx.request({ url: `${server.http}/echo`, ...cb }))).result.errMsg).toBe('request:fail net::ERR_INTERNET_DISCONNECTED');

  shim.control.setNetwork(true, '4g');
  await tick();
  expect(statuses).toEqual([{ isConnected: false, networkType: 'none' }, { isConnected: true, networkType: '4g' }]);
  expect((await shim.wx.getNetworkType())?.networkType).toBe('4g');
  await open();
  expect((await outcome((cb) => shim.wx.request({ url: `${server.http}/echo`, ...cb }))).ok).toBe(true);
});

test('offAppShow / offNetworkStatusChange remove listeners', async () => {
  const seen: string[] = [];
  const onShow = (): number => seen.push('show');
  const onNet = (): number => seen.push('net');
  shim.wx.onAppShow(onShow);
  shim.wx.onNetworkStatusChange(onNet);
  shim.wx.offAppShow(onShow);
  shim.wx.offNetworkStatusChange(onNet);
  shim.control.hide();
  shim.control.show();
  shim.control.setNetwork(false);
  await tick();
  expect(seen).toEqual([]);
});

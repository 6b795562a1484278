// The connection state machine, driven by a fake socket and a manual clock.
import { decodeFrame, encodeFrame, Command } from 'floo-miniprogram/protocol';
import { Connection } from '../../../sdk/src/core/connection/connection';
import { STATES, type ConnectionStateChange } from '../../../sdk/src/core/connection/states';
import type { Platform, SocketHandlers } from '../../../sdk/src/core/platform';
import { ServerError } from '../../../sdk/src/core/errors';
import { ManualTimers } from '../../support/manual-timers';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const TIMINGS = { connectTimeoutMs: 5000, heartbeatMs: 30000, heartbeatTimeoutMs: 10000, backoff: { baseMs: 1000, maxMs: 30000 } };

interface FakeSocket {
  url: string;
  handlers: SocketHandlers;
  sent: Uint8Array[];
  closed: boolean;
}

function setup(options: { refuse?: (e: ServerError) => Promise<boolean> } = {}) {
  const timers = new ManualTimers();
  const sockets: FakeSocket[] = [];
  const changes: ConnectionStateChange[] = [];
  const frames: unknown[] = [];
  const platform = {
    name: 'test', timers, random: () => 0.5,
    connect(url: string, handlers: SocketHandlers) {
      const s: FakeSocket = { url, handlers, sent: [], closed: false };
      sockets.push(s);
      return { send: (d: Uint8Array) => s.sent.push(d), close: () => { s.closed = true; } };
    },
  } as unknown as Platform;
  const conn = new Connection({
    platform, log: silent, timings: TIMINGS,
    provision: () => ({ xid: { uid: '1001', deviceSN: 0 }, token: 't' }),
    onProvisioned: () => {},
    onProvisionRefused: options.refuse ?? (async () => false),
    onFrame: (f) => frames.push(f),
    onStateChange: (c) => changes.push(c),
  });
  const last = () => sockets[sockets.length - 1];
  const reply = (code: number) => last().handlers.onMessage(encodeFrame({ command: Command.PROVISION, payload: { status: { code: code as 1 }, xid: { uid: '1001', deviceSN: 3 } } }, { direction: 'down' }));
  const login = () => {
    last().handlers.onOpen();
    reply(1);
  };
  const sentCommands = (s = last()) => s.sent.map((b) => decodeFrame(b, { direction: 'up' }).command);
  return { timers, sockets, changes, frames, conn, last, reply, login, sentCommands, states: () => changes.map((c) => c.current) };
}

test('the state table covers every state and marks the terminal ones', () => {
  expect(Object.keys(STATES).sort()).toEqual(['authenticating', 'closed', 'connected', 'connecting', 'disconnected', 'failed', 'idle', 'suspended']);
  expect(Object.entries(STATES).filter(([, s]) => s.terminal).map(([k]) => k).sort()).toEqual(['closed', 'failed']);
});

test('connect → PROVISION → connected, one event per move', () => {
  const t = setup();
  t.conn.start('ws://x/');
  expect(t.conn.state).toBe('connecting');
  t.last().handlers.onOpen();
  expect(t.conn.state).toBe('authenticating');
  expect(t.sentCommands()).toEqual([Command.PROVISION]);
  t.reply(1);
  expect(t.states()).toEqual(['connecting', 'authenticating', 'connected']);
  expect(t.changes[0]).toMatchObject({ previous: 'idle', current: 'connecting' });
});

test('heartbeat every interval; silence after it means a dead socket, then backoff with jitter', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.timers.advance(30000);
  expect(t.sentCommands()).toEqual([Command.PROVISION, Command.UNREAD]);
  t.timers.advance(10000);
  const d = t.changes[t.changes.length - 1];
  expect(d.current).toBe('disconnected');
  expect(d.retryIn).toBe(750); // 1000 · 2^0 · (0.5 + 0.5·0.5)
  expect(t.sockets[0].closed).toBe(true);
  t.timers.advance(750);
  expect(t.sockets.length).toBe(2);
  expect(t.conn.state).toBe('connecting');
});

test('an answer to the heartbeat keeps the socket', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.timers.advance(30000);
  t.last().handlers.onMessage(encodeFrame({ command: Command.UNREAD, payload: { status: { code: 1 } } }, { direction: 'down' }));
  t.timers.advance(10000);
  expect(t.conn.state).toBe('connected');
  expect(t.frames).toHaveLength(1);
});

test('backoff grows exponentially to the cap', () => {
  const t = setup();
  t.conn.start('ws://x/');
  const delays: number[] = [];
  for (let i = 0; i < 8; i++) {
    t.last().handlers.onClose(1006, '');
    const c = t.changes[t.changes.length - 1];
    delays.push(c.retryIn!);
    t.timers.advance(c.retryIn!);
  }
  expect(delays).toEqual([750, 1500, 3000, 6000, 12000, 22500, 22500, 22500]);
});

test('hide suspends timers; the socket dying while hidden means suspended; show reconnects at once', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.conn.appHidden();
  expect(t.timers.size).toBe(0); // no heartbeat while frozen
  t.last().handlers.onClose(1006, 'killed in background');
  expect(t.conn.state).toBe('suspended');
  t.timers.advance(600000);
  expect(t.sockets).toHaveLength(1); // no retry while hidden
  t.conn.appShown();
  expect(t.conn.state).toBe('connecting');
  expect(t.sockets).toHaveLength(2);
});

test('wall-clock check on show: a socket silent for longer than heartbeat + timeout is replaced at once', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.conn.appHidden();
  t.timers.jump(5 * 60000); // frozen 5 minutes; the socket never reported its death
  t.conn.appShown();
  expect(t.sockets[0].closed).toBe(true);
  expect(t.conn.state).toBe('disconnected');
  t.timers.advance(750);
  expect(t.sockets).toHaveLength(2);
});

test('show after a short hide probes the socket with a heartbeat instead', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.conn.appHidden();
  t.timers.jump(3000);
  t.conn.appShown();
  expect(t.conn.state).toBe('connected');
  expect(t.sentCommands()).toEqual([Command.PROVISION, Command.UNREAD]);
});

test('network down suspends, network up reconnects at once', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.conn.networkChanged(false);
  expect(t.conn.state).toBe('suspended');
  expect(t.sockets[0].closed).toBe(true);
  t.conn.networkChanged(true);
  expect(t.conn.state).toBe('connecting');
});

test('a refused PROVISION fails the connection unless the client fixes the session', async () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.last().handlers.onOpen();
  t.reply(7);
  await new Promise((r) => setImmediate(r));
  expect(t.conn.state).toBe('failed');
  const r = setup({ refuse: async () => true });
  r.conn.start('ws://x/');
  r.last().handlers.onOpen();
  r.reply(7);
  await new Promise((resolve) => setImmediate(resolve));
  expect(r.sockets).toHaveLength(2);
  expect(r.conn.state).toBe('connecting');
});

test('events of an old socket never disturb the new one', () => {
  const t = setup();
  t.conn.start('ws://x/');
  const first = t.last();
  first.handlers.onClose(1006, '');
  t.timers.advance(1000);
  t.login();
  first.handlers.onClose(1006, 'late');
  first.handlers.onMessage(new Uint8Array([1, 2, 3]));
  expect(t.conn.state).toBe('connected');
});

test('stop closes for good: no reconnect afterwards', () => {
  const t = setup();
  t.conn.start('ws://x/');
  t.login();
  t.conn.stop();
  expect(t.conn.state).toBe('closed');
  expect(t.timers.size).toBe(0);
  t.conn.appShown();
  t.conn.networkChanged(true);
  t.timers.advance(600000);
  expect(t.sockets).toHaveLength(1);
});

/** The ws-based socket adapter against a real ws server on 127.0.0.1 (port 0). */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SocketHandlers } from '../../../sdk/src/core/platform';
import { connectNodeSocket } from '../../../sdk/src/platform/node/socket';
import { closedPort } from './closed-port';

type Event = ['open'] | ['message', Uint8Array] | ['close', number, string] | ['error', string];

/** Records handler calls and lets a test wait for one. */
function recorder(): SocketHandlers & { events: Event[]; next(kind: Event[0]): Promise<Event> } {
  const events: Event[] = [];
  const waiters: Array<{ kind: Event[0]; resolve(e: Event): void }> = [];
  let consumed = 0;
  const push = (e: Event): void => {
    events.push(e);
    const i = waiters.findIndex((w) => w.kind === e[0]);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(e);
  };
  return {
    events,
    next: (kind) => {
      const found = events.slice(consumed).find((e) => e[0] === kind);
      if (found) {
        consumed = events.indexOf(found) + 1;
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiters.push({ kind, resolve }));
    },
    onOpen: () => push(['open']),
    onMessage: (data) => push(['message', data]),
    onClose: (code, reason) => push(['close', code, reason]),
    onError: (message) => push(['error', message]),
  };
}

let server: WebSocketServer;
let url: string;
let peers: Promise<WebSocket>;

beforeEach(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  peers = new Promise((resolve) => server.once('connection', resolve));
});

afterEach(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

const received = (peer: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> =>
  new Promise((resolve) => peer.once('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary })));

test('binary round trip: a subarray goes out byte-exact, a message comes back as a plain Uint8Array', async () => {
  const r = recorder();
  const socket = connectNodeSocket(url, r);
  const peer = await peers;
  await r.next('open');
  const parent = new Uint8Array([0xaa, 1, 2, 3, 0xbb]);
  const got = received(peer);
  socket.send(parent.subarray(1, 4));
  const { data, isBinary } = await got;
  expect(isBinary).toBe(true);
  expect(Array.from(data)).toEqual([1, 2, 3]);

  peer.send(Buffer.from([9, 8, 7, 6]));
  const [, message] = (await r.next('message')) as ['message', Uint8Array];
  expect(message).toBeInstanceOf(Uint8Array);
  expect(Buffer.isBuffer(message)).toBe(false);
  expect(Array.from(message)).toEqual([9, 8, 7, 6]);
  // Uint8Array semantics: slice copies.
  const copy = message.slice(0, 2);
  copy[0] = 0;
  expect(message[0]).toBe(9);
  socket.close();
  await r.next('close');
});

test('a text message is reported as an error', async () => {
  const r = recorder();
  connectNodeSocket(url, r);
  const peer = await peers;
  await r.next('open');
  peer.send('hello');
  await expect(r.next('error')).resolves.toEqual(['error', 'text frame']);
  expect(r.events.some((e) => e[0] === 'message')).toBe(false);
});

test('a close from the server arrives with its code and reason, once', async () => {
  const r = recorder();
  connectNodeSocket(url, r);
  const peer = await peers;
  await r.next('open');
  peer.close(4001, 'kicked');
  await expect(r.next('close')).resolves.toEqual(['close', 4001, 'kicked']);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(r.events.filter((e) => e[0] === 'close')).toHaveLength(1);
});

test('close() sends its code and reason and fires onClose once, even when called twice', async () => {
  const r = recorder();
  const socket = connectNodeSocket(url, r);
  const peer = await peers;
  await r.next('open');
  const serverSaw = new Promise<[number, string]>((resolve) => peer.once('close', (code, reason) => resolve([code, reason.toString()])));
  socket.close(4000, 'logout');
  socket.close(1000, 'again');
  await expect(serverSaw).resolves.toEqual([4000, 'logout']);
  await expect(r.next('close')).resolves.toEqual(['close', 4000, 'logout']);
  socket.send(new Uint8Array([1])); // dropped, no throw
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(r.events.filter((e) => e[0] === 'close')).toHaveLength(1);
  expect(r.events.filter((e) => e[0] === 'error')).toHaveLength(0);
});

test('close() with a code ws refuses still closes the connection', async () => {
  const r = recorder();
  const socket = connectNodeSocket(url, r);
  await peers;
  await r.next('open');
  socket.close(1006, 'reserved'); // ws throws for reserved codes; the adapter terminates instead
  await expect(r.next('close')).resolves.toEqual(['close', 1006, '']);
});

test('close() while connecting fires onClose once and no error', async () => {
  const r = recorder();
  const socket = connectNodeSocket(url, r);
  socket.close();
  await r.next('close');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(r.events.map((e) => e[0])).toEqual(['close']);
});

test('a refused connection reports onError then onClose, without throwing', async () => {
  const r = recorder();
  const port = await closedPort();
  expect(() => connectNodeSocket(`ws://127.0.0.1:${port}/`, r)).not.toThrow();
  const [, message] = (await r.next('error')) as ['error', string];
  expect(message).toMatch(/ECONNREFUSED/);
  await expect(r.next('close')).resolves.toEqual(['close', 1006, '']);
  expect(r.events.map((e) => e[0])).toEqual(['error', 'close']);
});

test('an invalid URL reports onError then onClose after connect() returned, without throwing', async () => {
  const r = recorder();
  expect(() => connectNodeSocket('not a url', r)).not.toThrow();
  expect(r.events).toEqual([]);
  await r.next('close');
  expect(r.events.map((e) => e[0])).toEqual(['error', 'close']);
});

test('handshake headers are sent', async () => {
  const headers = new Promise<Record<string, unknown>>((resolve) => server.once('connection', (_ws, req) => resolve(req.headers)));
  const r = recorder();
  const socket = connectNodeSocket(url, r, { headers: { 'x-floo': 'yes' } });
  await expect(headers).resolves.toMatchObject({ 'x-floo': 'yes' });
  socket.close();
  await r.next('close');
});

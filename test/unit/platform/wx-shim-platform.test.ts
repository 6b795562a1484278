/**
 * createWxPlatform over the wx shim (test/support/wx-shim): real WebSockets and HTTP on 127.0.0.1
 * with WeChat's rules (5 sockets, ArrayBuffer-only sends, suspension, network loss, storage limits).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Platform, SocketHandlers, TransferProgress } from '../../../sdk/src/core/platform';
import { createWxPlatform, type WxApi } from '../../../sdk/src/platform/wx';
import { createWxShim, type WxShim } from '../../support/wx-shim';

type Event = ['open'] | ['message', Uint8Array] | ['close', number, string] | ['error', string];

function recorder(): SocketHandlers & { events: Event[]; until(kind: Event[0]): Promise<Event> } {
  const events: Event[] = [];
  const waiters: Array<[Event[0], (e: Event) => void]> = [];
  const push = (e: Event): void => {
    events.push(e);
    for (const [kind, resolve] of waiters.splice(0)) if (kind === e[0]) resolve(e); else waiters.push([kind, resolve]);
  };
  return {
    events,
    until: (kind) => {
      const found = events.find((e) => e[0] === kind);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push([kind, resolve]));
    },
    onOpen: () => push(['open']),
    onMessage: (data) => push(['message', data]),
    onClose: (code, reason) => push(['close', code, reason]),
    onError: (message) => push(['error', message]),
  };
}

let shim: WxShim;
let platform: Platform;
let wss: WebSocketServer;
let wsUrl: string;
let http: Server;
let httpUrl: string;

beforeEach(async () => {
  shim = createWxShim();
  platform = createWxPlatform({ wx: shim.wx as WxApi, log: null });
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/file.bin') {
        res.setHeader('content-length', 4096);
        res.end(Buffer.alloc(4096, 5));
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(`{"id":18446744073709551615,"method":"${req.method}","bytes":${Buffer.concat(chunks).length}}`);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  shim.control.dispose();
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

describe('socket', () => {
  test('binary round trip: a subarray arrives byte-exact at the server, a reply arrives as a Uint8Array', async () => {
    const peer = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const r = recorder();
    const socket = platform.connect(wsUrl, r);
    await r.until('open');
    const server = await peer;
    const got = new Promise<Buffer>((resolve) => server.once('message', (d: Buffer) => resolve(d)));
    socket.send(new Uint8Array([0xff, 1, 2, 3, 0xff]).subarray(1, 4));
    expect(Array.from(await got)).toEqual([1, 2, 3]);
    server.send(Buffer.from([4, 5]));
    const [, data] = (await r.until('message')) as ['message', Uint8Array];
    expect(Array.from(data)).toEqual([4, 5]);
    expect(shim.control.appErrors).toEqual([]);
  });

  test('close() reaches the server with its code and fires onClose once', async () => {
    const peer = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const r = recorder();
    const socket = platform.connect(wsUrl, r);
    await r.until('open');
    const server = await peer;
    const serverSaw = new Promise<number>((resolve) => server.once('close', (code) => resolve(code)));
    socket.close(4000, 'logout');
    await expect(serverSaw).resolves.toBe(4000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.events.filter((e) => e[0] === 'close')).toEqual([['close', 4000, 'logout']]);
  });

  test('a socket killed by WeChat (network loss) reports onError, then onClose 1006, once', async () => {
    const r = recorder();
    platform.connect(wsUrl, r);
    await r.until('open');
    shim.control.setNetwork(false);
    await r.until('close');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.events.map((e) => e[0])).toEqual(['open', 'error', 'close']);
    // The adapter ends the socket on the error (WeChat may not follow with onClose), with its text.
    expect(r.events.slice(1)).toEqual([['error', 'net::ERR_INTERNET_DISCONNECTED'], ['close', 1006, 'net::ERR_INTERNET_DISCONNECTED']]);
  });

  test('a sixth socket fails with the 5-socket limit, reported as onError + onClose', async () => {
    const open = Array.from({ length: 5 }, () => recorder());
    open.forEach((r) => platform.connect(wsUrl, r));
    await Promise.all(open.map((r) => r.until('open')));
    const sixth = recorder();
    platform.connect(wsUrl, sixth);
    await sixth.until('close');
    expect(sixth.events).toEqual([['error', 'connectSocket:fail exceed max task count'], ['close', 1006, 'connectSocket:fail exceed max task count']]);
  });
});

describe('request', () => {
  test('returns the raw text, 64-bit numbers intact', async () => {
    const res = await platform.request({ method: 'POST', url: `${httpUrl}/api`, headers: { 'content-type': 'application/json' }, body: '{"a":1}', timeoutMs: 5000 });
    expect(res).toEqual({ status: 200, body: '{"id":18446744073709551615,"method":"POST","bytes":7}' });
  });

  test('a request cut by suspension rejects with errMsg', async () => {
    const pending = platform.request({ method: 'GET', url: `${httpUrl}/slow`, headers: {}, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    shim.control.suspendNow();
    shim.control.show();
    await expect(pending).rejects.toMatchObject({ errMsg: expect.stringMatching(/^request:fail/) });
  });

  test('a request that outlives its timeout rejects', async () => {
    await expect(platform.request({ method: 'GET', url: `${httpUrl}/slow`, headers: {}, timeoutMs: 100 })).rejects.toMatchObject({ errMsg: expect.stringMatching(/timeout/) });
  });
});

describe('files', () => {
  test('download to a temp path, then upload it, with progress', async () => {
    const downloadProgress: TransferProgress[] = [];
    const file = await platform.download!({ url: `${httpUrl}/file.bin`, headers: {}, timeoutMs: 5000, onProgress: (p) => downloadProgress.push(p) });
    expect(file.status).toBe(200);
    expect(file.filePath).toMatch(/^wxfile:\/\//);
    expect(downloadProgress[downloadProgress.length - 1]).toEqual({ loaded: 4096, total: 4096 });

    const uploadProgress: TransferProgress[] = [];
    const res = await platform.upload!({ url: `${httpUrl}/upload`, filePath: file.filePath, fieldName: 'file', headers: {}, formData: { a: 'b' }, timeoutMs: 5000, onProgress: (p) => uploadProgress.push(p) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.replace(/18446744073709551615/, '0')).bytes).toBeGreaterThan(4096);
    const last = uploadProgress[uploadProgress.length - 1];
    expect(last.loaded).toBe(last.total);
  });
});

describe('lifecycle and storage', () => {
  test('hide, show and network changes reach the hooks; unsubscribing stops them', async () => {
    const seen: string[] = [];
    const offs = [
      platform.onAppHide!(() => seen.push('hide')),
      platform.onAppShow!(() => seen.push('show')),
      platform.onNetworkChange!((online) => seen.push(`online=${online}`)),
    ];
    shim.control.hide();
    shim.control.show();
    shim.control.setNetwork(false);
    shim.control.setNetwork(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['hide', 'show', 'online=false', 'online=true']);
    offs.forEach((off) => off());
    shim.control.hide();
    shim.control.show();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(4);
  });

  test('storage writes land in WeChat storage as strings', async () => {
    await platform.storage.set('floo:k', '{"n":18446744073709551615}');
    expect(shim.control.storage.snapshot()).toEqual({ 'floo:k': '{"n":18446744073709551615}' });
  });
});

/** wx.request in the shim: query strings, bodies, dataType, status codes, timeout, abort, concurrency. */
import { ManualTimers } from '../../support/manual-timers';
import { createWxShim, type WxShim } from '../../support/wx-shim';
import { startEchoServer, type EchoServer } from './support/echo-server';
import { outcome } from './support/outcome';

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

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function request(options: Record<string, unknown>) {
  return outcome<{ statusCode: number; data: unknown; header: Record<string, string> }>((cb) => shim.wx.request({ url: '', ...options, ...cb } as never));
}

test('GET turns data into a query string; header values cross the bridge as text, undefined ones vanish', async () => {
  const r = await request({ url: `${server.http}/echo?`, data: { a: 1, b: 'x y' }, header: { app_id: 'demo', 'access-token': undefined, n: 7 } });
  expect(r.ok).toBe(true);
  const echo = r.result.data as Echo;
  expect(echo.url).toBe('/echo?a=1&b=x%20y');
  expect(echo.headers).toMatchObject({ app_id: 'demo', n: '7', 'content-type': 'application/json' });
  expect(echo.headers['access-token']).toBeUndefined();
  // A GET without parameters keeps its bare "?", as the official SDKs send it.
  const bare = await request({ url: `${server.http}/echo?`, data: {} });
  expect((bare.result.data as Echo).url).toBe('/echo?');
});

test('POST sends objects as JSON, or as a form when the content type says so; strings as they are', async () => {
  let r = await request({ url: `${server.http}/echo`, method: 'POST', data: { list: ['1004'] } });
  expect((r.result.data as Echo).body).toBe('{"list":["1004"]}');
  r = await request({ url: `${server.http}/echo`, method: 'post', data: { a: 1, b: 2 }, header: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  expect((r.result.data as Echo)).toMatchObject({ method: 'POST', body: 'a=1&b=2' });
  r = await request({ url: `${server.http}/echo`, method: 'PUT', data: 'raw text' });
  expect((r.result.data as Echo).body).toBe('raw text');
  expect(shim.control.requests.map((x) => x.method)).toEqual(['POST', 'POST', 'PUT']);
});

test('dataType json parses JSON and leaves other text alone; arraybuffer gives the bytes', async () => {
  expect((await request({ url: `${server.http}/text` })).result.data).toBe('plain words');
  expect((await request({ url: `${server.http}/echo`, dataType: 'text' })).result.data).toEqual(expect.any(String));
  const bin = await request({ url: `${server.http}/bytes/5`, responseType: 'arraybuffer' });
  expect([...new Uint8Array(bin.result.data as ArrayBuffer)]).toEqual([0, 1, 2, 3, 4]);
});

test('every HTTP status is a success with statusCode; network failures are request:fail', async () => {
  const r = await request({ url: `${server.http}/status/404` });
  expect(r).toMatchObject({ ok: true, result: { statusCode: 404, data: { code: 404 }, errMsg: 'request:ok' } });
  expect(r.result.header['x-echo']).toBe('yes');
  const port = new URL(server.http).port;
  await server.close();
  const refused = await request({ url: `http://127.0.0.1:${port}/echo` });
  expect(refused).toMatchObject({ ok: false, result: { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' } });
  server = await startEchoServer();
  expect((await request({ url: 'https://example.com/' })).result.errMsg).toBe('request:fail url not in domain list');
  expect((await request({ url: 'ftp://127.0.0.1/' })).result.errMsg).toMatch(/^request:fail invalid url/);
});

test('abort() fails the request with "request:fail abort"', async () => {
  let task: { abort(): void } | undefined;
  const done = outcome((cb) => {
    task = shim.wx.request({ url: `${server.http}/hold`, ...cb });
  });
  while (server.held() === 0) await new Promise((r) => setTimeout(r, 5));
  task!.abort();
  expect((await done).result.errMsg).toBe('request:fail abort');
});

test('timeout (on the shim\'s clock) fails with "request:fail timeout"', async () => {
  const clock = new ManualTimers(0);
  const timed = createWxShim({ timers: clock });
  try {
    const done = outcome((cb) => timed.wx.request({ url: `${server.http}/hold`, timeout: 3000, ...cb }));
    while (server.held() === 0) await new Promise((r) => setTimeout(r, 5));
    clock.advance(2999);
    await new Promise((r) => setTimeout(r, 10));
    clock.advance(1);
    expect((await done).result.errMsg).toBe('request:fail timeout');
  } finally {
    timed.control.dispose();
  }
});

test('at most 10 requests at once: the 11th fails with "exceed max task count" (or waits with httpOverflow: queue)', async () => {
  const held = Array.from({ length: 10 }, () => request({ url: `${server.http}/hold` }));
  while (server.held() < 10) await new Promise((r) => setTimeout(r, 5));
  const eleventh = await request({ url: `${server.http}/echo` });
  expect(eleventh.result).toEqual({ errMsg: 'request:fail exceed max task count', errno: 600007 });
  server.release();
  expect((await Promise.all(held)).every((r) => r.ok)).toBe(true);

  const queued = createWxShim({ httpOverflow: 'queue' });
  try {
    const first = Array.from({ length: 10 }, () => outcome((cb) => queued.wx.request({ url: `${server.http}/hold`, ...cb })));
    while (server.held() < 10) await new Promise((r) => setTimeout(r, 5));
    const waiting = outcome((cb) => queued.wx.request({ url: `${server.http}/hold`, ...cb }));
    await new Promise((r) => setTimeout(r, 30));
    expect(server.held()).toBe(10);
    server.release();
    await Promise.all(first);
    while (server.held() < 1) await new Promise((r) => setTimeout(r, 5));
    server.release();
    expect((await waiting).ok).toBe(true);
  } finally {
    queued.control.dispose();
  }
});

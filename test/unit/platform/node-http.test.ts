/** Node request/upload/download against a local node:http server on 127.0.0.1 (port 0). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransferProgress } from '../../../sdk/src/core/platform';
import { nodeDownload, nodeUpload } from '../../../sdk/src/platform/node/files';
import { nodeRequest } from '../../../sdk/src/platform/node/http';
import { closedPort } from './closed-port';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'floo-http-'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('request', () => {
  test('sends method, headers and body; returns status and the raw text (64-bit numbers intact)', async () => {
    handler = (req, body, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(`{"id":18446744073709551615,"echo":${JSON.stringify({ method: req.method, token: req.headers['access-token'], body: body.toString() })}}`);
    };
    const res = await nodeRequest({ method: 'POST', url: `${base}/x`, headers: { 'access-token': 't', 'content-type': 'application/json' }, body: '{"a":"你好"}', timeoutMs: 5000 });
    expect(res.status).toBe(200);
    expect(res.body.startsWith('{"id":18446744073709551615,')).toBe(true);
    expect(JSON.parse(res.body).echo).toEqual({ method: 'POST', token: 't', body: '{"a":"你好"}' });
  });

  test('an HTTP error status resolves', async () => {
    handler = (_req, _body, res) => {
      res.statusCode = 503;
      res.end('busy');
    };
    await expect(nodeRequest({ method: 'GET', url: `${base}/`, headers: {}, timeoutMs: 5000 })).resolves.toEqual({ status: 503, body: 'busy' });
  });

  test('a server that never answers times out', async () => {
    handler = () => undefined;
    await expect(nodeRequest({ method: 'GET', url: `${base}/slow`, headers: {}, timeoutMs: 100 })).rejects.toThrow(`GET ${base}/slow timed out after 100 ms`);
  });

  test('a refused connection rejects with the reason', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    await expect(nodeRequest({ method: 'GET', url, headers: {}, timeoutMs: 5000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('upload', () => {
  test('posts multipart/form-data with fields and the file, with a content-length and progress up to the total', async () => {
    const file = join(dir, 'photo.jpg');
    const content = Buffer.alloc(200 * 1024, 7);
    await writeFile(file, content);
    let seen: { type?: string; length?: string; body: Buffer; token?: string } | undefined;
    handler = (req, body, res) => {
      seen = { type: req.headers['content-type'], length: req.headers['content-length'], body, token: req.headers['access-token'] as string };
      res.end('{"url":"https://cdn/photo.jpg"}');
    };
    const progress: TransferProgress[] = [];
    const res = await nodeUpload({
      url: `${base}/upload`, filePath: file, fieldName: 'file', headers: { 'access-token': 't' }, formData: { kind: 'image' }, timeoutMs: 5000,
      onProgress: (p) => progress.push(p),
    });
    expect(res).toEqual({ status: 200, body: '{"url":"https://cdn/photo.jpg"}' });
    expect(seen!.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen!.token).toBe('t');
    expect(Number(seen!.length)).toBe(seen!.body.length);
    const text = seen!.body.toString('latin1');
    expect(text).toMatch(/name="kind"\r\n\r\nimage\r\n/);
    expect(text).toMatch(/name="file"; filename="photo.jpg"/);
    expect(seen!.body.includes(content)).toBe(true);
    const total = seen!.body.length;
    expect(progress[0]).toEqual({ loaded: 0, total });
    expect(progress[progress.length - 1]).toEqual({ loaded: total, total });
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i].loaded).toBeGreaterThanOrEqual(progress[i - 1].loaded);
  });

  test('a missing file rejects', async () => {
    handler = (_req, _body, res) => res.end();
    await expect(nodeUpload({ url: `${base}/`, filePath: join(dir, 'none'), fieldName: 'file', headers: {}, timeoutMs: 5000 })).rejects.toThrow(/ENOENT/);
  });
});

describe('download', () => {
  test('saves the body to a new file (keeping the extension) and reports progress', async () => {
    const content = Buffer.alloc(300 * 1024, 3);
    let token: unknown;
    handler = (req, _body, res) => {
      token = req.headers['access-token'];
      res.setHeader('content-length', content.length);
      res.end(content);
    };
    const progress: TransferProgress[] = [];
    const out = join(dir, 'downloads');
    const res = await nodeDownload(out, { url: `${base}/files/a.png?x=1`, headers: { 'access-token': 't' }, timeoutMs: 5000, onProgress: (p) => progress.push(p) });
    expect(res.status).toBe(200);
    expect(res.filePath.startsWith(out)).toBe(true);
    expect(res.filePath.endsWith('.png')).toBe(true);
    expect((await readFile(res.filePath)).equals(content)).toBe(true);
    expect(token).toBe('t');
    expect(progress[progress.length - 1]).toEqual({ loaded: content.length, total: content.length });
  });

  test('an HTTP error status still resolves with the saved body', async () => {
    handler = (_req, _body, res) => {
      res.statusCode = 404;
      res.end('not here');
    };
    const res = await nodeDownload(dir, { url: `${base}/none`, headers: {}, timeoutMs: 5000 });
    expect(res.status).toBe(404);
    await expect(readFile(res.filePath, 'utf8')).resolves.toBe('not here');
  });

  test('a transfer cut by the timeout rejects and leaves no partial file', async () => {
    handler = (_req, _body, res) => {
      res.setHeader('content-length', 1000);
      res.write(Buffer.alloc(100));
    };
    const out = join(dir, 'cut');
    await expect(nodeDownload(out, { url: `${base}/slow.bin`, headers: {}, timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
    await expect(readdir(out)).resolves.toEqual([]);
  });
});

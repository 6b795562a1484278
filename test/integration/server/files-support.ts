/** Helpers of the file tests (files*.test.ts): slots, multipart bodies, uploads and downloads over real HTTP. */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { RunningServer } from '../../../server/src';
import type { Envelope } from '../../support/server-harness';
import type { groupKit, User } from './groups-support';

/** One multipart part. */
export interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

/** A slot answer. */
export interface Slot {
  upload_url: string;
  download_url: string;
  oss_body_param: null;
}

/** A multipart/form-data body and its Content-Type. */
export function multipart(parts: Part[], boundary = `----floo${randomBytes(8).toString('hex')}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.type) head += `Content-Type: ${p.type}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a raw body; answers the status and the parsed envelope. */
export async function post(url: string, body: Buffer, contentType: string | undefined): Promise<Envelope & { status: number }> {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, ...((await res.json()) as Envelope) };
}

/** Uploads `parts` to a slot URL. */
export function upload(url: string, parts: Part[]): Promise<Envelope & { status: number }> {
  const { body, contentType } = multipart(parts);
  return post(url, body, contentType);
}

/** A downloaded file. */
export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** GETs a download URL, with the token in the header unless `viaQuery`. */
export async function download(url: string, token?: string, opts: { viaQuery?: boolean; headers?: Record<string, string> } = {}): Promise<Download> {
  const headers: Record<string, string> = { ...opts.headers };
  let target = url;
  if (token !== undefined && opts.viaQuery) target += `&access-token=${encodeURIComponent(token)}&app_id=demo`;
  else if (token !== undefined) headers['access-token'] = token;
  const res = await fetch(target, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The code of a failed download's JSON envelope. */
export function codeOf(d: Download): number {
  return (JSON.parse(d.body.toString('utf8')) as Envelope).code;
}

/** Asks for a chat slot as `u`, failing unless it is granted. */
export async function chatSlot(kit: ReturnType<typeof groupKit>, u: User, fileType: string, toId: number, toType: 1 | 2): Promise<Slot> {
  return kit.ok<Slot>(u, 'GET', '/file/upload/chat', { file_type: fileType, to_id: toId, to_type: toType });
}

/** Random bytes that start like a PNG file. */
export function png(size: number): Buffer {
  const b = randomBytes(size);
  Buffer.from('\x89PNG\r\n\x1a\n', 'latin1').copy(b);
  return b;
}

/** Files in a storage folder (objects and temporary files). */
export function storedFiles(server: RunningServer): { objects: string[]; tmp: string[] } {
  const root = server.files.root;
  const objects: string[] = [];
  for (const d of readdirSync(join(root, 'objects'))) objects.push(...readdirSync(join(root, 'objects', d)));
  return { objects, tmp: readdirSync(join(root, 'tmp')) };
}

/**
 * Starts a POST of `body` to `url`, sends the first `sendBytes` bytes, then destroys the request.
 * Resolves once the socket is closed.
 */
export function interruptedPost(url: string, body: Buffer, contentType: string, sendBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': contentType, 'content-length': body.length } });
    req.on('error', () => undefined);
    req.on('close', () => resolve());
    req.write(body.subarray(0, sendBytes), () => setTimeout(() => req.destroy(), 50));
  });
}

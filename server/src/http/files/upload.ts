/**
 * Step 2 of the file flow: `POST /file/upload?slot=<token>` with a multipart/form-data body, field
 * `file` and/or `thumbnail` (docs/rich-messages.md, "Files"; wx.uploadFile sends one file per request,
 * so the thumbnail may come in its own request to the same slot). The body streams through the
 * multipart parser straight into the FileStorage; limits are checked while it flows, so nothing over
 * the cap is ever written in full, and a refused or broken upload leaves no bytes behind (the storage
 * writes atomically and this module deletes objects of an upload that did not complete). The slot is
 * claimed only at the end, so an interrupted upload can be retried on the same slot.
 */
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { hashToken } from '../../auth/tokens';
import type { ServerContext } from '../../context';
import { decideMime, requiredPrefix, SNIFF_BYTES } from '../../files/mime';
import { boundaryOf, MultipartError, MultipartParser, type PartHeaders } from '../../files/multipart';
import { newStorageKey, type StoredObject } from '../../files/storage';
import type { UploadedContent, UploadSlotRecord } from '../../store/file-types';
import { invalid, RestCode, RestError } from '../envelope';
import type { RestRequest } from '../request';
import type { Route } from '../routes';
import { BodyAbortedError, drain, nextChunk } from './body';

/** Bytes of form fields other than the files (wx.uploadFile `formData`) accepted per field. */
const MAX_FIELD_BYTES = 64 * 1024;
/** Bytes read and discarded after a refusal so that the client can read the answer; beyond, the connection is closed. */
const DRAIN_BYTES = 64 * 1024 * 1024;

const slotRefused = () => new RestError(RestCode.FILE_SLOT_INVALID, 'the upload slot is unknown, expired or already used; ask for a new one');

/** One file part being stored. */
interface Sink {
  field: 'file' | 'thumbnail';
  name: string;
  declared: string;
  max: number;
  prefix: string;
  key: string;
  size: number;
  /** First bytes, kept until the type is decided. */
  head: Buffer[];
  mime?: string;
  stream?: PassThrough;
  put?: Promise<StoredObject>;
}

async function upload(req: RestRequest): Promise<unknown> {
  const raw = req.raw as IncomingMessage;
  // Errors of an aborted body are handled by the reader; without a listener they would be thrown.
  raw.on('error', () => undefined);
  const startedAt = req.ctx.now();
  let unread = false;
  try {
    const token = req.query.get('slot') ?? '';
    const tokenHash = hashToken(token);
    const slot = token === '' ? undefined : await req.ctx.store.getUploadSlot(tokenHash);
    if (!slot || (slot.used && slot.thumbUsed) || slot.expiresAt <= startedAt) throw slotRefused();
    const file = await req.ctx.store.getFile(slot.fileId);
    if (!file) throw slotRefused();
    let boundary: string;
    try {
      boundary = boundaryOf(header(req, 'content-type'));
    } catch (err) {
      throw invalid((err as Error).message);
    }
    const thumbMax = Math.min(slot.maxBytes, req.ctx.options.maxImageBytes);
    const declared = Number(header(req, 'content-length') ?? NaN);
    if (declared > slot.maxBytes + thumbMax + DRAIN_BYTES) {
      // Hopelessly large: answer at once; Node discards the unread body while the client sends it.
      unread = true;
      throw tooLarge(slot.maxBytes);
    }
    const content = await receive(req.ctx, raw, boundary, slot, requiredPrefix(file.kind), thumbMax);
    if (!(await req.ctx.store.completeUpload(tokenHash, startedAt, content))) {
      await dropObjects(req.ctx, [content.file?.storageKey ?? '', content.thumb?.storageKey ?? '']);
      throw slotRefused();
    }
    return true;
  } catch (err) {
    const error = err instanceof MultipartError ? invalid(err.message)
      : err instanceof BodyAbortedError ? invalid(err.message)
      : err;
    if (!unread && !raw.readableEnded && !raw.destroyed) await drain(raw, DRAIN_BYTES);
    throw error;
  }
}

function tooLarge(max: number): RestError {
  return new RestError(RestCode.FILE_TOO_LARGE, `the file is larger than the ${max} bytes this upload allows`, 413);
}

function header(req: RestRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A file name without folders or control characters, at most 255 characters. */
function cleanName(name: string | undefined): string {
  return (name ?? '').split(/[\\/]/).pop()!.replace(/[\x00-\x1f\x7f]/g, '').slice(0, 255);
}

/** Streams the body into storage; answers what was stored, or throws after removing every object it wrote. */
async function receive(ctx: ServerContext, raw: IncomingMessage, boundary: string, slot: UploadSlotRecord, prefix: string, thumbMax: number): Promise<UploadedContent> {
  const parser = new MultipartParser(boundary);
  const sinks: Sink[] = [];
  let current: Sink | undefined;
  let fieldBytes = 0;
  try {
    for (let chunk = await nextChunk(raw); chunk !== null; chunk = await nextChunk(raw)) {
      for (const ev of parser.push(chunk)) {
        if (ev.type === 'part') {
          current = openSink(ev.part, sinks, slot.maxBytes, prefix, thumbMax);
          fieldBytes = 0;
        } else if (ev.type === 'data') {
          if (current) await write(ctx, current, ev.chunk);
          else if ((fieldBytes += ev.chunk.length) > MAX_FIELD_BYTES) throw invalid(`a form field is larger than ${MAX_FIELD_BYTES} bytes`);
        } else if (current) {
          await close(ctx, current);
          current = undefined;
        }
      }
    }
    parser.finish();
    const file = sinks.find((s) => s.field === 'file');
    const thumb = sinks.find((s) => s.field === 'thumbnail');
    if (!file && !thumb) throw invalid('the multipart body has no "file" (or "thumbnail") part');
    return {
      file: file && { storageKey: file.key, mime: file.mime ?? '', size: file.size, name: file.name },
      thumb: thumb && { storageKey: thumb.key, mime: thumb.mime ?? '', size: thumb.size },
    };
  } catch (err) {
    for (const s of sinks) s.stream?.destroy(err as Error);
    await Promise.allSettled(sinks.map((s) => s.put));
    await dropObjects(ctx, sinks.map((s) => s.key));
    throw err;
  }
}

function openSink(part: PartHeaders, sinks: Sink[], fileMax: number, prefix: string, thumbMax: number): Sink | undefined {
  if (part.name !== 'file' && part.name !== 'thumbnail') return undefined; // another form field: read and ignored
  if (sinks.some((s) => s.field === part.name)) throw invalid(`the multipart body has more than one "${part.name}" part`);
  const thumbnail = part.name === 'thumbnail';
  const sink: Sink = {
    field: part.name, name: cleanName(part.filename), declared: part.contentType, key: newStorageKey(), size: 0, head: [],
    max: thumbnail ? thumbMax : fileMax, prefix: thumbnail ? 'image/' : prefix,
  };
  sinks.push(sink);
  return sink;
}

async function write(ctx: ServerContext, sink: Sink, chunk: Buffer): Promise<void> {
  sink.size += chunk.length;
  if (sink.size > sink.max) throw tooLarge(sink.max);
  if (!sink.stream) {
    sink.head.push(chunk);
    if (sink.size < SNIFF_BYTES) return;
    start(ctx, sink);
    return;
  }
  if (!sink.stream.write(chunk)) await Promise.race([once(sink.stream, 'drain'), sink.put]);
}

/** Decides the part's type (refusing one the slot does not take) and starts storing it. */
function start(ctx: ServerContext, sink: Sink): void {
  const head = Buffer.concat(sink.head);
  sink.head = [];
  sink.mime = decideMime(sink.declared, sink.name, head, sink.prefix);
  if (sink.mime === undefined) {
    throw new RestError(RestCode.FILE_TYPE_NOT_ALLOWED, `this upload slot takes ${sink.prefix.slice(0, -1)} files only (field "${sink.field}")`);
  }
  sink.stream = new PassThrough();
  sink.put = ctx.files.put(sink.key, sink.stream, { contentType: sink.mime });
  // Failures surface through `await sink.put`; this keeps an early one from being unhandled meanwhile.
  sink.put.catch(() => undefined);
  sink.stream.write(head);
}

async function close(ctx: ServerContext, sink: Sink): Promise<void> {
  if (!sink.stream) start(ctx, sink);
  sink.stream?.end();
  await sink.put;
}

async function dropObjects(ctx: ServerContext, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key === '') continue;
    await ctx.files.delete(key).catch((err) => ctx.log.error(`could not delete stored object ${key}`, err));
  }
}

/** The upload route (reads its body itself). */
export const uploadRoutes: Route[] = [
  { method: 'POST', path: '/file/upload', auth: false, raw: true, handler: upload },
];

/**
 * Upload and download over fetch and node:fs. fetch exposes no upload progress, so the multipart body
 * is encoded up front (fetch's own FormData encoder) and streamed in chunks, counting what fetch pulls.
 * Downloads stream to a fresh file and count the bytes written. Both stop when `req.signal` aborts.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { DownloadRequest, DownloadResult, HttpResponse, TransferProgress, UploadRequest } from '../../core/platform';
import { withTimeout } from './timeout';

const CHUNK_BYTES = 64 * 1024;

/** A stream of `bytes` in chunks, reporting progress as fetch pulls them. */
function countedStream(bytes: Uint8Array, onProgress?: (p: TransferProgress) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
      offset += chunk.byteLength;
      controller.enqueue(chunk);
      onProgress?.({ loaded: offset, total: bytes.byteLength });
    },
  });
}

/** Uploads `req.filePath` as multipart/form-data (fields first, then the file). */
export function nodeUpload(req: UploadRequest): Promise<HttpResponse> {
  return withTimeout(`upload ${req.url}`, req.timeoutMs, async (signal) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(req.formData ?? {})) form.append(name, value);
    form.append(req.fieldName, new Blob([await readFile(req.filePath)]), basename(req.filePath));
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    req.onProgress?.({ loaded: 0, total: body.byteLength });
    const res = await fetch(req.url, {
      method: 'POST',
      // A declared length keeps servers that refuse chunked uploads happy (WeChat sends one too).
      headers: { ...req.headers, 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data', 'content-length': String(body.byteLength) },
      body: countedStream(body, req.onProgress),
      signal,
      duplex: 'half',
    } as RequestInit);
    return { status: res.status, body: await res.text() };
  }, req.signal);
}

/** A new file name in `dir`, keeping the URL's extension (as WeChat's temp paths do). */
function downloadPath(dir: string, url: string): string {
  let ext = '';
  try {
    ext = extname(new URL(url).pathname);
  } catch { /* not a URL fetch accepts anyway */ }
  return join(dir, `floo-${Date.now()}-${randomBytes(4).toString('hex')}${/^\.[A-Za-z0-9]{1,8}$/.test(ext) ? ext : ''}`);
}

/**
 * Downloads `req.url` into `dir`. Like wx.downloadFile, an HTTP error status still resolves with the
 * saved body; a transport failure or timeout rejects and leaves no partial file.
 */
export function nodeDownload(dir: string, req: DownloadRequest): Promise<DownloadResult> {
  return withTimeout(`download ${req.url}`, req.timeoutMs, async (signal) => {
    const res = await fetch(req.url, { headers: req.headers, signal });
    await mkdir(dir, { recursive: true });
    const filePath = downloadPath(dir, req.url);
    const file = await open(filePath, 'wx');
    // A compressed body's content-length counts encoded bytes, not the ones written: report unknown.
    const encoding = res.headers.get('content-encoding');
    const total = encoding && encoding !== 'identity' ? 0 : Number(res.headers.get('content-length')) || 0;
    let loaded = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          await file.write(chunk);
          loaded += chunk.byteLength;
          req.onProgress?.({ loaded, total });
        }
      }
      await file.close();
    } catch (err) {
      await file.close().catch(() => undefined);
      await rm(filePath, { force: true });
      throw err;
    }
    return { status: res.status, filePath };
  }, req.signal);
}

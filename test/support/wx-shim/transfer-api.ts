/**
 * `wx.uploadFile` (multipart/form-data POST of a file from the fake file system) and `wx.downloadFile`
 * (GET saved to a `wxfile://tmp_*` path), both with `onProgressUpdate`.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { settle, type Deliver, type WxCallbackOptions } from './callbacks';
import type { FakeFileSystem } from './file-system';
import type { HttpTasks } from './http-tasks';
import { bridgeHeaders } from './request-api';

/** Progress of an upload. */
export interface UploadProgress {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

/** Progress of a download. */
export interface DownloadProgress {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

/** `wx.uploadFile` options. */
export interface UploadOptions extends WxCallbackOptions<{ data: string; statusCode: number; errMsg: string }> {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  formData?: Record<string, unknown>;
  timeout?: number;
}

/** `wx.downloadFile` options. */
export interface DownloadOptions extends WxCallbackOptions<{ tempFilePath?: string; filePath?: string; statusCode: number; errMsg: string }> {
  url: string;
  header?: Record<string, string>;
  timeout?: number;
  /** Where to save (a `wxfile://usr/…` path); a temporary path otherwise. */
  filePath?: string;
}

/** `UploadTask` / `DownloadTask`. */
export interface TransferTask<P> {
  abort(): void;
  onProgressUpdate(listener: (p: P) => void): void;
  offProgressUpdate(listener?: (p: P) => void): void;
}

const percent = (done: number, total: number): number => (total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100);

function multipart(boundary: string, fields: Record<string, unknown>, name: string, fileName: string, file: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'object' ? JSON.stringify(v) : String(v)}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/** Builds `wx.uploadFile` and `wx.downloadFile`. */
export function createTransfers(tasks: HttpTasks, files: FakeFileSystem, deliver: Deliver) {
  function progressList<P>(): { set: Set<(p: P) => void>; emit(p: P): void } {
    const set = new Set<(p: P) => void>();
    return { set, emit: (p) => [...set].forEach((l) => deliver(() => l(p))) };
  }
  function taskOf<P>(abort: () => void, listeners: Set<(p: P) => void>): TransferTask<P> {
    return {
      abort,
      onProgressUpdate: (l) => void listeners.add(l),
      offProgressUpdate: (l) => (l ? listeners.delete(l) : listeners.clear()),
    };
  }

  function uploadFile(options: UploadOptions): TransferTask<UploadProgress> {
    const progress = progressList<UploadProgress>();
    let abort = (): void => undefined;
    const outcome = (async () => {
      const file = files.readBytes('uploadFile', options.filePath);
      const boundary = `----WxShimBoundary${randomBytes(8).toString('hex')}`;
      const body = multipart(boundary, options.formData ?? {}, options.name ?? 'file', path.basename(options.filePath), file);
      const handle = tasks.run({
        api: 'uploadFile', method: 'POST', url: options.url, timeoutMs: options.timeout ?? 60000, body,
        headers: { ...bridgeHeaders(options.header), 'content-type': `multipart/form-data; boundary=${boundary}` },
        onUploadProgress: (sent, total) => progress.emit({ progress: percent(sent, total), totalBytesSent: sent, totalBytesExpectedToSend: total }),
      });
      abort = handle.abort;
      const r = await handle.result;
      return { data: r.body.toString('utf8'), statusCode: r.statusCode, errMsg: 'uploadFile:ok' };
    })();
    settle(deliver, options.success || options.fail || options.complete ? options : { success: () => undefined }, outcome);
    return taskOf(() => abort(), progress.set);
  }

  function downloadFile(options: DownloadOptions): TransferTask<DownloadProgress> {
    const progress = progressList<DownloadProgress>();
    const handle = tasks.run({
      api: 'downloadFile', method: 'GET', url: options.url, headers: bridgeHeaders(options.header), timeoutMs: options.timeout ?? 60000,
      onDownloadProgress: (got, total) => progress.emit({ progress: percent(got, total), totalBytesWritten: got, totalBytesExpectedToWrite: total }),
    });
    const outcome = handle.result.then((r) => {
      if (options.filePath) {
        files.writeBytes('downloadFile', options.filePath, r.body);
        return { filePath: options.filePath, statusCode: r.statusCode, errMsg: 'downloadFile:ok' };
      }
      const ext = path.extname(new URL(options.url).pathname).slice(0, 8);
      return { tempFilePath: files.saveTemp(r.body, ext), statusCode: r.statusCode, errMsg: 'downloadFile:ok' };
    });
    settle(deliver, options.success || options.fail || options.complete ? options : { success: () => undefined }, outcome);
    return taskOf(() => handle.abort(), progress.set);
  }

  return { uploadFile, downloadFile };
}

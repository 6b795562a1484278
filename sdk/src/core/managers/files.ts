/**
 * `client.files`: the two-step upload (ask for a slot, then a multipart POST of the file), downloads
 * and URLs carrying the token (docs/rich-messages.md, "Files"). Every transfer can be cancelled.
 */
import { ErrorCode } from '../error-codes';
import { ConnectionError, FlooError, InvalidArgumentError, ServerError, codeFromRest } from '../errors';
import type { Query } from '../http/ratel';
import type { TransferProgress, TransferSignal, UploadRequest } from '../platform';
import type { Runtime } from '../runtime';
import type { ConversationRef } from '../types';
import { checkRef, checkText } from '../validate';

/** Kinds of chat file (the slot's `file_type`). */
export type FileKind = 'image' | 'audio' | 'video' | 'file';

/** The kinds of chat file, in ctype order (ctype = index + 1). */
export const FILE_KINDS: readonly FileKind[] = ['image', 'audio', 'video', 'file'];

/** What a file is uploaded for: a conversation, the own avatar or a group's avatar. */
export type UploadTarget = ConversationRef | 'userAvatar' | { groupAvatar: string };

/** Options of {@link FilesManager.upload}. */
export interface UploadOptions {
  /** Local path of the file (wx: a temp or user-data path; Node: a file system path). */
  path: string;
  for: UploadTarget;
  /** Chat files only (default `file`): decides which types the server accepts. */
  kind?: FileKind;
  /** A thumbnail made by the app (e.g. `wx.compressImage`), uploaded to the same slot. */
  thumbnailPath?: string;
  /** Progress of the file's bytes. */
  onProgress?(progress: TransferProgress): void;
}

/** Where an uploaded file can be read. */
export interface UploadedFile {
  url: string;
  /** The thumbnail's URL (`url` with `image_type=2`), when one was uploaded. */
  thumbnailUrl?: string;
}

/** A running transfer. `cancel()` rejects `result` at once with code `UserCancel` and stops the transfer. */
export interface FileTransfer<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

/** Deadline of one upload or download request (a slot lives for 10 minutes). */
const TRANSFER_MS = 5 * 60 * 1000;

/** Runs `run` with a signal that `cancel()` aborts. */
function transfer<T>(run: (signal: TransferSignal) => Promise<T>): FileTransfer<T> {
  const aborts: Array<() => void> = [];
  const signal = { aborted: false, onAbort: (cb: () => void) => (signal.aborted ? cb() : aborts.push(cb)) };
  const cancelled = () => new FlooError(ErrorCode.UserCancel, 'the transfer was cancelled');
  const result = new Promise<T>((resolve, reject) => {
    aborts.push(() => reject(cancelled()));
    run(signal).then(resolve, (err) => reject(signal.aborted ? cancelled() : err));
  });
  // A cancelled transfer nobody awaits must not surface as an unhandled rejection.
  result.catch(() => undefined);
  return {
    result,
    cancel() {
      if (signal.aborted) return;
      signal.aborted = true;
      for (const cb of aborts.splice(0)) cb();
    },
  };
}

/** A transport failure (or a missing file) as a retriable ConnectionError. */
function transportError(what: string, err: unknown): FlooError {
  return err instanceof FlooError ? err : new ConnectionError(ErrorCode.ServerNotReachable, `${what} failed: ${(err as Error)?.message ?? err}`, { cause: err });
}

/** The slot route and query of an upload target. */
function slotOf(target: UploadTarget, kind: FileKind): [string, Query?] {
  if (target === 'userAvatar') return ['/file/upload/avatar/user'];
  if (target && typeof target === 'object' && 'groupAvatar' in target) return ['/file/upload/avatar/group', { group_id: checkText(target.groupAvatar, 'groupAvatar', 20) }];
  const to = checkRef(target, 'for');
  return ['/file/upload/chat', { file_type: kind, to_id: to.id, to_type: to.type === 'group' ? 2 : 1 }];
}

/** The `client.files` API. */
export class FilesManager {
  constructor(private readonly rt: Runtime) {}

  /** Uploads a file (and its thumbnail); `result` resolves with the URL to put into a message or profile. */
  upload(o: UploadOptions): FileTransfer<UploadedFile> {
    if (!o || typeof o !== 'object') throw new InvalidArgumentError('upload() takes an options object');
    const path = checkText(o.path, 'path', 4096);
    const kind = o.kind ?? 'file';
    if (!FILE_KINDS.includes(kind)) throw new InvalidArgumentError(`kind must be ${FILE_KINDS.join(', ')}`);
    const thumb = o.thumbnailPath === undefined ? undefined : checkText(o.thumbnailPath, 'thumbnailPath', 4096);
    const [route, query] = slotOf(o.for, kind);
    const upload = this.platform('upload');
    this.rt.session();
    return transfer(async (signal) => {
      const post = (url: string, filePath: string, fieldName: string, onProgress?: UploadOptions['onProgress']) =>
        this.post(upload, { url, filePath, fieldName, onProgress, signal, headers: this.headers(), timeoutMs: TRANSFER_MS });
      const slot = await this.rt.http.get<{ upload_url?: unknown; download_url?: unknown }>(route, query);
      const { upload_url: to, download_url: url } = slot ?? {};
      if (typeof to !== 'string' || typeof url !== 'string') throw new ServerError(ErrorCode.ServerResponseInvalid, `${route}: no upload_url in the answer`);
      // wx.uploadFile sends one file per request: the thumbnail goes to the same slot on its own.
      if (thumb !== undefined) await post(to, thumb, 'thumbnail');
      await post(to, path, 'file', o.onProgress);
      return thumb === undefined ? { url } : { url, thumbnailUrl: `${url}&image_type=2` };
    });
  }

  /** Downloads a file (with the token) to a local path chosen by the platform. */
  download(url: string, o: { onProgress?(progress: TransferProgress): void } = {}): FileTransfer<{ path: string }> {
    checkText(url, 'url', 4096);
    const download = this.platform('download');
    return transfer(async (signal) => {
      let res;
      try {
        res = await download({ url, headers: this.headers(), timeoutMs: TRANSFER_MS, onProgress: o.onProgress, signal });
      } catch (err) {
        throw transportError('download', err);
      }
      if (res.status === 200 || res.status === 206) return { path: res.filePath };
      const code = codeFromRest(res.status);
      throw new ServerError(code === 'GeneralError' ? ErrorCode.ServerFileDownloadFailure : code, `download: HTTP ${res.status}`, { restCode: res.status });
    });
  }

  /** `url` with the token and app id in its query, so that `<image src>` or a plain GET can read it. */
  url(url: string, o: { thumbnail?: boolean } = {}): string {
    checkText(url, 'url', 4096);
    const token = encodeURIComponent(this.rt.token());
    return `${url}${url.includes('?') ? '&' : '?'}access-token=${token}&app_id=${encodeURIComponent(this.rt.options.appId)}${o.thumbnail ? '&image_type=2' : ''}`;
  }

  private headers(): Record<string, string> {
    return { 'access-token': this.rt.token(), app_id: this.rt.options.appId };
  }

  private platform<K extends 'upload' | 'download'>(what: K): NonNullable<Runtime['platform'][K]> {
    const fn = this.rt.platform[what];
    if (!fn) throw new FlooError(ErrorCode.GeneralError, `this platform cannot ${what} files`);
    return fn.bind(this.rt.platform) as NonNullable<Runtime['platform'][K]>;
  }

  /**
   * One multipart POST to the slot. A transport failure (the connection dropped) is retried once: the
   * server takes a new attempt on the same slot until one succeeds.
   */
  private async post(upload: NonNullable<Runtime['platform']['upload']>, req: UploadRequest): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await upload(req);
      } catch (err) {
        if (req.signal?.aborted || attempt) throw transportError('upload', err);
        continue;
      }
      let code = res.status;
      let reason = '';
      try {
        const envelope = JSON.parse(res.body) as { code?: unknown; message?: unknown };
        if (typeof envelope.code === 'number') code = envelope.code;
        if (typeof envelope.message === 'string') reason = envelope.message;
      } catch { /* not JSON: the HTTP status decides */ }
      if (code === 200) return;
      throw new ServerError(codeFromRest(code), `upload: ${reason || 'refused'} (code ${code})`, { restCode: code });
    }
  }
}

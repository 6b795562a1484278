/**
 * A small file system for the fake app, kept in a temporary directory: `wx.env.USER_DATA_PATH`
 * (`wxfile://usr`) for user files and `wxfile://tmp_*` for downloads, plus the few
 * `FileSystemManager` calls an IM SDK needs (readFile, writeFile, access, unlink, mkdir).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failure, settle, WxSyncError, type Deliver, type WxCallbackOptions } from './callbacks';

/** `wx.env.USER_DATA_PATH`. */
export const USER_DATA_PATH = 'wxfile://usr';

type Encoding = 'utf8' | 'utf-8' | 'base64' | 'hex' | 'binary' | 'latin1' | 'ascii';

/** `wx.getFileSystemManager()`, minimal. */
export interface FakeFileSystemManager {
  readFile(o: { filePath: string; encoding?: Encoding } & WxCallbackOptions<{ data: string | ArrayBuffer; errMsg: string }>): Promise<{ data: string | ArrayBuffer; errMsg: string }> | undefined;
  readFileSync(filePath: string, encoding?: Encoding): string | ArrayBuffer;
  writeFile(o: { filePath: string; data: string | ArrayBuffer; encoding?: Encoding } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  writeFileSync(filePath: string, data: string | ArrayBuffer, encoding?: Encoding): void;
  access(o: { path: string } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  accessSync(p: string): void;
  unlink(o: { filePath: string } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  unlinkSync(filePath: string): void;
  mkdir(o: { dirPath: string; recursive?: boolean } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  mkdirSync(dirPath: string, recursive?: boolean): void;
}

const isArrayBuffer = (v: unknown): v is ArrayBuffer => Object.prototype.toString.call(v) === '[object ArrayBuffer]';

/** The app's files on disk. */
export class FakeFileSystem {
  readonly root: string;
  private seq = 0;

  constructor(root?: string) {
    this.root = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wx-shim-'));
    fs.mkdirSync(path.join(this.root, 'usr'), { recursive: true });
    fs.mkdirSync(path.join(this.root, 'tmp'), { recursive: true });
  }

  /** The disk path behind a wx path; throws `<api>:fail permission denied` for anything outside. */
  resolve(api: string, wxPath: unknown): string {
    const p = String(wxPath ?? '');
    let rel: string | undefined;
    if (p === USER_DATA_PATH || p.startsWith(`${USER_DATA_PATH}/`)) rel = path.join('usr', p.slice(USER_DATA_PATH.length));
    else if (/^wxfile:\/\/tmp_[^/]+$/.test(p)) rel = path.join('tmp', p.slice('wxfile://'.length));
    else if (p.startsWith('http://tmp/')) rel = path.join('tmp', p.slice('http://tmp/'.length));
    const full = rel === undefined ? undefined : path.resolve(this.root, rel);
    if (!full || !full.startsWith(this.root)) throw new WxSyncError(failure(api, `permission denied, open ${p}`));
    return full;
  }

  /** A new temporary file path (`wxfile://tmp_<n><ext>`) holding `bytes`. */
  saveTemp(bytes: Buffer, ext = ''): string {
    const wxPath = `wxfile://tmp_${Date.now().toString(36)}${++this.seq}${ext}`;
    fs.writeFileSync(this.resolve('saveFile', wxPath), bytes);
    return wxPath;
  }

  /** Reads a file as bytes, failing like `<api>:fail no such file or directory <path>`. */
  readBytes(api: string, wxPath: string): Buffer {
    const full = this.resolve(api, wxPath);
    try {
      return fs.readFileSync(full);
    } catch {
      throw new WxSyncError(failure(api, `no such file or directory ${wxPath}`));
    }
  }

  /** Writes a file whose directory exists. */
  writeBytes(api: string, wxPath: string, bytes: Buffer): void {
    const full = this.resolve(api, wxPath);
    try {
      fs.writeFileSync(full, bytes);
    } catch {
      throw new WxSyncError(failure(api, `no such file or directory, open ${wxPath}`));
    }
  }

  /** Removes the directory. */
  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** The manager object of `wx.getFileSystemManager()`. */
  manager(deliver: Deliver, makeArrayBuffer: (b: Uint8Array) => ArrayBuffer): FakeFileSystemManager {
    const attempt = <R>(fn: () => R): Promise<R> => {
      try {
        return Promise.resolve(fn());
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const readFileSync = (api: string, filePath: string, encoding?: Encoding): string | ArrayBuffer => {
      const bytes = this.readBytes(api, filePath);
      return encoding ? bytes.toString(encoding === 'utf-8' ? 'utf8' : encoding) : makeArrayBuffer(new Uint8Array(bytes));
    };
    const writeFileSync = (api: string, filePath: string, data: string | ArrayBuffer, encoding: Encoding = 'utf8'): void => {
      const full = this.resolve(api, filePath);
      if (!fs.existsSync(path.dirname(full))) throw new WxSyncError(failure(api, `no such file or directory, open ${filePath}`));
      fs.writeFileSync(full, isArrayBuffer(data) ? Buffer.from(new Uint8Array(data)) : Buffer.from(String(data), encoding === 'utf-8' ? 'utf8' : encoding));
    };
    const accessSync = (api: string, p: string): void => {
      if (!fs.existsSync(this.resolve(api, p))) throw new WxSyncError(failure(api, `no such file or directory ${p}`));
    };
    const unlinkSync = (api: string, filePath: string): void => {
      const full = this.resolve(api, filePath);
      if (!fs.existsSync(full)) throw new WxSyncError(failure(api, `no such file or directory ${filePath}`));
      fs.unlinkSync(full);
    };
    const mkdirSync = (api: string, dirPath: string, recursive = false): void => {
      const full = this.resolve(api, dirPath);
      if (fs.existsSync(full)) throw new WxSyncError(failure(api, `file already exists ${dirPath}`));
      try {
        fs.mkdirSync(full, { recursive });
      } catch {
        throw new WxSyncError(failure(api, `no such file or directory ${dirPath}`));
      }
    };
    return {
      readFile: (o) => settle(deliver, o, attempt(() => ({ data: readFileSync('readFile', o.filePath, o.encoding), errMsg: 'readFile:ok' }))),
      readFileSync: (p, enc) => readFileSync('readFileSync', p, enc),
      writeFile: (o) => settle(deliver, o, attempt(() => {
        writeFileSync('writeFile', o.filePath, o.data, o.encoding);
        return { errMsg: 'writeFile:ok' };
      })),
      writeFileSync: (p, d, enc) => writeFileSync('writeFileSync', p, d, enc),
      access: (o) => settle(deliver, o, attempt(() => {
        accessSync('access', o.path);
        return { errMsg: 'access:ok' };
      })),
      accessSync: (p) => accessSync('accessSync', p),
      unlink: (o) => settle(deliver, o, attempt(() => {
        unlinkSync('unlink', o.filePath);
        return { errMsg: 'unlink:ok' };
      })),
      unlinkSync: (p) => unlinkSync('unlinkSync', p),
      mkdir: (o) => settle(deliver, o, attempt(() => {
        mkdirSync('mkdir', o.dirPath, o.recursive);
        return { errMsg: 'mkdir:ok' };
      })),
      mkdirSync: (p, r) => mkdirSync('mkdirSync', p, r),
    };
  }
}

/**
 * The WeChat mini-program Platform. Everything it holds is created per call, and `wx` itself is a
 * parameter (the global one is only the default), so tests pass a fake and two clients never share
 * state.
 */
import type { KeyValueStorage, LogSink, Platform, Timers } from '../../core/platform';
import { createConsoleLog } from '../console-log';
import { createHostTimers } from '../host-timers';
import type { StorageLimits } from '../storage-limits';
import { wxDownload, wxUpload } from './files';
import { wxLifecycle } from './lifecycle';
import { wxRequest } from './request';
import { connectWxSocket } from './socket';
import { createWxStorage } from './storage';
import type { WxApi, WxSocketOptions } from './wx-api';

/** The mini-program global; declared here only, never read at module load. */
declare const wx: WxApi | undefined;

/** Options of `createWxPlatform`. */
export interface WxPlatformOptions {
  /** The `wx` object to use (default: the global `wx`, looked up when the platform is created). */
  wx?: WxApi;
  /** Extra `wx.connectSocket` options (headers, protocols, tcpNoDelay, handshake timeout). */
  socket?: WxSocketOptions;
  /** Storage to use instead of WeChat storage (e.g. a memory storage for a guest session). */
  storage?: KeyValueStorage;
  /** Quotas of WeChat storage (default 1 MB per key, 10 MB in total). */
  storageLimits?: StorageLimits;
  /** Log sink (default: the console); `null` logs nothing. */
  log?: LogSink | null;
  /** Timers and clock (default: the host's setTimeout/clearTimeout and Date.now). */
  timers?: Timers;
}

function globalWx(): WxApi {
  if (typeof wx === 'undefined' || !wx) throw new Error('createWxPlatform: no global wx; pass options.wx outside a mini-program');
  return wx;
}

/** Creates a Platform over WeChat's APIs. Throws only when there is no `wx` at all. */
export function createWxPlatform(options: WxPlatformOptions = {}): Platform {
  const api = options.wx ?? globalWx();
  const { uploadFile, downloadFile } = api;
  return {
    name: 'wx',
    connect: (url, handlers) => connectWxSocket(api, url, handlers, options.socket),
    request: (req) => wxRequest(api, req),
    upload: uploadFile ? (req) => wxUpload({ uploadFile: uploadFile.bind(api) }, req) : undefined,
    download: downloadFile ? (req) => wxDownload({ downloadFile: downloadFile.bind(api) }, req) : undefined,
    storage: options.storage ?? createWxStorage(api, options.storageLimits),
    timers: options.timers ?? createHostTimers(),
    random: () => Math.random(),
    log: options.log === null ? undefined : options.log ?? createConsoleLog(),
    ...wxLifecycle(api),
  };
}

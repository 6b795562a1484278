/**
 * A fake WeChat `wx` for Node tests, with WeChat's semantics and limits: SocketTask over real
 * WebSockets (5 at most, ArrayBuffer in and out), storage with the 1 MB / 10 MB limits, wx.request /
 * uploadFile / downloadFile over real HTTP (10 of each at most), a small file system, and the app
 * lifecycle: hide → suspended after 5 s (sockets die, requests fail `interrupted`, callbacks wait for
 * show), network loss; pickers, viewers, the action sheet, clipboard, recorder and audio player answer as
 * the test's `control.media` decides (media-api.ts, audio-api.ts). `createWxShim()` returns the `wx`
 * object and a `control` to drive it.
 * See docs/compat.md for what is reproduced and what is not.
 */
import { AppRuntime, type NetworkType, type ShowOrder } from './app-runtime';
import { createSandboxTimers, type SandboxTimers } from './app-timers';
import { FakeFileSystem, USER_DATA_PATH } from './file-system';
import { HttpTasks, WX_MAX_HTTP_TASKS, type OverflowPolicy } from './http-tasks';
import { createRequest, type RequestRecord } from './request-api';
import { SocketPool, WX_MAX_SOCKETS, type SocketDeath } from './socket-api';
import type { SocketRecord } from './socket-task';
import { WxStorageArea, type StorageLimits } from './storage';
import { createStorageApi } from './storage-api';
import { createSystemApi, DEFAULT_SYSTEM_INFO, type SystemInfo } from './system-api';
import { hostTimers, type ShimTimers } from './timers';
import { createTransfers } from './transfer-api';
import { MediaControl } from './media-control';
import { createMediaApi } from './media-api';
import { createAudioApi } from './audio-api';

export { WxStorageArea, WX_STORAGE_LIMITS, type StorageLimits } from './storage';
export { WxSyncError, type WxFail } from './callbacks';
export { WX_MAX_SOCKETS, type SocketDeath } from './socket-api';
export { WX_MAX_HTTP_TASKS, type OverflowPolicy } from './http-tasks';
export { USER_DATA_PATH } from './file-system';
export type { FakeSocketTask, SocketRecord, SocketState } from './socket-task';
export type { RequestRecord } from './request-api';
export type { NetworkType, ShowOrder } from './app-runtime';
export type { SandboxTimers } from './app-timers';
export type { ShimTimers } from './timers';
export { MediaControl, DEFAULT_LOCATION, type MediaCall, type MediaPick, type FilePick, type LocationPick } from './media-control';

/** Settings of a shim; every one has WeChat's default. */
export interface WxShimOptions {
  /** Clock for the suspend delay, timeouts and sandbox timers (host timers by default, so Jest fake timers work). */
  timers?: ShimTimers;
  /** Time between `hide()` and suspension; WeChat: about 5 s. */
  suspendDelayMs?: number;
  /** On `show()` of a suspended app: fire onAppShow before ('show-first', default) or after the queued callbacks. */
  showOrder?: ShowOrder;
  /** Storage to use; pass the area of a previous shim to model an app restart. */
  storage?: WxStorageArea;
  /** Storage limits for a new area (1 MB per key, 10 MB total by default). */
  storageLimits?: StorageLimits;
  /** Concurrent sockets (5). */
  maxSockets?: number;
  /**
   * How sockets die at suspension and network loss: 'reset' (default; the server sees the close at once)
   * or 'half-open' (the server is told nothing and finds out from its own pings, as often on phones).
   */
  socketDeath?: SocketDeath;
  /** Concurrent tasks of each of request/uploadFile/downloadFile (10). */
  maxHttpTasks?: number;
  /** What the 11th concurrent HTTP task does: fail with `exceed max task count` (default, as WeChat) or wait. */
  httpOverflow?: OverflowPolicy;
  /** Builds ArrayBuffers handed to the app; pass one from a vm context so buffers belong to its realm. */
  makeArrayBuffer?: (bytes: Uint8Array) => ArrayBuffer;
  /** Directory behind the fake file system (a new temporary one by default, removed by `dispose`). */
  fileSystemRoot?: string;
  /** Overrides of `getSystemInfoSync` fields. */
  system?: Partial<SystemInfo>;
  /** The mini-program app id reported by `getAccountInfoSync`. */
  appId?: string;
  /**
   * Which hosts network calls may reach, like WeChat's domain list (`url not in domain list` otherwise).
   * Default: loopback only, so that no test can reach beyond this machine.
   */
  allowHost?: (host: string) => boolean;
  /** Called with whatever an app callback throws (it is recorded in `control.appErrors` in any case). */
  onAppError?: (error: unknown) => void;
}

/** Drives and inspects a shim from the test. */
export interface WxShimControl {
  /** App goes to the background: onAppHide now, suspension after `suspendDelayMs`. */
  hide(): void;
  /** Suspends now, as if the delay had elapsed. */
  suspendNow(): void;
  /** Back to the foreground: onAppShow, and callbacks held during suspension run. */
  show(): void;
  /** Network up (optionally with a type) or down; down kills every socket and fails every request. */
  setNetwork(online: boolean, type?: NetworkType): void;
  /**
   * Drops every open socket (onError + onClose 1006 in the app); returns how many. With `halfOpen` the
   * server is not told: the connection stays up, silent, until the server's pings give up or
   * `endHalfOpen()` is called.
   */
  killSockets(reason?: string, options?: { halfOpen?: boolean }): number;
  /** Closes the half-open connections left by `killSockets(…, {halfOpen})` or `socketDeath: 'half-open'`. */
  endHalfOpen(): number;
  /** Every socket created, oldest first. */
  sockets(): SocketRecord[];
  /** Sockets not yet closed. */
  openSockets(): SocketRecord[];
  /** Every `wx.request` made, in order. */
  readonly requests: RequestRecord[];
  readonly storage: WxStorageArea;
  /** Bytes and keys in storage. */
  storageUsage(): { bytes: number; keys: number };
  readonly files: FakeFileSystem;
  /** The user's answers to pickers and action sheets, and the record of media/UI calls (media-control.ts). */
  readonly media: MediaControl;
  /** What app callbacks threw. */
  readonly appErrors: unknown[];
  /** setTimeout/setInterval for code running inside the app (they stop while it is suspended). */
  readonly timers: SandboxTimers;
  readonly state: { hidden: boolean; suspended: boolean; online: boolean; networkType: NetworkType; pendingCallbacks: number };
  /** Kills sockets, aborts requests, clears timers, removes the temporary file system. */
  dispose(): void;
}

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The fake `wx` object (loosely typed: the shape follows WeChat's API, not a declaration file). */
export type FakeWx = ReturnType<typeof buildWx>;

/** A shim: the `wx` object and its control. */
export interface WxShim {
  wx: FakeWx;
  control: WxShimControl;
}

function buildWx(runtime: AppRuntime, parts: {
  storage: WxStorageArea; sockets: SocketPool; http: HttpTasks; files: FakeFileSystem; requests: RequestRecord[];
  makeArrayBuffer: (b: Uint8Array) => ArrayBuffer; system: SystemInfo; appId: string; media: MediaControl;
}) {
  const fsManager = parts.files.manager(runtime.deliver, parts.makeArrayBuffer);
  return {
    env: { USER_DATA_PATH },
    ...createSystemApi(runtime, parts.system, parts.appId),
    ...createStorageApi(parts.storage, runtime.deliver),
    ...parts.sockets.api(),
    request: createRequest(parts.http, runtime.deliver, parts.requests, parts.makeArrayBuffer),
    ...createTransfers(parts.http, parts.files, runtime.deliver),
    getFileSystemManager: () => fsManager,
    ...createMediaApi(parts.media, parts.files, runtime.deliver),
    ...createAudioApi(parts.media, parts.files, parts.http, runtime.deliver),
  };
}

/** Creates a fake `wx` and its control. */
export function createWxShim(options: WxShimOptions = {}): WxShim {
  const timers = options.timers ?? hostTimers;
  const runtime = new AppRuntime({
    timers, suspendDelayMs: options.suspendDelayMs ?? 5000, showOrder: options.showOrder ?? 'show-first', onAppError: options.onAppError,
  });
  const makeArrayBuffer = options.makeArrayBuffer ?? ((bytes: Uint8Array) => {
    const ab = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(ab).set(bytes);
    return ab;
  });
  const storage = options.storage ?? new WxStorageArea(options.storageLimits);
  const allowHost = options.allowHost ?? isLoopbackHost;
  const sockets = new SocketPool(runtime, {
    maxSockets: options.maxSockets ?? WX_MAX_SOCKETS, socketDeath: options.socketDeath ?? 'reset', makeArrayBuffer, allowHost,
  });
  const http = new HttpTasks(runtime, { max: options.maxHttpTasks ?? WX_MAX_HTTP_TASKS, overflow: options.httpOverflow ?? 'fail', allowHost });
  const files = new FakeFileSystem(options.fileSystemRoot);
  const requests: RequestRecord[] = [];
  const sandboxTimers = createSandboxTimers(runtime);
  const media = new MediaControl();
  const wx = buildWx(runtime, {
    storage, sockets, http, files, requests, makeArrayBuffer, media,
    system: { ...DEFAULT_SYSTEM_INFO, ...(options.system ?? {}) }, appId: options.appId ?? 'wx0000000000000000',
  });
  const control: WxShimControl = {
    hide: () => runtime.hide(),
    suspendNow: () => runtime.suspendNow(),
    show: () => runtime.show(),
    setNetwork: (online, type) => runtime.setNetwork(online, type),
    killSockets: (reason, o) => sockets.killAll(reason, o?.halfOpen === true),
    endHalfOpen: () => sockets.endHalfOpen(),
    sockets: () => sockets.records(),
    openSockets: () => sockets.records().filter((r) => r.state !== 'closed'),
    requests,
    storage,
    storageUsage: () => storage.usage(),
    files,
    media,
    appErrors: runtime.errors,
    timers: sandboxTimers,
    get state() {
      return { hidden: runtime.hidden, suspended: runtime.suspended, online: runtime.online, networkType: runtime.networkType, pendingCallbacks: runtime.pending };
    },
    dispose: () => {
      runtime.dispose();
      sandboxTimers.clearAll();
      sockets.dispose();
      http.dispose();
      if (!options.fileSystemRoot) files.dispose();
    },
  };
  return { wx, control };
}

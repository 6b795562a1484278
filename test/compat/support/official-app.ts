/**
 * Runs one official Lanying mini-program SDK bundle as one app instance: a fresh Node `vm` context whose
 * `wx` is the shim and whose timers stop while the app is suspended. The bundles keep module-level
 * state (`flooim()` returns a singleton), so two users need two contexts, exactly as two phones would.
 * The bundles are not part of this repository: see docs/compat.md for where to put them.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createWxShim, type ShimTimers, type SocketDeath, type WxShim, type WxStorageArea } from '../../support/wx-shim';
import { createAppPromise } from './app-promise';
import { EventLog } from './event-log';

/** Where the bundles are looked for (gitignored; never committed). */
export const BUNDLE_DIR = path.resolve(__dirname, '../../../.official-bundles');

/** The official builds this harness knows. */
export const OFFICIAL_BUILDS = [
  { label: '3.0.x uniapp', file: 'floo-3.0.0.uniapp.js' },
  { label: '2.0.0 miniprogram', file: 'floo-2.0.0.miniprogram.js' },
] as const;

/** The loosely typed SDK object the bundles export (`flooim(config)` returns it). */
export interface FlooIm {
  login(options: { name: string; password: string }): void;
  logout(): void;
  disConnect(): void;
  isLogin(): unknown;
  isReady(): boolean;
  on(event: string, handler: (payload: unknown) => void): void;
  sysManage: {
    sendRosterMessage(options: { uid: number | string; content: string; type?: string; ext?: string }): unknown;
    sendGroupMessage(options: { gid: number | string; content: string; type?: string }): unknown;
    requireHistoryMessage(conversationId: number | string, key: number | string, count: number): void;
    [name: string]: unknown;
  };
  userManage: { getUid(): unknown; [name: string]: unknown };
  rosterManage: Record<string, unknown>;
  groupManage: Record<string, unknown>;
}

/** SDK events the harness records (`im.on`). */
export const RECORDED_EVENTS = [
  'loginSuccess', 'loginFail', 'flooNotice', 'flooError', 'onRosterMessage', 'onGroupMessage', 'onReceiveHistoryMsg',
  'onSendingMessageStatusChanged', 'onUnreadChange', 'onMessageStatusChanged', 'onMessageRecalled', 'onRosterInfoUpdate', 'onInputStatusMessage',
  'onRosterApplied', 'onRosterAccepted', 'onRosterDeclined', 'onRosterRemoved', 'onRosterListUpdate', 'onGroupListUpdate',
  'onGroupCreated', 'onGroupDestoryed', 'onGroupJoined', 'onGroupLeaved', 'onGroupKicked', 'onGroupNotice',
  'onGroupOwnerAssigned', 'onGroupAdminGranted', 'onGroupAdminRevoked', 'onGroupBaned', 'onGroupUnbaned', 'onGroupAnnouncementUpdated',
];

/** Options of one app instance. */
export interface OfficialAppOptions {
  /** A name for logs (`alice@3.0.x`). */
  name: string;
  /** Storage from a previous instance, to model an app restart. */
  storage?: WxStorageArea;
  /** Passed to `flooim()`: appid, dnsServer, ws, autoLogin, … */
  config: Record<string, unknown>;
  /** The app's clock (its timers and the shim's); host timers by default. */
  timers?: ShimTimers;
  /** How its sockets die when suspended or offline (see WxShimOptions.socketDeath). */
  socketDeath?: SocketDeath;
  /** Print the bundle's console output as it happens (for debugging). */
  verbose?: boolean;
}

/** One running official app. */
export interface OfficialApp {
  readonly name: string;
  readonly im: FlooIm;
  readonly shim: WxShim;
  readonly events: EventLog;
  /** The bundle's console output. */
  readonly logs: string[];
  /** Promises the bundle rejected and never handled (WeChat only logs these). */
  readonly unhandledRejections: unknown[];
  /** Closes the app as the OS would kill it: sockets dropped, timers gone, nothing runs any more. */
  dispose(): void;
}

const scripts = new Map<string, vm.Script>();

/** The compiled bundle (compiled once per file, run in as many contexts as needed). */
function scriptFor(file: string): vm.Script {
  let script = scripts.get(file);
  if (!script) {
    const source = fs.readFileSync(file, 'utf8');
    // A name that is not a path on disk: Jest would otherwise print a code frame of the one-line bundle.
    script = new vm.Script(`(function (module, exports) {\n${source}\n})`, { filename: `official-bundle:${path.basename(file)}` });
    scripts.set(file, script);
  }
  return script;
}

function quietConsole(name: string, logs: string[], verbose: boolean): Console {
  const write = (level: string) => (...args: unknown[]): void => {
    const line = `[${name}] ${level} ${args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ')}`;
    logs.push(line);
    if (verbose) process.stdout.write(`${line}\n`);
  };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug'), trace: write('trace') } as unknown as Console;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Loads a bundle into a new context and calls `flooim(config)`. */
export function startOfficialApp(bundleFile: string, options: OfficialAppOptions): OfficialApp {
  const logs: string[] = [];
  const sandbox: Record<string, unknown> = {};
  const context = vm.createContext(sandbox, { name: options.name });
  const InnerArrayBuffer = vm.runInContext('ArrayBuffer', context) as ArrayBufferConstructor;
  const shim = createWxShim({
    storage: options.storage,
    timers: options.timers,
    socketDeath: options.socketDeath,
    // Buffers of the app's own realm, so `instanceof ArrayBuffer` inside the bundle holds.
    makeArrayBuffer: (bytes) => {
      const ab = new InnerArrayBuffer(bytes.byteLength);
      new Uint8Array(ab).set(bytes);
      return ab;
    },
  });
  const unhandledRejections: unknown[] = [];
  const InnerPromise = vm.runInContext('Promise', context) as PromiseConstructor;
  const AppPromise = createAppPromise(InnerPromise, (reason) => {
    unhandledRejections.push(reason);
    logs.push(`[${options.name}] unhandled rejection ${safeJson(reason)}`);
  });
  const t = shim.control.timers;
  const noop = (): void => undefined;
  Object.assign(sandbox, {
    wx: shim.wx,
    Promise: AppPromise,
    console: quietConsole(options.name, logs, options.verbose === true),
    setTimeout: t.setTimeout, clearTimeout: t.clearTimeout, setInterval: t.setInterval, clearInterval: t.clearInterval,
    getApp: () => ({ globalData: {} }), getCurrentPages: () => [], App: noop, Page: noop, Component: noop, Behavior: noop,
  });
  const module = { exports: {} as Record<string, unknown> };
  (scriptFor(bundleFile).runInContext(context) as (m: unknown, e: unknown) => void)(module, module.exports);
  const flooim = (typeof module.exports === 'function' ? module.exports : module.exports.default) as (config: unknown) => FlooIm;
  if (typeof flooim !== 'function') throw new Error(`${bundleFile} exported no flooim function`);
  const events = new EventLog();
  const im = flooim(options.config);
  for (const name of RECORDED_EVENTS) im.on(name, events.recorder(name));
  return {
    name: options.name, im, shim, events, logs, unhandledRejections,
    dispose: () => shim.control.dispose(),
  };
}

/**
 * The state of one fake mini-program: foreground/background, suspended or not, network up or down, and
 * the single gate through which every callback reaches app code. WeChat stops running an app's JS about
 * 5 s after it goes to the background; callbacks that fall due meanwhile run when it comes back. The
 * gate reproduces that: while suspended, callbacks queue, and `show()` releases them in order.
 */
import type { ShimTimers } from './timers';

/** `wx.getNetworkType` values. */
export type NetworkType = 'wifi' | '2g' | '3g' | '4g' | '5g' | 'unknown' | 'none';

/** What `wx.onNetworkStatusChange` listeners receive. */
export interface NetworkStatus {
  isConnected: boolean;
  networkType: NetworkType;
}

/** Which runs first when a suspended app is shown again. */
export type ShowOrder = 'show-first' | 'events-first';

/** Settings of the runtime (see `WxShimOptions`). */
export interface AppRuntimeOptions {
  timers: ShimTimers;
  suspendDelayMs: number;
  showOrder: ShowOrder;
  onAppError?: (error: unknown) => void;
}

type Listener<T> = (result: T) => void;

/** Lifecycle, network state and callback delivery of one app instance. */
export class AppRuntime {
  hidden = false;
  suspended = false;
  online = true;
  networkType: NetworkType = 'wifi';
  /** The app is gone: nothing reaches its code any more. */
  disposed = false;
  /** Everything app callbacks threw (WeChat reports these to App.onError instead of crashing). */
  readonly errors: unknown[] = [];
  readonly showListeners = new Set<Listener<Record<string, unknown>>>();
  readonly hideListeners = new Set<Listener<Record<string, unknown>>>();
  readonly networkListeners = new Set<Listener<NetworkStatus>>();
  /** Run when the app becomes suspended (sockets die, requests are interrupted). */
  readonly onSuspend = new Set<() => void>();
  /** Run when the network goes down. */
  readonly onOffline = new Set<() => void>();
  private queue: Array<() => void> = [];
  private suspendTimer: unknown;

  constructor(readonly options: AppRuntimeOptions) {}

  /** Runs app code now, or queues it while the app is suspended. */
  readonly deliver = (fn: () => void): void => {
    if (this.disposed) return;
    if (this.suspended) this.queue.push(fn);
    else this.run(fn);
  };

  /** Number of callbacks waiting for the app to be shown. */
  get pending(): number {
    return this.queue.length;
  }

  /** The clock's current time. */
  now(): number {
    return this.options.timers.now ? this.options.timers.now() : Date.now();
  }

  /** Fires onAppHide and starts the countdown to suspension (a second hide is ignored). */
  hide(): void {
    if (this.hidden) return;
    this.hidden = true;
    for (const l of [...this.hideListeners]) this.deliver(() => l({}));
    this.suspendTimer = this.options.timers.setTimeout(() => this.suspendNow(), this.options.suspendDelayMs);
  }

  /** Suspends at once (as when the delay elapses): hooks kill sockets and interrupt requests. */
  suspendNow(): void {
    this.cancelSuspendTimer();
    if (this.suspended) return;
    this.hidden = true;
    this.suspended = true;
    for (const hook of [...this.onSuspend]) hook();
  }

  /** Back to the foreground: resumes a suspended app, fires onAppShow, releases queued callbacks. */
  show(): void {
    if (!this.hidden) return;
    this.cancelSuspendTimer();
    this.hidden = false;
    this.suspended = false;
    const queued = this.queue;
    this.queue = [];
    const fireShow = (): void => {
      const result = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
      for (const l of [...this.showListeners]) this.run(() => l(result));
    };
    if (this.options.showOrder === 'show-first') fireShow();
    for (const fn of queued) this.run(fn);
    if (this.options.showOrder === 'events-first') fireShow();
  }

  /** Changes connectivity; going offline runs the offline hooks; listeners hear about every change. */
  setNetwork(online: boolean, type?: NetworkType): void {
    const networkType: NetworkType = online ? (type && type !== 'none' ? type : this.networkType === 'none' ? 'wifi' : this.networkType) : 'none';
    const changed = online !== this.online || networkType !== this.networkType;
    this.online = online;
    this.networkType = networkType;
    if (!online) for (const hook of [...this.onOffline]) hook();
    if (!changed) return;
    const status: NetworkStatus = { isConnected: online, networkType };
    for (const l of [...this.networkListeners]) this.deliver(() => l({ ...status }));
  }

  /** Runs app code, recording what it throws instead of letting it escape into a socket or timer callback. */
  run(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.errors.push(error);
      this.options.onAppError?.(error);
    }
  }

  /** Stops the suspension countdown and drops queued and future callbacks. */
  dispose(): void {
    this.disposed = true;
    this.cancelSuspendTimer();
    this.queue = [];
  }

  private cancelSuspendTimer(): void {
    if (this.suspendTimer !== undefined) this.options.timers.clearTimeout(this.suspendTimer);
    this.suspendTimer = undefined;
  }
}

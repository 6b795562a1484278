/**
 * `setTimeout`/`setInterval` for code running *inside* the fake mini-program (a vm-loaded bundle). They
 * run on the shim's clock and stop with the app: a timer that falls due while the app is suspended
 * fires once when it is shown again, as a frozen JS thread would (an interval does not catch up).
 */
import type { AppRuntime } from './app-runtime';

/** The four timer globals of a sandbox. */
export interface SandboxTimers {
  setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
  clearTimeout(handle: unknown): void;
  setInterval(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
  clearInterval(handle: unknown): void;
  /** Cancels every timer (app destroyed). */
  clearAll(): void;
  /** Number of live timers. */
  readonly size: number;
}

interface Entry {
  handle: unknown;
  /** A callback is queued in the suspended app already: do not queue another. */
  queued: boolean;
}

/** Creates the timer globals of one app. */
export function createSandboxTimers(runtime: AppRuntime): SandboxTimers {
  const { timers } = runtime.options;
  const live = new Map<number, Entry>();
  let seq = 0;

  function fire(id: number, entry: Entry, fn: () => void, repeat: boolean): void {
    if (!repeat) live.delete(id);
    if (runtime.suspended) {
      if (entry.queued) return;
      entry.queued = true;
    }
    runtime.deliver(() => {
      entry.queued = false;
      // A cleared timer whose callback was already queued must not run.
      if (repeat && !live.has(id)) return;
      fn();
    });
  }

  function start(fn: (...args: unknown[]) => void, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') throw new TypeError('timer callback must be a function');
    const id = ++seq;
    if (runtime.disposed) return id;
    const delay = Math.max(repeat ? 1 : 0, Number(ms) || 0);
    const entry: Entry = { handle: undefined, queued: false };
    const call = (): void => fn(...args);
    const arm = (): void => {
      entry.handle = timers.setTimeout(() => {
        if (!live.has(id)) return;
        if (repeat) arm();
        fire(id, entry, call, repeat);
      }, delay);
    };
    live.set(id, entry);
    arm();
    return id;
  }

  function clear(handle: unknown): void {
    const id = Number(handle);
    const entry = live.get(id);
    if (!entry) return;
    timers.clearTimeout(entry.handle);
    live.delete(id);
  }

  return {
    setTimeout: (fn, ms, ...args) => start(fn, ms, args, false),
    setInterval: (fn, ms, ...args) => start(fn, ms, args, true),
    clearTimeout: clear,
    clearInterval: clear,
    clearAll: () => {
      for (const id of [...live.keys()]) clear(id);
    },
    get size() {
      return live.size;
    },
  };
}

/**
 * The clock the shim schedules on (suspend delay, request and handshake timeouts, sandboxed app timers).
 * Structurally the same as the SDK core's `Timers`, so `test/support/manual-timers.ts` fits.
 */
export interface ShimTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now?(): number;
}

/**
 * The host's timers, looked up at call time rather than captured at import, so that Jest fake timers
 * installed after the shim was created (`jest.useFakeTimers()`) still drive it.
 */
export const hostTimers: ShimTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Timers and clock of the host's own globals. Both WeChat and Node provide setTimeout, clearTimeout
 * and Date.now; they are looked up on every call, so a test that installs fake timers after the
 * platform was created still drives it.
 */
import type { Timers } from '../core/platform';

/** Creates Timers backed by the global setTimeout/clearTimeout and Date.now. */
export function createHostTimers(): Timers {
  return {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
}

/** Promise timeouts on the platform's timers (so tests can drive them). */
import { TimeoutError } from '../errors';
import type { Timers } from '../platform';

/** Resolves like `promise`, or rejects with a TimeoutError after `ms`. */
export function withTimeout<T>(timers: Timers, promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        timers.clearTimeout(handle);
        resolve(v);
      },
      (e) => {
        timers.clearTimeout(handle);
        reject(e);
      },
    );
  });
}

/** Driving an app's manual clock while real sockets and the server run on real time. */
import type { ManualTimers } from '../../support/manual-timers';
import { sleep } from './compat-session';

/** Polls `done` in real time until it holds; rejects after `timeoutMs`. */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Advances the app's clock in steps, letting real I/O happen between steps, until `done` holds. Returns
 * the app time that had to pass. Rejects when `maxMs` of app time pass first.
 */
export async function advanceUntil(clock: ManualTimers, done: () => boolean, what: string, options: { stepMs?: number; maxMs?: number } = {}): Promise<number> {
  const step = options.stepMs ?? 500;
  const max = options.maxMs ?? 120_000;
  let passed = 0;
  while (!done()) {
    if (passed >= max) throw new Error(`${what}: not reached after ${max} ms of app time`);
    clock.advance(step);
    passed += step;
    // Several short real pauses: a step may start a request whose answer starts a socket, and so on.
    for (let i = 0; i < 3 && !done(); i++) await sleep(5);
  }
  return passed;
}

/**
 * Runs a fetch-based operation under a deadline: an AbortController cancels the request (and the
 * body transfer) when `ms` pass, and the rejection then says "timed out" instead of a bare AbortError.
 */
import type { TransferSignal } from '../../core/platform';

/**
 * Calls `run` with a signal aborted after `ms`, or when `cancel` (the core's TransferSignal) aborts;
 * the timer is cleared however `run` ends.
 */
export async function withTimeout<T>(what: string, ms: number, run: (signal: AbortSignal) => Promise<T>, cancel?: TransferSignal): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  cancel?.onAbort(() => controller.abort());
  try {
    return await run(controller.signal);
  } catch (err) {
    if (cancel?.aborted) throw new Error(`${what} aborted`);
    if (controller.signal.aborted) throw new Error(`${what} timed out after ${ms} ms`);
    throw transportError(what, err);
  } finally {
    clearTimeout(timer);
  }
}

/** fetch() rejects with "fetch failed" and hides the reason (ECONNREFUSED, …) in `cause`: surface it. */
function transportError(what: string, err: unknown): Error {
  const error = err as Error & { cause?: { message?: string; code?: string } };
  const cause = error?.cause?.code ?? error?.cause?.message;
  const wrapped = new Error(`${what} failed: ${error?.message ?? String(err)}${cause ? ` (${cause})` : ''}`);
  (wrapped as Error & { cause?: unknown }).cause = err;
  return wrapped;
}

/** Exponential backoff with jitter: attempt n waits base·2^n, capped, times a random factor in [0.5, 1). */

/** Backoff settings (milliseconds). */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Delay before reconnect attempt `attempt` (0-based). `random` is in [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: number): number {
  const exp = Math.min(options.maxMs, options.baseMs * Math.pow(2, Math.min(attempt, 30)));
  // Jitter spreads the reconnects of many clients after a server restart.
  return Math.round(exp * (0.5 + random * 0.5));
}

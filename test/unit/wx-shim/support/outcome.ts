/** Turns a wx call with success/fail/complete callbacks into a Promise of which callback ran. */

/** Which callback ran, and with what. */
export interface Outcome<R = Record<string, unknown>> {
  ok: boolean;
  result: R & { errMsg: string };
  /** complete ran too. */
  completed: boolean;
}

/** Calls `start` with callbacks and resolves once `complete` ran. */
export function outcome<R = Record<string, unknown>>(start: (callbacks: {
  success(r: unknown): void;
  fail(r: unknown): void;
  complete(r: unknown): void;
}) => void): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    let ok = false;
    let result: unknown;
    start({
      success: (r) => {
        ok = true;
        result = r;
      },
      fail: (r) => {
        result = r;
      },
      complete: () => resolve({ ok, result: result as R & { errMsg: string }, completed: true }),
    });
  });
}

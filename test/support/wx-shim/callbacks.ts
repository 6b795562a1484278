/**
 * How wx APIs report results: `success`/`fail`/`complete` callbacks, or a Promise when the caller gave
 * none of them (base library ≥ 2.10.2). Every result carries `errMsg` = `<api>:ok` or `<api>:fail …`.
 */

/** What every failing wx call passes to `fail` (and what a rejected Promise carries). */
export interface WxFail {
  errMsg: string;
  errno?: number;
}

/** The callbacks accepted by an asynchronous wx API. */
export interface WxCallbackOptions<R> {
  success?: (result: R) => void;
  fail?: (result: WxFail) => void;
  complete?: (result: R | WxFail) => void;
}

/** Runs app code; the app runtime decides when (suspended apps run nothing) and catches what it throws. */
export type Deliver = (fn: () => void) => void;

/** True when the caller passed none of the three callbacks, so the API returns a Promise instead. */
export function wantsPromise(options: WxCallbackOptions<never> | undefined): boolean {
  return !options || (typeof options.success !== 'function' && typeof options.fail !== 'function' && typeof options.complete !== 'function');
}

/** A fail result `<api>:fail <reason>`. */
export function failure(api: string, reason: string, errno?: number): WxFail {
  return errno === undefined ? { errMsg: `${api}:fail ${reason}` } : { errMsg: `${api}:fail ${reason}`, errno };
}

/** An Error thrown by a *Sync API, carrying `errMsg` like the real one. */
export class WxSyncError extends Error {
  readonly errMsg: string;
  readonly errno?: number;
  constructor(result: WxFail) {
    super(result.errMsg);
    this.name = 'WxSyncError';
    this.errMsg = result.errMsg;
    if (result.errno !== undefined) this.errno = result.errno;
  }
}

/**
 * Settles one call: runs `success` or `fail`, then `complete`, through `deliver` (so never synchronously
 * inside the API call, as in WeChat). Returns the Promise form when the caller asked for it.
 */
export function settle<R extends object>(
  deliver: Deliver,
  options: WxCallbackOptions<R> | undefined,
  outcome: Promise<R>,
): Promise<R> | undefined {
  const promised = wantsPromise(options as WxCallbackOptions<never>);
  const run = outcome.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, result: toFail(error) }),
  );
  if (promised) {
    return run.then((r) => new Promise<R>((resolve, reject) => deliver(() => (r.ok ? resolve(r.result) : reject(r.result)))));
  }
  void run.then((r) => deliver(() => {
    if (r.ok) options?.success?.(r.result);
    else options?.fail?.(r.result);
    options?.complete?.(r.result);
  }));
  return undefined;
}

/** Any thrown value as a fail result (a WxSyncError keeps its errMsg). */
export function toFail(error: unknown): WxFail {
  if (error && typeof error === 'object' && typeof (error as WxFail).errMsg === 'string') {
    const e = error as WxFail;
    return e.errno === undefined ? { errMsg: e.errMsg } : { errMsg: e.errMsg, errno: e.errno };
  }
  return { errMsg: `fail ${error instanceof Error ? error.message : String(error)}` };
}

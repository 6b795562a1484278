/**
 * One callback-style wx network call (request, uploadFile, downloadFile) as a Promise that settles
 * exactly once. WeChat has its own `timeout` option, but a call interrupted by suspension may report
 * late or never, so a guard timer of the same length aborts the task and rejects.
 */
import type { WxFailResult, WxNetworkTask } from './wx-api';
import { wxError } from './wx-error';

/** Starts the call with the given callbacks and returns its task (for abort), if any. */
export type WxTaskStarter<R> = (success: (result: R) => void, fail: (result: WxFailResult) => void) => WxNetworkTask | undefined;

/** Runs a wx network call; `api` names it in error messages, e.g. `request`. */
export function runWxTask<R>(api: string, timeoutMs: number, start: WxTaskStarter<R>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let task: WxNetworkTask | undefined;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(guard);
      return true;
    };
    const guard = setTimeout(() => {
      if (!settle()) return;
      try { task?.abort?.(); } catch { /* already finished */ }
      reject(wxError({ errMsg: `${api}:fail timeout` }, `${api}:fail timeout`));
    }, timeoutMs);
    try {
      task = start(
        (result) => settle() && resolve(result),
        (result) => settle() && reject(wxError(result, `${api}:fail`)),
      );
    } catch (err) {
      if (settle()) reject(wxError(err, `${api}:fail`));
    }
  });
}

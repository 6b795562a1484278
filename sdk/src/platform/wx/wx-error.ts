/** Errors of failed wx calls, keeping WeChat's errMsg (e.g. "request:fail timeout") for diagnostics. */
import type { WxFailResult } from './wx-api';

/** An Error from a wx `fail` callback; `message` and `errMsg` hold WeChat's errMsg. */
export interface WxError extends Error {
  errMsg: string;
  errno?: number;
}

/** Wraps a `fail` result (or anything thrown by a wx call) into a WxError. */
export function wxError(result: Partial<WxFailResult> | unknown, fallback: string): WxError {
  const fail = (result ?? {}) as Partial<WxFailResult> & { message?: string };
  const errMsg = typeof fail.errMsg === 'string' ? fail.errMsg : typeof fail.message === 'string' ? fail.message : fallback;
  const error = new Error(errMsg) as WxError;
  error.name = 'WxError';
  error.errMsg = errMsg;
  if (typeof fail.errno === 'number') error.errno = fail.errno;
  return error;
}

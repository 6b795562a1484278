/** HttpRequest over `wx.request`, returning the body as raw text (the core parses JSON itself). */
import type { HttpRequest, HttpResponse } from '../../core/platform';
import type { WxApi } from './wx-api';
import { runWxTask } from './task';

/**
 * Text of a response body. With `dataType: 'text'` WeChat leaves the body unparsed; anything else
 * (an object from a fake, or an old base library that parsed anyway) is turned back into JSON text.
 */
function bodyText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined || data === null) return '';
  return JSON.stringify(data);
}

/** Performs `req` with `wx.request`; rejects (with WeChat's errMsg) only on transport failures. */
export function wxRequest(wx: Pick<WxApi, 'request'>, req: HttpRequest): Promise<HttpResponse> {
  return runWxTask<{ statusCode: number; data: unknown }>('request', req.timeoutMs, (success, fail) => wx.request({
    url: req.url,
    method: req.method,
    header: req.headers,
    data: req.body,
    // 'json' (the default) would JSON.parse the body and lose 64-bit ids to float rounding.
    dataType: 'text',
    responseType: 'text',
    timeout: req.timeoutMs,
    success,
    fail,
  })).then((res) => ({ status: res.statusCode, body: bodyText(res.data) }));
}

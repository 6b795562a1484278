/**
 * `wx.request`: data on GET becomes a query string, an object body is JSON unless the content type is
 * form-urlencoded, `dataType: 'json'` parses the answer when it is JSON (and leaves the text otherwise),
 * every HTTP status reaches `success`, and failures read `request:fail <reason>`.
 */
import { settle, type Deliver, type WxCallbackOptions } from './callbacks';
import type { HttpTasks } from './http-tasks';

/** `wx.request` options. */
export interface RequestOptions extends WxCallbackOptions<RequestSuccess> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  /** Default 60 000 ms, WeChat's default `networkTimeout`. */
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
}

/** What `success` receives. */
export interface RequestSuccess {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
  cookies: string[];
  errMsg: string;
}

/** `RequestTask`. */
export interface FakeRequestTask {
  abort(): void;
  onHeadersReceived(listener: (r: { header: Record<string, string>; statusCode: number }) => void): void;
  offHeadersReceived(listener?: (r: { header: Record<string, string>; statusCode: number }) => void): void;
}

/** One record per request, for tests. */
export interface RequestRecord {
  method: string;
  url: string;
  header: Record<string, string>;
  body?: string;
}

const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

/** `k=v&…` with each part URI-encoded, as WeChat builds GET queries and form bodies. */
export function toQueryString(data: Record<string, unknown>): string {
  return Object.keys(data)
    .filter((k) => data[k] !== undefined)
    .map((k) => {
      const v = data[k];
      const text = v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
      return `${encodeURIComponent(k)}=${encodeURIComponent(text)}`;
    })
    .join('&');
}

const isArrayBuffer = (v: unknown): v is ArrayBuffer => Object.prototype.toString.call(v) === '[object ArrayBuffer]';

/**
 * Header values as the native side receives them: parameters cross WeChat's JS bridge as JSON, so an
 * `undefined` value disappears and anything else becomes text.
 */
export function bridgeHeaders(header: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header || typeof header !== 'object') return out;
  for (const [k, v] of Object.entries(header as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function') continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Builds `wx.request` over the app's HTTP tasks. */
export function createRequest(tasks: HttpTasks, deliver: Deliver, log: RequestRecord[], makeArrayBuffer: (b: Uint8Array) => ArrayBuffer) {
  return function request(options: RequestOptions): FakeRequestTask {
    const headerListeners = new Set<(r: { header: Record<string, string>; statusCode: number }) => void>();
    const method = String(options?.method ?? 'GET').toUpperCase();
    const header = bridgeHeaders(options?.header);
    if (headerValue(header, 'content-type') === undefined) header['content-type'] = 'application/json';
    let url = String(options?.url ?? '');
    let body: Buffer | undefined;
    const data = options?.data;
    let invalid: string | undefined;
    if (!/^https?:\/\//i.test(url)) invalid = `invalid url "${url}"`;
    else if (!METHODS.includes(method)) invalid = `parameter error: parameter.method should be one of ${METHODS.join(', ')}`;
    else if (data !== undefined && data !== null) {
      if (method === 'GET' || method === 'HEAD') {
        const query = typeof data === 'string' ? data : isArrayBuffer(data) ? '' : toQueryString(data as Record<string, unknown>);
        if (query) url += (url.includes('?') ? (/[?&]$/.test(url) ? '' : '&') : '?') + query;
      } else if (typeof data === 'string') body = Buffer.from(data, 'utf8');
      else if (isArrayBuffer(data)) body = Buffer.from(new Uint8Array(data).slice());
      else if (/x-www-form-urlencoded/i.test(headerValue(header, 'content-type') ?? '')) body = Buffer.from(toQueryString(data as Record<string, unknown>), 'utf8');
      else body = Buffer.from(JSON.stringify(data), 'utf8');
    }
    log.push({ method, url, header: { ...header }, body: body?.toString('utf8') });
    const handle = invalid === undefined
      ? tasks.run({
        api: 'request', method, url, headers: header, body, timeoutMs: options?.timeout ?? 60000,
        onHeaders: (statusCode, h) => {
          for (const l of [...headerListeners]) deliver(() => l({ header: h, statusCode }));
        },
      })
      : { result: Promise.reject({ errMsg: `request:fail ${invalid}` }), abort: () => undefined };
    const outcome = handle.result.then((r): RequestSuccess => {
      let parsed: unknown;
      if (options?.responseType === 'arraybuffer') parsed = makeArrayBuffer(new Uint8Array(r.body));
      else {
        const text = r.body.toString('utf8');
        parsed = text;
        if ((options?.dataType ?? 'json') === 'json') {
          try {
            parsed = JSON.parse(text);
          } catch {
            // WeChat hands over the raw text when the body is not JSON.
          }
        }
      }
      return { statusCode: r.statusCode, data: parsed, header: r.headers, cookies: [], errMsg: 'request:ok' };
    });
    // A wx.request without callbacks still returns its task, not a Promise: give it a no-op success.
    settle(deliver, options && (options.success || options.fail || options.complete) ? options : { success: () => undefined }, outcome);
    return {
      abort: () => handle.abort(),
      onHeadersReceived: (l) => void headerListeners.add(l),
      offHeadersReceived: (l) => (l ? headerListeners.delete(l) : headerListeners.clear()),
    };
  };
}

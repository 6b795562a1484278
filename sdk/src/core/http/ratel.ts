/**
 * The REST ("ratel") client: JSON envelope `{code, message, data}` where only the body's code counts
 * (200 = ok, 402 = token invalid), headers `app_id` and `access-token` on every call.
 */
import { ConnectionError, FlooError, ServerError, TimeoutError, codeFromRest } from '../errors';
import { ErrorCode } from '../error-codes';
import type { HttpRequest, Platform } from '../platform';

/** Settings of a RatelClient. */
export interface RatelOptions {
  appId: string;
  timeoutMs: number;
  /** Returns the current token (empty before login). */
  token(): string;
  /** Called when the server says the token is invalid (code 402). */
  onTokenInvalid?(): void;
}

/** Query parameters: undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** A REST client bound to one base URL (the ratel server of the app's cluster). */
export class RatelClient {
  constructor(private readonly platform: Platform, private base: string, private readonly options: RatelOptions) {}

  /** Points the client at another base URL (after discovery). */
  setBase(base: string): void {
    this.base = base.replace(/\/+$/, '');
  }

  /** GET `path?query`; resolves with the envelope's `data`. */
  get<T>(path: string, query?: Query): Promise<T> {
    return this.call<T>('GET', this.base + path + toQuery(query));
  }

  /** POST JSON to `path`; resolves with the envelope's `data`. */
  post<T>(path: string, body: unknown, query?: Query): Promise<T> {
    return this.call<T>('POST', this.base + path + toQuery(query), body);
  }

  /** Performs one call against an absolute URL (used by discovery). */
  async call<T>(method: HttpRequest['method'], url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { app_id: this.options.appId, 'Content-Type': 'application/json' };
    const token = this.options.token();
    if (token) headers['access-token'] = token;
    const req: HttpRequest = { method, url, headers, timeoutMs: this.options.timeoutMs };
    if (body !== undefined) req.body = JSON.stringify(body);
    let res;
    try {
      res = await this.platform.request(req);
    } catch (err) {
      if (err instanceof FlooError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      if (/time ?out/i.test(message)) throw new TimeoutError(`${method} ${pathOf(url)} timed out`);
      throw new ConnectionError(ErrorCode.ServerNotReachable, `${method} ${pathOf(url)} failed: ${message}`, { cause: err });
    }
    let envelope: { code?: unknown; message?: unknown; data?: unknown };
    try {
      envelope = JSON.parse(res.body);
    } catch {
      throw new ServerError(ErrorCode.ServerResponseInvalid, `${method} ${pathOf(url)}: HTTP ${res.status}, body is not JSON`);
    }
    if (!envelope || typeof envelope !== 'object' || typeof envelope.code !== 'number') {
      throw new ServerError(ErrorCode.ServerResponseInvalid, `${method} ${pathOf(url)}: HTTP ${res.status}, no envelope code`);
    }
    if (envelope.code === 200) return envelope.data as T;
    if (envelope.code === 402 || envelope.code === 401) this.options.onTokenInvalid?.();
    const reason = typeof envelope.message === 'string' ? envelope.message : 'request failed';
    throw new ServerError(codeFromRest(envelope.code), `${method} ${pathOf(url)}: ${reason} (code ${envelope.code})`, { restCode: envelope.code });
  }
}

function toQuery(query?: Query): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) if (v !== undefined) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function pathOf(url: string): string {
  const m = /^[a-z]+:\/\/[^/]+(\/[^?]*)?/i.exec(url);
  return (m && m[1]) || '/';
}

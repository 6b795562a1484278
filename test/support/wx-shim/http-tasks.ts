/**
 * The HTTP engine under `wx.request`, `wx.uploadFile` and `wx.downloadFile` (node:http/https), with
 * WeChat's rules: at most 10 concurrent tasks of each kind (the 11th fails with `exceed max task count`,
 * or waits when the shim is told to queue), nothing while the app is suspended (`fail interrupted`,
 * which is also what tasks still running at suspension get), nothing while offline.
 */
import http from 'node:http';
import https from 'node:https';
import { failure, WxSyncError } from './callbacks';
import type { AppRuntime } from './app-runtime';

/** The three kinds of network task; each has its own concurrency budget. */
export type HttpApi = 'request' | 'uploadFile' | 'downloadFile';

/** What to do with a task over the concurrency limit. */
export type OverflowPolicy = 'fail' | 'queue';

/** WeChat's limit for each of request, uploadFile and downloadFile. */
export const WX_MAX_HTTP_TASKS = 10;

/** One HTTP exchange to perform. */
export interface HttpSpec {
  api: HttpApi;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  onHeaders?(statusCode: number, headers: Record<string, string>): void;
  onUploadProgress?(sent: number, total: number): void;
  onDownloadProgress?(received: number, total: number): void;
}

/** The answer, whatever its status code (WeChat reports 4xx/5xx through `success`). */
export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A task in flight. */
export interface HttpHandle {
  readonly result: Promise<HttpResult>;
  abort(): void;
}

interface Running {
  spec: HttpSpec;
  stop(reason: string): void;
}

const UPLOAD_CHUNK = 64 * 1024;

/** Node error codes as the Chromium-style text WeChat's Android client reports. */
function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED': return 'net::ERR_CONNECTION_REFUSED';
    case 'ECONNRESET': return 'net::ERR_CONNECTION_RESET';
    case 'ENOTFOUND': return 'net::ERR_NAME_NOT_RESOLVED';
    default: return error.message;
  }
}

/** Every HTTP task of one app. */
export class HttpTasks {
  private readonly running = new Map<HttpApi, Set<Running>>();
  private readonly waiting = new Map<HttpApi, Array<{ begin(): void; stop(reason: string): void }>>();
  private readonly agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

  constructor(
    private readonly runtime: AppRuntime,
    private readonly options: { max: number; overflow: OverflowPolicy; allowHost(host: string): boolean },
  ) {
    runtime.onSuspend.add(() => this.stopAll('interrupted'));
    runtime.onOffline.add(() => this.stopAll('net::ERR_INTERNET_DISCONNECTED'));
  }

  /** Number of tasks of `api` in flight. */
  inFlight(api: HttpApi): number {
    return this.running.get(api)?.size ?? 0;
  }

  /** Starts (or queues, or refuses) a task. */
  run(spec: HttpSpec): HttpHandle {
    let stop: (reason: string) => void = () => undefined;
    let aborted = false;
    const result = new Promise<HttpResult>((resolve, reject) => {
      const refuse = (reason: string, errno?: number): void => reject(new WxSyncError(failure(spec.api, reason, errno)));
      let host = '';
      try {
        host = new URL(spec.url).hostname;
      } catch {
        return refuse(`invalid url "${spec.url}"`);
      }
      if (!this.options.allowHost(host)) return refuse('url not in domain list');
      const begin = (): void => {
        if (aborted) return refuse('abort');
        if (this.runtime.suspended) return refuse('interrupted');
        if (!this.runtime.online) return refuse('net::ERR_INTERNET_DISCONNECTED');
        const entry: Running = { spec, stop: (reason) => stop(reason) };
        const set = this.setOf(spec.api);
        set.add(entry);
        const done = (): void => {
          set.delete(entry);
          this.waiting.get(spec.api)?.shift()?.begin();
        };
        stop = this.exchange(spec, (r) => {
          done();
          resolve(r);
        }, (reason) => {
          done();
          refuse(reason);
        });
      };
      if (this.inFlight(spec.api) < this.options.max) begin();
      else if (this.options.overflow === 'queue') {
        const queue = this.waiting.get(spec.api) ?? [];
        this.waiting.set(spec.api, queue);
        const waiter = {
          begin,
          stop: (reason: string) => {
            const i = queue.indexOf(waiter);
            if (i >= 0) queue.splice(i, 1);
            refuse(reason);
          },
        };
        queue.push(waiter);
        stop = waiter.stop;
      } else refuse('exceed max task count', 600007);
    });
    return {
      result,
      abort: () => {
        aborted = true;
        stop('abort');
      },
    };
  }

  /** Ends every running and queued task with `reason`. */
  stopAll(reason: string): void {
    for (const set of this.running.values()) for (const r of [...set]) r.stop(reason);
    for (const queue of this.waiting.values()) for (const w of [...queue]) w.stop(reason);
  }

  /** Releases the HTTP agents. */
  dispose(): void {
    this.stopAll('abort');
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private setOf(api: HttpApi): Set<Running> {
    let set = this.running.get(api);
    if (!set) this.running.set(api, (set = new Set()));
    return set;
  }

  /** Performs the exchange; returns the function that ends it early. */
  private exchange(spec: HttpSpec, ok: (r: HttpResult) => void, fail: (reason: string) => void): (reason: string) => void {
    let settled = false;
    const timers = this.runtime.options.timers;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      fn();
    };
    const url = new URL(spec.url);
    const lib = url.protocol === 'https:' ? https : http;
    // The path exactly as the app wrote it: URL parsing would drop a bare trailing "?".
    let rawPath = spec.url.replace(/^https?:\/\/[^/?#]+/i, '').replace(/#.*$/, '');
    if (!rawPath.startsWith('/')) rawPath = `/${rawPath}`;
    const req = lib.request({
      protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined, path: rawPath,
      method: spec.method, headers: spec.headers, agent: url.protocol === 'https:' ? this.agents.https : this.agents.http,
    }, (res) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      spec.onHeaders?.(res.statusCode ?? 0, headers);
      const total = Number(res.headers['content-length'] ?? 0);
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        received += c.length;
        spec.onDownloadProgress?.(received, total || received);
      });
      res.on('end', () => settle(() => ok({ statusCode: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) })));
      res.on('error', (e) => settle(() => fail(describe(e))));
    });
    req.on('error', (e: NodeJS.ErrnoException) => settle(() => fail(describe(e))));
    const timer = timers.setTimeout(() => {
      settle(() => fail('timeout'));
      req.destroy();
    }, spec.timeoutMs);
    const body = spec.body ?? Buffer.alloc(0);
    if (body.length) req.setHeader('content-length', body.length);
    // Written in chunks so that upload progress has something to report.
    let offset = 0;
    const writeNext = (): void => {
      if (settled) return;
      if (offset >= body.length) {
        req.end();
        return;
      }
      const chunk = body.subarray(offset, offset + UPLOAD_CHUNK);
      offset += chunk.length;
      req.write(chunk, () => {
        spec.onUploadProgress?.(offset, body.length);
        writeNext();
      });
    };
    writeNext();
    return (reason) => settle(() => {
      fail(reason);
      req.destroy();
    });
  }
}

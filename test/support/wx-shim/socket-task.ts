/**
 * `SocketTask` on top of the `ws` package, with WeChat's semantics: `send` takes a string or an
 * ArrayBuffer (a typed-array view is refused, as WeChat wants the buffer itself), binary messages
 * arrive as an ArrayBuffer holding exactly the message bytes, an abnormal end fires `onError` and then
 * `onClose{code 1006}`, and every callback goes through the app runtime (so a suspended app hears
 * nothing until it is shown). Everything sent and received is recorded for inspection.
 */
import WebSocket from 'ws';
import { failure, type Deliver, type WxCallbackOptions, type WxFail } from './callbacks';
import type { ShimTimers } from './timers';
import { bridgeHeaders } from './request-api';

/** Lifecycle of a task, as the shim tracks it (WeChat does not expose it). */
export type SocketState = 'connecting' | 'open' | 'closing' | 'closed';

/** `wx.connectSocket` options. */
export interface ConnectSocketOptions extends WxCallbackOptions<{ errMsg: string }> {
  url: string;
  header?: Record<string, string>;
  protocols?: string[];
  tcpNoDelay?: boolean;
  perMessageDeflate?: boolean;
  /** Handshake timeout in ms. */
  timeout?: number;
}

/** What `onClose` listeners receive. */
export interface SocketCloseResult {
  code: number;
  reason: string;
}

/** Everything the shim knows about one socket, for tests. */
export interface SocketRecord {
  readonly id: number;
  readonly url: string;
  readonly header: Record<string, string>;
  readonly protocols: string[];
  state: SocketState;
  /** Messages the app sent: strings as strings, binary as a copy of the bytes. */
  readonly sent: Array<string | Uint8Array>;
  /** Messages delivered to the app. */
  readonly received: Array<string | Uint8Array>;
  /** Set once the task is closed. */
  closeInfo?: SocketCloseResult;
}

/** What a task needs from its pool. */
export interface SocketEnvironment {
  deliver: Deliver;
  timers: ShimTimers;
  /** Builds the ArrayBuffer handed to `onMessage` (lets a vm sandbox receive buffers of its own realm). */
  makeArrayBuffer(bytes: Uint8Array): ArrayBuffer;
  /** Called once when the task reaches `closed`. */
  released(task: FakeSocketTask): void;
  /** Also notified of this task's events (the legacy global `wx.onSocket*` listeners). */
  globalListeners?: SocketListeners;
}

/** The four listener lists of a task. */
export interface SocketListeners {
  open: Set<(r: { header: Record<string, string> }) => void>;
  message: Set<(r: { data: string | ArrayBuffer }) => void>;
  close: Set<(r: SocketCloseResult) => void>;
  error: Set<(r: { errMsg: string }) => void>;
}

/** Empty listener lists. */
export function newListeners(): SocketListeners {
  return { open: new Set(), message: new Set(), close: new Set(), error: new Set() };
}

const isArrayBuffer = (v: unknown): v is ArrayBuffer => Object.prototype.toString.call(v) === '[object ArrayBuffer]';

/** Names the type of a value the way WeChat's parameter errors do. */
function typeName(v: unknown): string {
  if (v === null) return 'Null';
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return tag || typeof v;
}

/** The task returned by `wx.connectSocket`. */
export class FakeSocketTask {
  readonly record: SocketRecord;
  private readonly listeners = newListeners();
  private ws?: WebSocket;
  private connectTimer: unknown;
  /** Set when the shim kills the socket (suspend, network loss, `killSockets`): the onError text. */
  private killedWith?: string;
  /** The app called close(): no onError for the abort of a handshake it cancelled. */
  private closedByApp = false;
  private lastError?: string;
  private responseHeader: Record<string, string> = {};

  constructor(id: number, options: ConnectSocketOptions, private readonly env: SocketEnvironment) {
    this.record = {
      id, url: options.url, header: bridgeHeaders(options.header), protocols: [...(options.protocols ?? [])],
      state: 'connecting', sent: [], received: [],
    };
  }

  /** Opens the underlying WebSocket. */
  start(options: ConnectSocketOptions): void {
    const ws = new WebSocket(options.url, this.record.protocols, {
      headers: this.record.header,
      perMessageDeflate: options.perMessageDeflate === true,
    });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('upgrade', (res) => {
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) this.responseHeader[k] = Array.isArray(v) ? v.join(', ') : v;
    });
    ws.on('open', () => {
      this.clearConnectTimer();
      if (this.record.state !== 'connecting') return;
      this.record.state = 'open';
      if (options.tcpNoDelay) (ws as unknown as { _socket?: { setNoDelay?(on: boolean): void } })._socket?.setNoDelay?.(true);
      this.emit('open', { header: { ...this.responseHeader } });
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onWsMessage(data, isBinary));
    ws.on('error', (err: Error) => {
      this.lastError = err.message;
    });
    ws.on('close', (code: number, reason: Buffer) => this.finish(code, reason.toString()));
    if (options.timeout !== undefined && options.timeout > 0) {
      this.connectTimer = this.env.timers.setTimeout(() => {
        this.connectTimer = undefined;
        if (this.record.state === 'connecting') this.kill('connectSocket:fail timeout');
      }, options.timeout);
    }
  }

  /** Ends a task that never got a connection (network down, app suspended): onError, then onClose 1006. */
  failAtStart(errMsg: string): void {
    this.killedWith = errMsg;
    void Promise.resolve().then(() => this.finish(1006, ''));
  }

  send(options: { data: string | ArrayBuffer } & WxCallbackOptions<{ errMsg: string }>): void {
    const data: unknown = options?.data;
    let fail: WxFail | undefined;
    if (typeof data !== 'string' && !isArrayBuffer(data)) {
      fail = failure('SocketTask.send', `parameter error: parameter.data should be String/ArrayBuffer instead of ${typeName(data)};`);
    } else if (this.record.state !== 'open' || !this.ws) {
      fail = failure('SocketTask.send', 'SocketTask.readyState is not OPEN');
    }
    if (fail) {
      this.report(options, fail);
      return;
    }
    const payload = typeof data === 'string' ? data : Buffer.from(new Uint8Array(data as ArrayBuffer).slice());
    this.record.sent.push(typeof payload === 'string' ? payload : new Uint8Array(payload));
    this.ws!.send(payload, { binary: typeof payload !== 'string' }, (err) => {
      this.report(options, err ? failure('SocketTask.send', err.message) : { errMsg: 'SocketTask.send:ok' });
    });
  }

  close(options: { code?: number; reason?: string } & WxCallbackOptions<{ errMsg: string }> = {}): void {
    const code = options?.code ?? 1000;
    if (code !== 1000 && !(code >= 3000 && code <= 4999)) {
      this.report(options, failure('SocketTask.close', `The code must be either 1000, or between 3000 and 4999. ${code} is neither.`));
      return;
    }
    if (options?.reason !== undefined && Buffer.byteLength(options.reason) > 123) {
      this.report(options, failure('SocketTask.close', 'The close reason must not be longer than 123 bytes'));
      return;
    }
    if (this.record.state === 'closed' || this.record.state === 'closing') {
      this.report(options, { errMsg: 'SocketTask.close:ok' });
      return;
    }
    this.closedByApp = true;
    this.record.state = 'closing';
    this.clearConnectTimer();
    this.ws?.close(code, options?.reason);
    this.report(options, { errMsg: 'SocketTask.close:ok' });
  }

  onOpen(listener: (r: { header: Record<string, string> }) => void): void {
    this.listeners.open.add(listener);
  }

  onMessage(listener: (r: { data: string | ArrayBuffer }) => void): void {
    this.listeners.message.add(listener);
  }

  onClose(listener: (r: SocketCloseResult) => void): void {
    this.listeners.close.add(listener);
  }

  onError(listener: (r: { errMsg: string }) => void): void {
    this.listeners.error.add(listener);
  }

  /** Drops the connection without a closing handshake (the peer sees 1006): onError, then onClose 1006. */
  kill(errMsg: string): void {
    if (this.record.state === 'closed' || this.killedWith) return;
    this.killedWith = errMsg;
    this.clearConnectTimer();
    if (this.ws) this.ws.terminate();
    else void Promise.resolve().then(() => this.finish(1006, ''));
  }

  /**
   * The app loses the socket but the peer is told nothing, as when a suspended phone's radio goes quiet:
   * the app gets onError + onClose 1006, while the TCP connection stays up and stops reading, so the
   * peer's pings go unanswered until it gives up. Returns false when there was no open connection to
   * leave half-open (then the task is simply killed).
   */
  abandon(errMsg: string): boolean {
    if (this.record.state === 'closed' || this.killedWith) return false;
    const raw = (this.ws as unknown as { _socket?: { pause(): void } } | undefined)?._socket;
    if (this.record.state !== 'open' || !raw) {
      this.kill(errMsg);
      return false;
    }
    this.killedWith = errMsg;
    raw.pause();
    this.finish(1006, '');
    return true;
  }

  /** Ends the TCP connection of an abandoned task for good (shim disposed). */
  destroy(): void {
    this.ws?.terminate();
  }

  private onWsMessage(data: Buffer, isBinary: boolean): void {
    if (this.record.state !== 'open' && this.record.state !== 'closing') return;
    if (this.killedWith) return;
    if (isBinary) {
      // A copy of exactly the message bytes: never the pooled buffer `ws` reads into.
      const bytes = new Uint8Array(data.byteLength);
      bytes.set(data);
      this.record.received.push(bytes);
      this.emit('message', { data: this.env.makeArrayBuffer(bytes) });
    } else {
      const text = data.toString('utf8');
      this.record.received.push(text);
      this.emit('message', { data: text });
    }
  }

  private finish(code: number, reason: string): void {
    if (this.record.state === 'closed') return;
    this.clearConnectTimer();
    this.record.state = 'closed';
    const killed = this.killedWith !== undefined;
    const closeInfo: SocketCloseResult = killed ? { code: 1006, reason: 'abnormal closure' } : { code, reason };
    this.record.closeInfo = closeInfo;
    this.env.released(this);
    const errMsg = this.killedWith ?? (code === 1006 && !this.closedByApp ? this.lastError ?? 'abnormal closure' : undefined);
    if (errMsg !== undefined) this.emit('error', { errMsg });
    this.emit('close', closeInfo);
  }

  private emit(kind: keyof SocketListeners, result: object): void {
    const own = [...this.listeners[kind]] as Array<(r: object) => void>;
    const global = [...(this.env.globalListeners?.[kind] ?? [])] as Array<(r: object) => void>;
    for (const l of [...own, ...global]) this.env.deliver(() => l(result));
  }

  private report(options: WxCallbackOptions<{ errMsg: string }> | undefined, result: { errMsg: string } | WxFail): void {
    const ok = !/:fail/.test(result.errMsg);
    // Never inside the call itself: WeChat answers asynchronously.
    void Promise.resolve().then(() => this.env.deliver(() => {
      if (ok) options?.success?.(result);
      else options?.fail?.(result);
      options?.complete?.(result);
    }));
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) this.env.timers.clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }
}

/**
 * `wx.connectSocket` with WeChat's cap of 5 concurrent sockets, the legacy global `wx.onSocket*` /
 * `sendSocketMessage` / `closeSocket` forms (they act on the most recently created socket), and the
 * shim's view of every socket for tests.
 */
import { failure, type Deliver, type WxCallbackOptions } from './callbacks';
import { FakeSocketTask, newListeners, type ConnectSocketOptions, type SocketCloseResult, type SocketRecord } from './socket-task';
import type { AppRuntime } from './app-runtime';

/** WeChat allows at most 5 WebSockets at once (base library ≥ 1.7.0). */
export const WX_MAX_SOCKETS = 5;

/** The socket part of the fake `wx`. */
export interface WxSocketApi {
  connectSocket(options: ConnectSocketOptions): FakeSocketTask;
  onSocketOpen(listener: (r: { header: Record<string, string> }) => void): void;
  onSocketMessage(listener: (r: { data: string | ArrayBuffer }) => void): void;
  onSocketClose(listener: (r: SocketCloseResult) => void): void;
  onSocketError(listener: (r: { errMsg: string }) => void): void;
  sendSocketMessage(options: { data: string | ArrayBuffer } & WxCallbackOptions<{ errMsg: string }>): void;
  closeSocket(options?: { code?: number; reason?: string } & WxCallbackOptions<{ errMsg: string }>): void;
}

/** Settings of the pool. */
/** How sockets die when the app is suspended or the network goes: with a reset the server sees, or half-open. */
export type SocketDeath = 'reset' | 'half-open';

export interface SocketPoolOptions {
  maxSockets: number;
  socketDeath: SocketDeath;
  allowHost(host: string): boolean;
  makeArrayBuffer(bytes: Uint8Array): ArrayBuffer;
}

/** Every socket of one app. */
export class SocketPool {
  private readonly live = new Set<FakeSocketTask>();
  /** Abandoned (half-open) connections, ended for good on dispose. */
  private readonly zombies = new Set<FakeSocketTask>();
  private readonly all: FakeSocketTask[] = [];
  private readonly globalListeners = newListeners();
  private latest?: FakeSocketTask;
  private seq = 0;

  constructor(private readonly runtime: AppRuntime, private readonly options: SocketPoolOptions) {
    runtime.onSuspend.add(() => this.killAll('interrupted', options.socketDeath === 'half-open'));
    runtime.onOffline.add(() => this.killAll('net::ERR_INTERNET_DISCONNECTED', options.socketDeath === 'half-open'));
  }

  /** The socket functions of `wx`. */
  api(): WxSocketApi {
    const deliver: Deliver = this.runtime.deliver;
    const onLatest = (api: string, options: WxCallbackOptions<{ errMsg: string }> | undefined, act: (t: FakeSocketTask) => void): void => {
      const t = this.latest;
      if (t && t.record.state !== 'closed') {
        act(t);
        return;
      }
      const fail = failure(api, 'WebSocket is not connected');
      void Promise.resolve().then(() => deliver(() => {
        options?.fail?.(fail);
        options?.complete?.(fail);
      }));
    };
    return {
      connectSocket: (o) => this.connect(o),
      onSocketOpen: (l) => void this.globalListeners.open.add(l),
      onSocketMessage: (l) => void this.globalListeners.message.add(l),
      onSocketClose: (l) => void this.globalListeners.close.add(l),
      onSocketError: (l) => void this.globalListeners.error.add(l),
      sendSocketMessage: (o) => onLatest('sendSocketMessage', o, (t) => t.send(o)),
      closeSocket: (o) => onLatest('closeSocket', o, (t) => t.close(o ?? {})),
    };
  }

  /** Records of every socket ever created, oldest first. */
  records(): SocketRecord[] {
    return this.all.map((t) => t.record);
  }

  /** Sockets not yet closed. */
  openCount(): number {
    return this.live.size;
  }

  /**
   * Drops every live socket; returns how many. The app sees onError + onClose 1006 either way; the
   * server sees an abrupt close, or with `halfOpen` nothing at all (its pings go unanswered).
   */
  killAll(reason = 'killed by test', halfOpen = false): number {
    const victims = [...this.live];
    for (const t of victims) {
      if (halfOpen && t.abandon(reason)) this.zombies.add(t);
      else if (!halfOpen) t.kill(reason);
    }
    return victims.length;
  }

  /** Ends every connection, half-open ones included. */
  dispose(): void {
    this.killAll('disposed');
    for (const t of this.zombies) t.destroy();
    this.zombies.clear();
  }

  /** Ends the half-open connections now (the server then sees them close); returns how many. */
  endHalfOpen(): number {
    const n = this.zombies.size;
    for (const t of this.zombies) t.destroy();
    this.zombies.clear();
    return n;
  }

  private connect(options: ConnectSocketOptions): FakeSocketTask {
    const id = ++this.seq;
    const deliver = this.runtime.deliver;
    const task = new FakeSocketTask(id, options ?? ({} as ConnectSocketOptions), {
      deliver,
      timers: this.runtime.options.timers,
      makeArrayBuffer: this.options.makeArrayBuffer,
      released: (t) => this.live.delete(t),
      globalListeners: this.globalListeners,
    });
    const answer = (result: { errMsg: string; errno?: number }, ok: boolean): void => {
      void Promise.resolve().then(() => deliver(() => {
        if (ok) options?.success?.(result);
        else options?.fail?.(result);
        options?.complete?.(result);
      }));
    };
    const url = options?.url;
    if (typeof url !== 'string' || !/^wss?:\/\/[^/?#]+/i.test(url)) {
      task.record.state = 'closed';
      answer(failure('connectSocket', `invalid url "${String(url)}"`), false);
      return task;
    }
    if (!this.options.allowHost(new URL(url).hostname)) {
      task.record.state = 'closed';
      answer(failure('connectSocket', 'url not in domain list'), false);
      return task;
    }
    if (this.live.size >= this.options.maxSockets) {
      // WeChat still hands back a task object; it never opens.
      task.record.state = 'closed';
      answer(failure('connectSocket', 'exceed max task count', 600007), false);
      return task;
    }
    this.all.push(task);
    this.live.add(task);
    this.latest = task;
    answer({ errMsg: 'connectSocket:ok' }, true);
    if (this.runtime.suspended) task.failAtStart('interrupted');
    else if (!this.runtime.online) task.failAtStart('net::ERR_INTERNET_DISCONNECTED');
    else task.start(options);
    return task;
  }
}

/**
 * A scriptable fake `wx` for the adapter's unit tests: SocketTasks that record what they are given
 * and let the test fire their events, network calls the test answers by hand, lifecycle hooks, and
 * the fake storage. Not a simulation of WeChat; the shared shim in test/support/wx-shim is that.
 */
import type { WxApi, WxFailResult, WxSocketTask } from '../../../sdk/src/platform/wx';
import { createFakeWxStorage, type FakeWxStorageOptions } from './fake-wx-storage';

type Listener<A> = (arg: A) => void;

/** A SocketTask whose events the test fires. */
export class FakeSocketTask implements WxSocketTask {
  /** Every `send` argument, as given. */
  readonly sent: Array<{ data: unknown }> = [];
  /** Every `close` argument. */
  readonly closes: Array<{ code?: number; reason?: string }> = [];
  /** When set, `send` calls `fail` with this errMsg. */
  sendFails?: string;
  private readonly listeners = { open: [] as Listener<unknown>[], message: [] as Listener<{ data: string | ArrayBuffer }>[], close: [] as Listener<{ code?: number; reason?: string }>[], error: [] as Listener<{ errMsg?: string }>[] };

  constructor(readonly options: Parameters<WxApi['connectSocket']>[0]) {}

  send(o: { data: string | ArrayBuffer; fail?(r: WxFailResult): void }): void {
    this.sent.push({ data: o.data });
    if (this.sendFails) o.fail?.({ errMsg: this.sendFails });
  }
  close(o: { code?: number; reason?: string; fail?(r: WxFailResult): void }): void {
    this.closes.push({ code: o.code, reason: o.reason });
    // WeChat refuses codes other than 1000 and 3000–4999.
    if (o.code !== undefined && o.code !== 1000 && (o.code < 3000 || o.code > 4999)) o.fail?.({ errMsg: 'SocketTask.close:fail invalid code' });
  }
  onOpen(l: Listener<unknown>): void { this.listeners.open.push(l); }
  onMessage(l: Listener<{ data: string | ArrayBuffer }>): void { this.listeners.message.push(l); }
  onClose(l: Listener<{ code?: number; reason?: string }>): void { this.listeners.close.push(l); }
  onError(l: Listener<{ errMsg?: string }>): void { this.listeners.error.push(l); }

  /** How many listeners of each kind are bound. */
  listenerCounts(): Record<'open' | 'message' | 'close' | 'error', number> {
    const l = this.listeners;
    return { open: l.open.length, message: l.message.length, close: l.close.length, error: l.error.length };
  }
  emitOpen(): void { this.listeners.open.forEach((l) => l({})); }
  emitMessage(data: string | ArrayBuffer): void { this.listeners.message.forEach((l) => l({ data })); }
  emitClose(code?: number, reason?: string): void { this.listeners.close.forEach((l) => l({ code, reason })); }
  emitError(errMsg: string): void { this.listeners.error.forEach((l) => l({ errMsg })); }
}

/** One recorded request/uploadFile/downloadFile call; the test answers through `options`. */
export interface FakeCall<O> {
  options: O;
  aborted: boolean;
  progress: Array<(p: Record<string, number>) => void>;
}

/** How `connectSocket` behaves. */
export type ConnectMode = 'ok' | 'fail' | 'throw' | 'no-task';

/** A fake `wx` plus the handles tests use to drive it. */
export type FakeWx = Required<WxApi> & {
  sockets: FakeSocketTask[];
  connectMode: ConnectMode;
  requests: FakeCall<Parameters<WxApi['request']>[0]>[];
  uploads: FakeCall<Parameters<Required<WxApi>['uploadFile']>[0]>[];
  downloads: FakeCall<Parameters<Required<WxApi>['downloadFile']>[0]>[];
  emit(event: 'appShow' | 'appHide' | 'network', arg?: unknown): void;
  listenerCount(event: 'appShow' | 'appHide' | 'network'): number;
};

/** Creates a fake `wx`. */
export function createFakeWx(storage: FakeWxStorageOptions = {}): FakeWx {
  const hooks = { appShow: new Set<Listener<unknown>>(), appHide: new Set<Listener<unknown>>(), network: new Set<Listener<never>>() };
  const record = <O>(list: FakeCall<O>[], options: O) => {
    const call: FakeCall<O> = { options, aborted: false, progress: [] };
    list.push(call);
    return { abort: () => { call.aborted = true; }, onProgressUpdate: (l: (p: never) => void) => call.progress.push(l as never) };
  };
  const fake: FakeWx = {
    ...createFakeWxStorage(storage),
    sockets: [],
    connectMode: 'ok',
    requests: [],
    uploads: [],
    downloads: [],
    connectSocket(options) {
      if (fake.connectMode === 'throw') throw new Error('connectSocket:fail exceed max task count');
      if (fake.connectMode === 'no-task') return undefined;
      const task = new FakeSocketTask(options);
      fake.sockets.push(task);
      if (fake.connectMode === 'fail') options.fail?.({ errMsg: 'connectSocket:fail runningState=suspend' });
      return task;
    },
    request: (options) => record(fake.requests, options),
    uploadFile: (options) => record(fake.uploads, options),
    downloadFile: (options) => record(fake.downloads, options),
    onAppShow: (l) => void hooks.appShow.add(l),
    offAppShow: (l) => void hooks.appShow.delete(l),
    onAppHide: (l) => void hooks.appHide.add(l),
    offAppHide: (l) => void hooks.appHide.delete(l),
    onNetworkStatusChange: (l) => void hooks.network.add(l as Listener<never>),
    offNetworkStatusChange: (l) => void hooks.network.delete(l as Listener<never>),
    emit: (event, arg) => hooks[event].forEach((l) => (l as Listener<unknown>)(arg)),
    listenerCount: (event) => hooks[event].size,
  };
  return fake;
}

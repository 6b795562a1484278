/** Listens to a SocketTask and lets a test await its events in order. */
import type { FakeSocketTask } from '../../../support/wx-shim';

/** One event a task fired. */
export type ProbeEvent =
  | { kind: 'open' }
  | { kind: 'message'; data: string | ArrayBuffer }
  | { kind: 'error'; errMsg: string }
  | { kind: 'close'; code: number; reason: string };

/** Records every event of a task. */
export class SocketProbe {
  readonly events: ProbeEvent[] = [];
  private waiters: Array<{ kind: ProbeEvent['kind']; from: number; resolve(e: ProbeEvent): void }> = [];

  constructor(readonly task: FakeSocketTask) {
    task.onOpen(() => this.push({ kind: 'open' }));
    task.onMessage((r) => this.push({ kind: 'message', data: r.data }));
    task.onError((r) => this.push({ kind: 'error', errMsg: r.errMsg }));
    task.onClose((r) => this.push({ kind: 'close', code: r.code, reason: r.reason }));
  }

  /** Kinds seen so far, in order. */
  get kinds(): string[] {
    return this.events.map((e) => e.kind);
  }

  /** The next event of `kind` after the first `from` events (default: any already seen counts). */
  next<K extends ProbeEvent['kind']>(kind: K, from = 0, timeoutMs = 3000): Promise<Extract<ProbeEvent, { kind: K }>> {
    const found = this.events.slice(from).find((e) => e.kind === kind);
    if (found) return Promise.resolve(found as Extract<ProbeEvent, { kind: K }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${kind} event within ${timeoutMs} ms (seen ${this.kinds.join(',')})`)), timeoutMs);
      this.waiters.push({ kind, from, resolve: (e) => {
        clearTimeout(timer);
        resolve(e as Extract<ProbeEvent, { kind: K }>);
      } });
    });
  }

  private push(e: ProbeEvent): void {
    this.events.push(e);
    const index = this.events.length - 1;
    for (const w of [...this.waiters]) {
      if (w.kind === e.kind && index >= w.from) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  }
}

/** Records the events an SDK fires and lets a test wait for them instead of sleeping. */

/** One recorded event. */
export interface LoggedEvent {
  name: string;
  /** A deep copy taken when the event fired. */
  payload: unknown;
  /** The object the SDK passed (it may have changed since). */
  raw: unknown;
}

interface Waiter {
  name: string;
  match(payload: unknown): boolean;
  resolve(payload: unknown): void;
}

/** An append-only event log with waiting. */
export class EventLog {
  readonly entries: LoggedEvent[] = [];
  private waiters: Waiter[] = [];

  /** A handler that records `name`. The payload is deep-copied: the SDKs mutate their objects later. */
  recorder(name: string): (payload: unknown) => void {
    return (payload) => this.add(name, payload);
  }

  add(name: string, payload: unknown): void {
    const copy = deepCopy(payload, new WeakSet());
    this.entries.push({ name, payload: copy, raw: payload });
    for (const w of [...this.waiters]) {
      if (w.name === name && w.match(copy)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(copy);
      }
    }
  }

  /** Payloads of `name` matching `match`, in order. */
  all<T = Record<string, unknown>>(name: string, match: (p: T) => boolean = () => true): T[] {
    return this.entries.filter((e) => e.name === name && match(e.payload as T)).map((e) => e.payload as T);
  }

  /** The first (already recorded or future) event `name` matching `match`. */
  waitFor<T = Record<string, unknown>>(name: string, match: (p: T) => boolean = () => true, timeoutMs = 10000): Promise<T> {
    const found = this.entries.find((e) => e.name === name && match(e.payload as T));
    if (found) return Promise.resolve(found.payload as T);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        name,
        match: (p) => match(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = [...new Set(this.entries.map((e) => e.name))].join(', ');
        reject(new Error(`no "${name}" event within ${timeoutMs} ms (seen: ${seen})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits until `count` events `name` matching `match` were recorded. */
  async waitForCount<T = Record<string, unknown>>(name: string, count: number, match: (p: T) => boolean = () => true, timeoutMs = 10000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.all<T>(name, match);
      if (got.length >= count) return got;
      if (Date.now() > deadline) throw new Error(`only ${got.length} of ${count} "${name}" events within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * A plain deep copy. Not JSON.stringify: raw notice metas hold the bundle's protobufjs Long objects,
 * whose `toJSON` fails outside their realm; a Long is copied as `{low, high, unsigned}` (see idString).
 */
function deepCopy(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (seen.has(value)) return undefined;
  seen.add(value);
  const o = value as Record<string, unknown>;
  if (typeof o.low === 'number' && typeof o.high === 'number') return { low: o.low, high: o.high, unsigned: !!o.unsigned };
  if (Array.isArray(value)) return value.map((v) => deepCopy(v, seen));
  if (value instanceof Uint8Array) return Array.from(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const v = deepCopy(o[key], seen);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * wx storage: JSON-serialised values with WeChat's limits, 1 MB per key and 10 MB in total. The size of
 * an entry is the UTF-8 length of its key plus its serialised value, as the WeChat client counts it.
 * Error texts are those of the WeChat client (`fail:entry size limit reached`, `fail:quota reached`).
 *
 * A `WxStorageArea` can outlive a shim: pass the same area to a new shim to model an app restart that
 * finds the previous run's storage.
 */
import { failure, WxSyncError, type WxFail } from './callbacks';

/** Storage limits in bytes. */
export interface StorageLimits {
  perKey: number;
  total: number;
}

/** WeChat's limits: 1 MB per key, 10 MB per mini-program and user. */
export const WX_STORAGE_LIMITS: StorageLimits = { perKey: 1024 * 1024, total: 10 * 1024 * 1024 };

/** What `getStorageInfo` reports; sizes in KB as WeChat does. */
export interface StorageInfo {
  keys: string[];
  currentSize: number;
  limitSize: number;
}

interface Entry {
  /** The serialised value: JSON, with a tag for the two types JSON would lose (Date, undefined). */
  text: string;
  bytes: number;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function serialise(api: string, value: unknown): string {
  if (value === undefined) return 'u';
  if (isDate(value)) return `d${(value as Date).getTime()}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new WxSyncError(failure(api, `data is not serializable: ${(error as Error).message}`));
  }
  if (json === undefined) throw new WxSyncError(failure(api, 'data is not serializable'));
  return `j${json}`;
}

function deserialise(text: string): unknown {
  if (text === 'u') return undefined;
  if (text[0] === 'd') return new Date(Number(text.slice(1)));
  return JSON.parse(text.slice(1));
}

/** One app's (or one user's) persistent key/value storage. */
export class WxStorageArea {
  private entries = new Map<string, Entry>();
  private used = 0;

  constructor(readonly limits: StorageLimits = WX_STORAGE_LIMITS) {}

  /** Stores a value; throws a WxSyncError (`<api>:fail …`) when a limit would be exceeded. */
  set(api: string, key: unknown, value: unknown): void {
    const k = this.checkKey(api, key);
    const text = serialise(api, value);
    // The tag byte is ours, not WeChat's: it does not count.
    const bytes = utf8(k) + utf8(text) - 1;
    if (bytes > this.limits.perKey) throw new WxSyncError({ errMsg: `${api}:fail:entry size limit reached` });
    const previous = this.entries.get(k)?.bytes ?? 0;
    if (this.used - previous + bytes > this.limits.total) throw new WxSyncError({ errMsg: `${api}:fail:quota reached` });
    this.entries.set(k, { text, bytes });
    this.used += bytes - previous;
  }

  /** The stored value, or `notFound` when the key is absent. */
  get<T>(api: string, key: unknown, notFound: T): unknown {
    const entry = this.entries.get(this.checkKey(api, key));
    return entry ? deserialise(entry.text) : notFound;
  }

  /** True when the key holds a value. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  remove(api: string, key: unknown): void {
    const k = this.checkKey(api, key);
    const entry = this.entries.get(k);
    if (!entry) return;
    this.used -= entry.bytes;
    this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  /** Keys, current size and limit, in KB (rounded up) as `getStorageInfo` reports them. */
  info(): StorageInfo {
    return { keys: [...this.entries.keys()], currentSize: Math.ceil(this.used / 1024), limitSize: Math.floor(this.limits.total / 1024) };
  }

  /** Exact usage for tests. */
  usage(): { bytes: number; keys: number } {
    return { bytes: this.used, keys: this.entries.size };
  }

  /** A deep copy of every value, for inspection. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, e] of this.entries) out[k] = deserialise(e.text);
    return out;
  }

  private checkKey(api: string, key: unknown): string {
    if (typeof key !== 'string' || key === '') {
      const fail: WxFail = failure(api, `parameter error: parameter.key should be a non-empty String instead of ${key === '' ? 'empty String' : typeof key};`);
      throw new WxSyncError(fail);
    }
    return key;
  }
}

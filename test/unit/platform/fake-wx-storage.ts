/**
 * WeChat's asynchronous storage with calls that overtake each other. The shared shim
 * (test/support/wx-shim) applies every call at once, in call order; this fake makes each call complete
 * after its own delay and take effect only then, as calls in flight may on a device, so an adapter
 * that does not chain its writes loses the last one. Sizes and errMsgs follow the shim: an entry is
 * its UTF-8 key plus its JSON-serialised value, 1 MB per entry, 10 MB in total.
 */
import type { WxApi, WxFailResult } from '../../../sdk/src/platform/wx';

const MB = 1024 * 1024;

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Options of the fake storage. */
export interface FakeWxStorageOptions {
  maxValueBytes?: number;
  maxTotalBytes?: number;
  /** Completion delay of the n-th call, in ms (default: cycles 3, 0, 2, 1 so calls overtake each other). */
  latency?: (n: number) => number;
}

/** The storage members of a fake `wx`, plus the data it holds. */
export type FakeWxStorage = Pick<WxApi, 'getStorage' | 'setStorage' | 'removeStorage' | 'getStorageInfo'> & {
  readonly data: Map<string, unknown>;
};

/** Creates an empty fake storage. */
export function createFakeWxStorage(options: FakeWxStorageOptions = {}): FakeWxStorage {
  const maxValue = options.maxValueBytes ?? MB;
  const maxTotal = options.maxTotalBytes ?? 10 * MB;
  const latency = options.latency ?? ((n: number) => [3, 0, 2, 1][n % 4]);
  const data = new Map<string, unknown>();
  let calls = 0;
  const size = (key: string, value: unknown): number => utf8Bytes(key) + utf8Bytes(JSON.stringify(value));
  const total = (): number => Array.from(data, ([k, v]) => size(k, v)).reduce((a, b) => a + b, 0);
  const later = <R>(work: () => R | WxFailResult, success?: (r: R) => void, fail?: (r: WxFailResult) => void): void => {
    setTimeout(() => {
      const result = work();
      if (result && typeof result === 'object' && 'errMsg' in result && /:fail/.test(String(result.errMsg))) fail?.(result as WxFailResult);
      else success?.(result as R);
    }, latency(calls++));
  };
  return {
    data,
    getStorage({ key, success, fail }) {
      later(() => (data.has(key) ? { data: data.get(key) } : { errMsg: 'getStorage:fail data not found' }), success, fail);
    },
    setStorage({ key, data: value, success, fail }) {
      later(() => {
        if (size(key, value) > maxValue) return { errMsg: 'setStorage:fail:entry size limit reached' };
        const previous = data.has(key) ? size(key, data.get(key)) : 0;
        if (total() - previous + size(key, value) > maxTotal) return { errMsg: 'setStorage:fail:quota reached' };
        data.set(key, value);
        return { errMsg: 'setStorage:ok' };
      }, success, fail);
    },
    removeStorage({ key, success, fail }) {
      later(() => {
        data.delete(key);
        return { errMsg: 'removeStorage:ok' };
      }, success, fail);
    },
    getStorageInfo({ success, fail }) {
      later(() => ({ keys: Array.from(data.keys()), currentSize: Math.ceil(total() / 1024), limitSize: maxTotal / 1024 }), success, fail);
    },
  };
}

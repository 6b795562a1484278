/**
 * KeyValueStorage over WeChat's asynchronous storage API. The async forms keep launch fast (the docs
 * warn that heavy synchronous storage use slows startup), but two calls in flight may complete in any
 * order, so every write is chained per key. WeChat allows 1 MB per entry and 10 MB per mini-program,
 * counting the key plus the value serialised as JSON; the adapter declares both limits and sizes
 * entries the same way (`entryBytes`).
 */
import { utf8Length } from '../../core/util/utf8';
import { createKeyedQueue } from '../keyed-queue';
import { checkEntrySize, type SizedKeyValueStorage, type StorageLimits } from '../storage-limits';
import type { WxApi, WxCallbacks } from './wx-api';
import { wxError } from './wx-error';

/** WeChat's per-entry limit (1 MB). */
export const WX_MAX_VALUE_BYTES = 1024 * 1024;
/** WeChat's limit per user and mini-program (10 MB). */
export const WX_MAX_TOTAL_BYTES = 10 * 1024 * 1024;

/**
 * Bytes WeChat counts for `key` holding the string `value`: the UTF-8 key plus the UTF-8 of the value
 * serialised as JSON. The two enclosing quotes count, and every `"` or `\` costs a byte more
 * (escaped), so JSON text stored as a string grows by one byte per quote it contains.
 */
export function wxEntryBytes(key: string, value: string): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

type WxStorageApi = Pick<WxApi, 'getStorage' | 'setStorage' | 'removeStorage' | 'getStorageInfo'>;

/** Calls one callback-style storage API as a Promise. */
function call<R>(api: string, start: (callbacks: Required<WxCallbacks<R>>) => void): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    try {
      start({ success: resolve, fail: (res) => reject(wxError(res, `${api}:fail`)) });
    } catch (err) {
      reject(wxError(err, `${api}:fail`));
    }
  });
}

/**
 * Creates the storage. `limits` overrides the declared quotas (e.g. 0.7 MB / 7.1 MB for an app that
 * turned on `encrypt`); an entry over `maxValueBytes` is rejected before WeChat is asked, and a write
 * WeChat refuses (total quota) rejects with its errMsg.
 */
export function createWxStorage(wx: WxStorageApi, limits: StorageLimits = {}): SizedKeyValueStorage {
  const maxValueBytes = limits.maxValueBytes ?? WX_MAX_VALUE_BYTES;
  const queue = createKeyedQueue();
  return {
    maxValueBytes,
    maxTotalBytes: limits.maxTotalBytes ?? WX_MAX_TOTAL_BYTES,
    entryBytes: wxEntryBytes,
    get(key) {
      return queue.read(key, () => new Promise<string | undefined>((resolve, reject) => {
        try {
          wx.getStorage({
            key,
            success: (res) => resolve(typeof res.data === 'string' ? res.data : res.data === undefined ? undefined : JSON.stringify(res.data)),
            // A missing key is a failure in WeChat ("getStorage:fail data not found"), not an empty result.
            fail: (res) => (/not found/i.test(res?.errMsg ?? '') ? resolve(undefined) : reject(wxError(res, 'getStorage:fail'))),
          });
        } catch (err) {
          reject(wxError(err, 'getStorage:fail'));
        }
      }));
    },
    set(key, value) {
      const tooLarge = checkEntrySize(key, wxEntryBytes(key, value), maxValueBytes);
      if (tooLarge) return Promise.reject(tooLarge);
      return queue.write(key, () => call<unknown>('setStorage', (cb) => wx.setStorage({ key, data: value, ...cb })).then(() => undefined));
    },
    remove(key) {
      return queue.write(key, () => call<unknown>('removeStorage', (cb) => wx.removeStorage({ key, ...cb })).then(() => undefined));
    },
    async keys(prefix = '') {
      await queue.settled();
      const info = await call<{ keys: string[] }>('getStorageInfo', (cb) => wx.getStorageInfo(cb));
      return info.keys.filter((key) => key.startsWith(prefix));
    },
  };
}

/** The wx storage functions, sync and async, over a `WxStorageArea`. */
import { failure, settle, WxSyncError, type Deliver, type WxCallbackOptions } from './callbacks';
import type { StorageInfo, WxStorageArea } from './storage';

/** The storage part of the fake `wx`. */
export interface WxStorageApi {
  setStorageSync(key: string, data: unknown): void;
  getStorageSync(key: string): unknown;
  removeStorageSync(key: string): void;
  clearStorageSync(): void;
  getStorageInfoSync(): StorageInfo;
  setStorage(options: { key: string; data: unknown } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  getStorage(options: { key: string } & WxCallbackOptions<{ data: unknown; errMsg: string }>): Promise<{ data: unknown; errMsg: string }> | undefined;
  removeStorage(options: { key: string } & WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  clearStorage(options?: WxCallbackOptions<{ errMsg: string }>): Promise<{ errMsg: string }> | undefined;
  getStorageInfo(options?: WxCallbackOptions<StorageInfo & { errMsg: string }>): Promise<StorageInfo & { errMsg: string }> | undefined;
}

/** Marks a missing key in `getStorage` (the sync form returns '' instead). */
const MISSING = Symbol('missing');

/** Builds the storage functions. Async forms do their work at once and report through `deliver`. */
export function createStorageApi(area: WxStorageArea, deliver: Deliver): WxStorageApi {
  const attempt = <R>(fn: () => R): Promise<R> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    setStorageSync: (key, data) => area.set('setStorageSync', key, data),
    getStorageSync: (key) => area.get('getStorageSync', key, ''),
    removeStorageSync: (key) => area.remove('removeStorageSync', key),
    clearStorageSync: () => area.clear(),
    getStorageInfoSync: () => area.info(),
    setStorage: (o) => settle(deliver, o, attempt(() => {
      area.set('setStorage', o?.key, o?.data);
      return { errMsg: 'setStorage:ok' };
    })),
    getStorage: (o) => settle(deliver, o, attempt(() => {
      const data = area.get('getStorage', o?.key, MISSING);
      if (data === MISSING) throw new WxSyncError(failure('getStorage', 'data not found'));
      return { data, errMsg: 'getStorage:ok' };
    })),
    removeStorage: (o) => settle(deliver, o, attempt(() => {
      area.remove('removeStorage', o?.key);
      return { errMsg: 'removeStorage:ok' };
    })),
    clearStorage: (o) => settle(deliver, o, attempt(() => {
      area.clear();
      return { errMsg: 'clearStorage:ok' };
    })),
    getStorageInfo: (o) => settle(deliver, o, attempt(() => ({ ...area.info(), errMsg: 'getStorageInfo:ok' }))),
  };
}

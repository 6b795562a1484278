/** The WeChat mini-program platform adapter. */
export { createWxPlatform } from './platform';
export type { WxPlatformOptions } from './platform';
export { createWxStorage, wxEntryBytes, WX_MAX_VALUE_BYTES, WX_MAX_TOTAL_BYTES } from './storage';
export { connectWxSocket } from './socket';
export type { WxApi, WxSocketOptions, WxSocketTask, WxFailResult } from './wx-api';
export type { WxError } from './wx-error';
export { createMemoryStorage } from '../memory-storage';
export type { SizedKeyValueStorage, StorageLimits } from '../storage-limits';

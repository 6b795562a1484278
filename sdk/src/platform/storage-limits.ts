/**
 * Size limits of a KeyValueStorage and the byte accounting of the adapters that enforce them. An
 * entry is measured the way WeChat measures it: the UTF-8 bytes of its key plus its stored value,
 * and both quotas apply to that measure (1 MB per entry, 10 MB over all entries on WeChat).
 */
import type { KeyValueStorage } from '../core/platform';
import { utf8Length } from '../core/util/utf8';

/** Optional quotas a storage enforces. */
export interface StorageLimits {
  /** Largest entry (key plus value), in bytes as `entryBytes` counts them. */
  maxValueBytes?: number;
  /** Largest total of all entries, in bytes as `entryBytes` counts them. */
  maxTotalBytes?: number;
}

/**
 * A KeyValueStorage that says how many bytes an entry counts against its quotas. WeChat counts a
 * value serialised as JSON, so quotes and backslashes cost double: only the storage can size an entry
 * exactly (proposed for the core's KeyValueStorage interface).
 */
export interface SizedKeyValueStorage extends KeyValueStorage {
  /** Bytes `key` holding `value` counts against maxValueBytes and maxTotalBytes. */
  entryBytes(key: string, value: string): number;
}

/** Bytes of an entry stored as is: UTF-8 key plus UTF-8 value. */
export function plainEntryBytes(key: string, value: string): number {
  return utf8Length(key) + utf8Length(value);
}

/** The error a storage rejects with when a write would break a quota. */
export function quotaError(message: string): Error {
  const error = new Error(`storage quota exceeded: ${message}`);
  error.name = 'StorageQuotaError';
  return error;
}

/** The error for an entry over `maxValueBytes`, or undefined when it fits (or there is no limit). */
export function checkEntrySize(key: string, bytes: number, maxValueBytes: number | undefined): Error | undefined {
  if (maxValueBytes === undefined || bytes <= maxValueBytes) return undefined;
  return quotaError(`entry "${key}" is ${bytes} bytes, the limit is ${maxValueBytes}`);
}

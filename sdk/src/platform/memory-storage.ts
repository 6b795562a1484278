/**
 * In-memory KeyValueStorage: the default for Node and for tests, and a fallback on any platform.
 * Every call takes effect when it is made (before its promise settles), so writes to a key are
 * applied in call order without a queue.
 */
import { checkEntrySize, plainEntryBytes, quotaError, type SizedKeyValueStorage, type StorageLimits } from './storage-limits';

/**
 * Creates an empty in-memory storage. With `limits`, it rejects writes the way a quota-bound
 * platform would: an entry (key plus value, UTF-8) over `maxValueBytes`, or a total over
 * `maxTotalBytes`.
 */
export function createMemoryStorage(limits: StorageLimits = {}): SizedKeyValueStorage {
  const entries = new Map<string, string>();
  let total = 0;
  return {
    maxValueBytes: limits.maxValueBytes,
    maxTotalBytes: limits.maxTotalBytes,
    entryBytes: plainEntryBytes,
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      const bytes = plainEntryBytes(key, value);
      const tooLarge = checkEntrySize(key, bytes, limits.maxValueBytes);
      if (tooLarge) throw tooLarge;
      const previous = entries.get(key);
      const next = total - (previous === undefined ? 0 : plainEntryBytes(key, previous)) + bytes;
      if (limits.maxTotalBytes !== undefined && next > limits.maxTotalBytes) {
        throw quotaError(`writing "${key}" would use ${next} bytes in total, the limit is ${limits.maxTotalBytes}`);
      }
      entries.set(key, value);
      total = next;
    },
    async remove(key) {
      const previous = entries.get(key);
      if (previous === undefined) return;
      entries.delete(key);
      total -= plainEntryBytes(key, previous);
    },
    async keys(prefix = '') {
      return Array.from(entries.keys()).filter((key) => key.startsWith(prefix));
    },
  };
}

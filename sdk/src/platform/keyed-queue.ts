/**
 * Per-key ordering for storages whose operations complete asynchronously. WeChat's async storage
 * calls and Node's file writes give no ordering guarantee between two calls in flight, so a later
 * write could land before an earlier one; chaining every write to a key on the previous one makes
 * the last call win. Keys are independent of each other.
 */

/** Orders asynchronous operations per key. */
export interface KeyedQueue {
  /** Runs `op` once every operation queued before on `key` has settled; later ones wait for it. */
  write<T>(key: string, op: () => Promise<T>): Promise<T>;
  /** Runs `op` after the writes already queued on `key` (read-your-writes) without holding back later ones. */
  read<T>(key: string, op: () => Promise<T>): Promise<T>;
  /** Resolves once every write queued so far (on any key) has settled. */
  settled(): Promise<void>;
}

const ignore = (): void => undefined;

/** Creates an empty queue (state per instance: two storages never share one). */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    write(key, op) {
      const result = (tails.get(key) ?? Promise.resolve()).then(op);
      const tail = result.then(ignore, ignore);
      tails.set(key, tail);
      // Forget drained keys so the map does not grow with every key ever written.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    read(key, op) {
      return (tails.get(key) ?? Promise.resolve()).then(op);
    },
    settled() {
      return Promise.all(Array.from(tails.values())).then(ignore);
    },
  };
}

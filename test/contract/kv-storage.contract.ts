/**
 * The KeyValueStorage contract (sdk/src/core/platform.ts), run against every backend: memory, file,
 * WeChat. One suite, so a backend that passes it can be handed to the core without surprises.
 * Limits are tested only where a backend declares them (maxValueBytes / maxTotalBytes).
 */
import type { KeyValueStorage } from '../../sdk/src/core/platform';
import type { SizedKeyValueStorage, StorageLimits } from '../../sdk/src/platform/storage-limits';

/** How the contract treats a backend. */
export interface KeyValueStorageContractOptions {
  /**
   * Opens another instance over the same data as `storage`, as after an app restart. Given only for
   * persistent backends; enables the re-creation tests.
   */
  reopen?: (storage: KeyValueStorage) => KeyValueStorage | Promise<KeyValueStorage>;
  /** Runs after each test (e.g. removes a temp directory). */
  cleanup?: () => void | Promise<void>;
  /**
   * The quotas the backend declares. Given, the suite checks they are declared and adds the quota
   * tests for each; omitted, it checks the backend declares none.
   */
  limits?: StorageLimits;
  /** Size of the large-value round trip (default 256 KB, less if maxValueBytes is smaller). */
  largeValueBytes?: number;
}

const sorted = (list: string[]): string[] => [...list].sort();

/** A string of exactly `bytes` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte characters. */
function mixedText(bytes: number): string {
  const unit = 'aé你👋'; // 1 + 2 + 3 + 4 = 10 bytes
  return unit.repeat(Math.floor(bytes / 10)) + 'z'.repeat(bytes % 10);
}

/** Registers the contract suite for the backend `makeStorage` creates (a fresh, empty one per test). */
export function runKeyValueStorageContract(
  name: string,
  makeStorage: () => KeyValueStorage | Promise<KeyValueStorage>,
  opts: KeyValueStorageContractOptions = {},
): void {
  describe(`KeyValueStorage contract: ${name}`, () => {
    let storage: KeyValueStorage;

    beforeEach(async () => {
      storage = await makeStorage();
    });

    afterEach(async () => {
      await opts.cleanup?.();
    });

    /** How the backend sizes an entry; a backend with quotas must say (see SizedKeyValueStorage). */
    const measure = (key: string, value: string): number => {
      const sized = storage as Partial<SizedKeyValueStorage>;
      expect(typeof sized.entryBytes).toBe('function');
      return sized.entryBytes!(key, value);
    };

    test('get of a missing key resolves undefined', async () => {
      await expect(storage.get('missing')).resolves.toBeUndefined();
    });

    test('set/get round-trips text, unicode, JSON and unusual keys', async () => {
      const entries: Array<[string, string]> = [
        ['plain', 'hello'],
        ['empty', ''],
        ['unicode', 'héllo 你好 👋 \u0000 \n "quoted"'],
        ['json', '{"id":18446744073709551615,"n":[1,2,3]}'],
        ['floo:demo:1001:conv/1', 'slash and colons'],
        ['Case', 'upper'],
        ['case', 'lower'],
        ['../dot.dot', 'not a path'],
        ['会话:一', 'unicode key'],
      ];
      for (const [key, value] of entries) await storage.set(key, value);
      for (const [key, value] of entries) await expect(storage.get(key)).resolves.toBe(value);
    });

    test('round-trips a large value', async () => {
      const room = opts.limits?.maxValueBytes === undefined ? Infinity : opts.limits.maxValueBytes - measure('large', '');
      const size = Math.min(opts.largeValueBytes ?? 256 * 1024, room);
      const value = mixedText(size);
      await storage.set('large', value);
      await expect(storage.get('large')).resolves.toBe(value);
    });

    test('set overwrites', async () => {
      await storage.set('k', 'first');
      await storage.set('k', 'second');
      await expect(storage.get('k')).resolves.toBe('second');
    });

    test('remove deletes a key and tolerates a missing one', async () => {
      await storage.set('gone', 'soon');
      await storage.remove('gone');
      await expect(storage.get('gone')).resolves.toBeUndefined();
      await expect(storage.remove('never-set')).resolves.toBeUndefined();
      expect(await storage.keys()).not.toContain('gone');
    });

    test('keys lists all keys, or those with a prefix', async () => {
      await storage.set('p:1', 'a');
      await storage.set('p:2', 'b');
      await storage.set('q:1', 'c');
      expect(sorted(await storage.keys('p:'))).toEqual(['p:1', 'p:2']);
      expect(sorted(await storage.keys())).toEqual(expect.arrayContaining(['p:1', 'p:2', 'q:1']));
      await expect(storage.keys('none:')).resolves.toEqual([]);
    });

    test('writes to one key apply in call order: of 100 sets fired at once the last wins', async () => {
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 100; i++) writes.push(storage.set('race', `value-${i}`));
      await Promise.all(writes);
      await expect(storage.get('race')).resolves.toBe('value-99');
    });

    test('set and remove interleaved on one key apply in call order', async () => {
      const ops = [storage.set('k', 'a'), storage.remove('k'), storage.set('k', 'b'), storage.remove('k'), storage.set('k', 'c')];
      await Promise.all(ops);
      await expect(storage.get('k')).resolves.toBe('c');
      await Promise.all([storage.set('k', 'd'), storage.remove('k')]);
      await expect(storage.get('k')).resolves.toBeUndefined();
    });

    test('a get issued after an un-awaited set sees that set, and keys sees the key', async () => {
      void storage.set('ryw', 'written');
      await expect(storage.get('ryw')).resolves.toBe('written');
      void storage.set('ryw:2', 'x');
      expect(await storage.keys('ryw:')).toEqual(['ryw:2']);
    });

    test('concurrent writes to different keys each end with their own last value', async () => {
      const writes: Promise<void>[] = [];
      for (let round = 0; round < 5; round++) for (let k = 0; k < 20; k++) writes.push(storage.set(`multi:${k}`, `${k}/${round}`));
      await Promise.all(writes);
      for (let k = 0; k < 20; k++) await expect(storage.get(`multi:${k}`)).resolves.toBe(`${k}/4`);
    });

    test('declares exactly the expected quotas', () => {
      expect(storage.maxValueBytes).toBe(opts.limits?.maxValueBytes);
      expect(storage.maxTotalBytes).toBe(opts.limits?.maxTotalBytes);
    });

    const maxValue = opts.limits?.maxValueBytes;
    if (maxValue !== undefined) test(`an entry of exactly maxValueBytes (${maxValue}) is accepted, one byte more is rejected`, async () => {
      const fits = maxValue - measure('limit', '');
      const atLimit = 'a'.repeat(fits);
      expect(measure('limit', atLimit)).toBe(maxValue);
      await storage.set('limit', atLimit);
      await expect(storage.get('limit')).resolves.toBe(atLimit);
      await expect(storage.set('limit', 'b'.repeat(fits + 1))).rejects.toBeInstanceOf(Error);
      // Bytes, not characters: fewer characters than the limit, but more UTF-8 bytes.
      await expect(storage.set('limit', 'é'.repeat(Math.floor(fits / 2) + 1))).rejects.toBeInstanceOf(Error);
      await expect(storage.get('limit')).resolves.toBe(atLimit);
    });

    const maxTotal = opts.limits?.maxTotalBytes;
    if (maxTotal !== undefined) test(`writes beyond maxTotalBytes (${maxTotal}) are rejected, and removing frees space`, async () => {
      const key = (i: number): string => `fill:${String(i).padStart(4, '0')}`;
      const length = Math.min((maxValue ?? maxTotal) - measure(key(0), ''), Math.floor(maxTotal / 4));
      const value = 'v'.repeat(length);
      const accepted: string[] = [];
      let rejection: unknown;
      for (let i = 0; i <= Math.ceil(maxTotal / length) + 1 && rejection === undefined; i++) {
        try {
          await storage.set(key(i), value);
          accepted.push(key(i));
        } catch (err) {
          rejection = err;
        }
      }
      expect(rejection).toBeInstanceOf(Error);
      expect(accepted.length).toBeGreaterThan(0);
      const used = accepted.reduce((sum, k) => sum + measure(k, value), 0);
      expect(used).toBeLessThanOrEqual(maxTotal);
      // Rejected only when one more entry would not have fitted.
      expect(used + measure(key(accepted.length), value)).toBeGreaterThan(maxTotal);
      for (const k of accepted) await expect(storage.get(k)).resolves.toBe(value);
      await storage.remove(accepted[0]);
      await expect(storage.set('fill:last', value)).resolves.toBeUndefined();
    });

    if (opts.reopen) {
      const reopen = opts.reopen;
      test('data survives re-creating the storage', async () => {
        await storage.set('keep:1', 'one');
        await storage.set('keep:2', 'héllo 你好 👋');
        await storage.set('keep:3', 'three');
        await storage.remove('keep:3');
        const writes: Promise<void>[] = [];
        for (let i = 0; i < 20; i++) writes.push(storage.set('keep:race', `r${i}`));
        await Promise.all(writes);
        const again = await reopen(storage);
        await expect(again.get('keep:1')).resolves.toBe('one');
        await expect(again.get('keep:2')).resolves.toBe('héllo 你好 👋');
        await expect(again.get('keep:3')).resolves.toBeUndefined();
        await expect(again.get('keep:race')).resolves.toBe('r19');
        expect(sorted(await again.keys('keep:'))).toEqual(['keep:1', 'keep:2', 'keep:race']);
      });
    }
  });
}

/**
 * KeyValueStorage in a directory, one file per key (see file-names.ts). A write goes to a temp file
 * that is flushed and then renamed over the key's file, so a crash leaves the old value or the new
 * one, never half of each. Writes to a key are chained in call order; reads wait for them.
 */
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createKeyedQueue } from '../keyed-queue';
import { plainEntryBytes, type SizedKeyValueStorage } from '../storage-limits';
import { fileNameForKey, keyForFileName, MAX_FILE_NAME_BYTES } from './file-names';

/** ENOENT: no such key (or no directory yet); ENAMETOOLONG: a key that could never have been stored. */
function isMissing(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ENOENT' || code === 'ENAMETOOLONG';
}

/** Writes `value` to `path` and flushes it to disk before returning. */
async function writeDurably(path: string, value: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(value, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Creates a storage over `dir` (created on the first write). Instances over the same directory see
 * each other's data; re-creating one after a restart finds everything written before.
 */
export function createFileStorage(dir: string): SizedKeyValueStorage {
  const queue = createKeyedQueue();
  // Temp names unique per instance and write, so two instances on one directory never clash.
  const tempTag = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let tempCount = 0;
  const pathOf = (key: string): string => join(dir, fileNameForKey(key));
  return {
    // No quotas; the size is what the files hold (UTF-8), for callers that budget.
    entryBytes: plainEntryBytes,
    get(key) {
      return queue.read(key, async () => {
        try {
          return await readFile(pathOf(key), 'utf8');
        } catch (err) {
          if (isMissing(err)) return undefined;
          throw err;
        }
      });
    },
    set(key, value) {
      return queue.write(key, async () => {
        const name = fileNameForKey(key);
        const tempName = `${name}.${tempTag}${(tempCount += 1)}.tmp`;
        // Names are ASCII; the temp name is the longer one and must fit too.
        if (tempName.length > MAX_FILE_NAME_BYTES) throw new Error(`file storage: key too long for a file name (${key.length} characters)`);
        const target = join(dir, name);
        const temp = join(dir, tempName);
        await mkdir(dir, { recursive: true });
        try {
          await writeDurably(temp, value);
          await rename(temp, target);
        } catch (err) {
          await rm(temp, { force: true });
          throw err;
        }
      });
    },
    remove(key) {
      return queue.write(key, async () => {
        try {
          await rm(pathOf(key));
        } catch (err) {
          if (!isMissing(err)) throw err;
        }
      });
    },
    async keys(prefix = '') {
      await queue.settled();
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (err) {
        if (isMissing(err)) return [];
        throw err;
      }
      const keys: string[] = [];
      for (const name of names) {
        const key = keyForFileName(name);
        if (key !== undefined && key.startsWith(prefix)) keys.push(key);
      }
      return keys;
    },
  };
}

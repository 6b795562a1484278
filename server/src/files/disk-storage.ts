/**
 * {@link FileStorage} on the local disk:
 *
 *     <root>/objects/<first two key characters>/<key>   stored objects
 *     <root>/tmp/<key>.<random>.part                   uploads in progress
 *
 * `put` writes to a temporary name and renames it into place, so an object is complete or absent; a
 * failed write removes its temporary file, and leftovers of a crash are removed when the storage opens.
 * The root is `<data folder>/files`; a server with an in-memory database (`dataDir ':memory:'`) gets a
 * temporary folder instead, removed by `close()`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type ByteRange, type FileStorage, type ObjectRead, type PutMeta, type StoredObject } from './storage';

/** A disk storage and the folder it uses. */
export interface DiskStorage extends FileStorage {
  /** The root folder (for tools and tests). */
  readonly root: string;
}

/** Opens the storage of a data folder (`':memory:'`: a temporary folder removed on close). */
export async function openDiskStorage(dataDir: string): Promise<DiskStorage> {
  const temporary = dataDir === ':memory:';
  const root = temporary ? await mkdtemp(join(tmpdir(), 'floo-files-')) : join(dataDir, 'files');
  await mkdir(join(root, 'objects'), { recursive: true });
  // Partial uploads of an earlier run (crash, kill) are garbage: nothing refers to them.
  await rm(join(root, 'tmp'), { recursive: true, force: true });
  await mkdir(join(root, 'tmp'), { recursive: true });
  return new Disk(root, temporary);
}

class Disk implements DiskStorage {
  private closed = false;

  constructor(readonly root: string, private readonly temporary: boolean) {}

  async put(key: string, body: Readable | Uint8Array, _meta: PutMeta): Promise<StoredObject> {
    const final = this.pathOf(key);
    const part = join(this.root, 'tmp', `${key}.${randomBytes(6).toString('hex')}.part`);
    try {
      if (body instanceof Uint8Array) await writeFile(part, body, { flag: 'wx' });
      else await pipeline(body, createWriteStream(part, { flags: 'wx' }));
      await mkdir(join(final, '..'), { recursive: true });
      await rename(part, final);
    } catch (err) {
      await rm(part, { force: true });
      throw err;
    }
    return { size: (await stat(final)).size };
  }

  async get(key: string, range?: ByteRange): Promise<ObjectRead | undefined> {
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      // The stream owns the handle from here and closes it when done or destroyed.
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { stream, size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async stat(key: string): Promise<StoredObject | undefined> {
    try {
      return { size: (await stat(this.pathOf(key))).size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.temporary) await rm(this.root, { recursive: true, force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, 'objects', key.slice(0, 2), key);
  }
}

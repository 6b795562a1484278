/**
 * Where uploaded bytes live. The REST layer talks to this interface only, so object storage (S3, OSS)
 * can replace the disk implementation later. Keys are made by the server ({@link newStorageKey}), never
 * taken from a request, and every implementation refuses other shapes ({@link assertStorageKey}): no
 * path traversal. The content type and name of a file are kept by its record in the store; `meta` is
 * passed to `put` for backends that want to store it with the object.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/** What `put` may store beside the bytes. */
export interface PutMeta {
  contentType: string;
}

/** A stored object's size. */
export interface StoredObject {
  size: number;
}

/** A byte range, both ends inclusive (as in HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** An object being read: the stream covers the range asked for (or everything); `size` is the whole object's. */
export interface ObjectRead {
  stream: Readable;
  size: number;
}

/** The storage of file bytes. */
export interface FileStorage {
  /**
   * Stores `body` under `key`, atomically: readers see the whole object or nothing; a failing or
   * destroyed body leaves nothing behind. Rejects with the body's error.
   */
  put(key: string, body: Readable | Uint8Array, meta: PutMeta): Promise<StoredObject>;
  /** Reads an object (or a range of it, which the caller has checked against `stat`); undefined when missing. */
  get(key: string, range?: ByteRange): Promise<ObjectRead | undefined>;
  stat(key: string): Promise<StoredObject | undefined>;
  /** Deletes an object (no error when missing). */
  delete(key: string): Promise<void>;
  /** Releases the storage (a temporary folder is removed). */
  close(): Promise<void>;
}

const KEY = /^[a-z0-9]{2}[a-z0-9-]{6,126}$/;

/** A fresh random storage key (32 hex characters). */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Throws unless `key` has the shape of a server-made key. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key.slice(0, 40))}`);
}

/**
 * Storage contract of uploaded files (docs/rich-messages.md, "Files"): file records, their grants
 * (which conversation may read a file through which download URL) and upload slots. The bytes live in
 * a FileStorage (server/src/files); a record names them by storage key.
 */
import type { FileKind } from '../files/mime';

/** Who may read a file through a grant: 0 anyone (avatars), 1 the two users of a 1:1 chat, 2 a group's current members. */
export type GrantType = 0 | 1 | 2;

/** An uploaded (or awaited) file. */
export interface FileRecord {
  id: number;
  appId: string;
  ownerId: number;
  kind: FileKind;
  /** False until an upload to its slot succeeded. */
  ready: boolean;
  mime: string;
  size: number;
  /** The uploaded file name (for downloads' Content-Disposition). */
  name: string;
  storageKey: string;
  /** '' when no thumbnail was uploaded. */
  thumbKey: string;
  thumbMime: string;
  thumbSize: number;
  createdAt: number;
}

/** A download URL's access rule: `sign` is the URL's secret part. */
export interface FileGrant {
  sign: string;
  fileId: number;
  type: GrantType;
  /** The peer uid (1:1), the group id (group), 0 (public). */
  convId: number;
  /** Who made the grant (the uploader or forwarder; the other user of a 1:1 grant). */
  grantedBy: number;
  createdAt: number;
}

/** A single-use upload slot (only the token's sha256 is kept). */
export interface UploadSlotRecord {
  tokenHash: string;
  fileId: number;
  expiresAt: number;
  /** The file was uploaded. */
  used: boolean;
  /** The thumbnail was uploaded. */
  thumbUsed: boolean;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

/** Input of {@link FileStore.createUploadSlot}: a pending file record, its first grant and the slot. */
export interface NewUploadSlot {
  appId: string;
  ownerId: number;
  kind: FileKind;
  tokenHash: string;
  expiresAt: number;
  maxBytes: number;
  grant: Pick<FileGrant, 'sign' | 'type' | 'convId'>;
  now: number;
}

/** What a successful upload stored: the file, its thumbnail, or both. */
export interface UploadedContent {
  file?: { storageKey: string; mime: string; size: number; name: string };
  thumb?: { storageKey: string; mime: string; size: number };
}

/** Files, grants and upload slots. */
export interface FileStore {
  /** Creates a pending file record, its first grant and its upload slot, atomically. */
  createUploadSlot(input: NewUploadSlot): Promise<FileRecord>;
  getUploadSlot(tokenHash: string): Promise<UploadSlotRecord | undefined>;
  getFile(id: number): Promise<FileRecord | undefined>;
  /**
   * Stores an upload in the file record of a slot unexpired at `now`, atomically: the file (marking the
   * slot used) and/or the thumbnail (marking it thumb-used). False, changing nothing, when the slot is
   * unknown or expired, or either part was already uploaded (e.g. by a concurrent upload): the caller
   * drops its bytes.
   */
  completeUpload(tokenHash: string, now: number, content: UploadedContent): Promise<boolean>;
  /** The grant of a download URL and its file. */
  getFileGrant(sign: string): Promise<{ grant: FileGrant; file: FileRecord } | undefined>;
  /** Adds a grant to an existing file (forward). */
  addFileGrant(grant: FileGrant): Promise<void>;
  /**
   * Deletes expired slots, and the records of files never uploaded (with their grants); answers the
   * storage keys those records held (a thumbnail uploaded without its file), for the caller to delete.
   */
  deleteExpiredUploadSlots(now: number): Promise<string[]>;
}

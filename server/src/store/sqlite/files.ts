/** SQLite implementation of {@link FileStore}: file records, grants and upload slots. */
import type Database from 'better-sqlite3';
import type { FileGrant, FileRecord, FileStore, GrantType, NewUploadSlot, UploadedContent, UploadSlotRecord } from '../file-types';
import type { FileKind } from '../../files/mime';

interface FileRow {
  id: number; app_id: string; owner_id: number; kind: string; ready: number; mime: string; size: number; name: string;
  storage_key: string; thumb_key: string; thumb_mime: string; thumb_size: number; created_at: number;
}
interface GrantRow { sign: string; file_id: number; type: number; conv_id: number; granted_by: number; created_at: number }
interface SlotRow { token_hash: string; file_id: number; expires_at: number; used: number; thumb_used: number; max_bytes: number }

/** Thrown inside a transaction to roll it back (a part was already uploaded); never escapes. */
const ROLLBACK = new Error('upload slot part already used');

function toFile(r: FileRow): FileRecord {
  return {
    id: r.id, appId: r.app_id, ownerId: r.owner_id, kind: r.kind as FileKind, ready: r.ready === 1, mime: r.mime, size: r.size,
    name: r.name, storageKey: r.storage_key, thumbKey: r.thumb_key, thumbMime: r.thumb_mime, thumbSize: r.thumb_size, createdAt: r.created_at,
  };
}

function toGrant(r: GrantRow): FileGrant {
  return { sign: r.sign, fileId: r.file_id, type: r.type as GrantType, convId: r.conv_id, grantedBy: r.granted_by, createdAt: r.created_at };
}

/** Files on one database connection. */
export class SqliteFiles implements FileStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      addFile: db.prepare('INSERT INTO files (app_id, owner_id, kind, created_at) VALUES (?, ?, ?, ?)'),
      file: db.prepare<[number], FileRow>('SELECT * FROM files WHERE id = ?'),
      addGrant: db.prepare('INSERT INTO file_grants (sign, file_id, type, conv_id, granted_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      grant: db.prepare<[string], GrantRow>('SELECT * FROM file_grants WHERE sign = ?'),
      addSlot: db.prepare('INSERT INTO upload_slots (token_hash, file_id, expires_at, max_bytes) VALUES (?, ?, ?, ?)'),
      slot: db.prepare<[string], SlotRow>('SELECT * FROM upload_slots WHERE token_hash = ?'),
      claimFile: db.prepare('UPDATE upload_slots SET used = 1 WHERE token_hash = ? AND used = 0'),
      claimThumb: db.prepare('UPDATE upload_slots SET thumb_used = 1 WHERE token_hash = ? AND thumb_used = 0'),
      fillFile: db.prepare('UPDATE files SET ready = 1, mime = ?, size = ?, name = ?, storage_key = ? WHERE id = ?'),
      fillThumb: db.prepare('UPDATE files SET thumb_key = ?, thumb_mime = ?, thumb_size = ? WHERE id = ?'),
      expired: db.prepare<[number], { token_hash: string; file_id: number }>('SELECT token_hash, file_id FROM upload_slots WHERE expires_at <= ?'),
      deleteSlot: db.prepare('DELETE FROM upload_slots WHERE token_hash = ?'),
      deleteGrants: db.prepare('DELETE FROM file_grants WHERE file_id = ?'),
      deletePending: db.prepare('DELETE FROM files WHERE id = ? AND ready = 0'),
    };
  }

  async createUploadSlot(s: NewUploadSlot): Promise<FileRecord> {
    return this.db.transaction(() => {
      const id = Number(this.q.addFile.run(s.appId, s.ownerId, s.kind, s.now).lastInsertRowid);
      this.q.addGrant.run(s.grant.sign, id, s.grant.type, s.grant.convId, s.ownerId, s.now);
      this.q.addSlot.run(s.tokenHash, id, s.expiresAt, s.maxBytes);
      return toFile(this.q.file.get(id) as FileRow);
    })();
  }

  async getUploadSlot(tokenHash: string): Promise<UploadSlotRecord | undefined> {
    const r = this.q.slot.get(tokenHash);
    return r && {
      tokenHash: r.token_hash, fileId: r.file_id, expiresAt: r.expires_at, used: r.used === 1, thumbUsed: r.thumb_used === 1, maxBytes: r.max_bytes,
    };
  }

  async getFile(id: number): Promise<FileRecord | undefined> {
    const r = this.q.file.get(id);
    return r && toFile(r);
  }

  async completeUpload(tokenHash: string, now: number, c: UploadedContent): Promise<boolean> {
    const complete = this.db.transaction(() => {
      const slot = this.q.slot.get(tokenHash);
      if (!slot || slot.expires_at <= now || (!c.file && !c.thumb)) return false;
      if (c.file) {
        if (this.q.claimFile.run(tokenHash).changes !== 1) throw ROLLBACK;
        this.q.fillFile.run(c.file.mime, c.file.size, c.file.name, c.file.storageKey, slot.file_id);
      }
      if (c.thumb) {
        if (this.q.claimThumb.run(tokenHash).changes !== 1) throw ROLLBACK;
        this.q.fillThumb.run(c.thumb.storageKey, c.thumb.mime, c.thumb.size, slot.file_id);
      }
      return true;
    });
    try {
      return complete();
    } catch (err) {
      if (err === ROLLBACK) return false;
      throw err;
    }
  }

  async getFileGrant(sign: string): Promise<{ grant: FileGrant; file: FileRecord } | undefined> {
    const g = this.q.grant.get(sign);
    const f = g && this.q.file.get(g.file_id);
    return g && f ? { grant: toGrant(g), file: toFile(f) } : undefined;
  }

  async addFileGrant(g: FileGrant): Promise<void> {
    this.q.addGrant.run(g.sign, g.fileId, g.type, g.convId, g.grantedBy, g.createdAt);
  }

  async deleteExpiredUploadSlots(now: number): Promise<string[]> {
    return this.db.transaction(() => {
      const orphans: string[] = [];
      for (const r of this.q.expired.all(now)) {
        this.q.deleteSlot.run(r.token_hash);
        // A file never uploaded has no URL anyone could have used: drop it with its grants.
        const f = this.q.file.get(r.file_id);
        if (f && f.ready === 0) {
          if (f.thumb_key !== '') orphans.push(f.thumb_key);
          this.q.deleteGrants.run(r.file_id);
          this.q.deletePending.run(r.file_id);
        }
      }
      return orphans;
    })();
  }
}

/** SQLite implementation of group announcements, shared files and full group history. */
import type Database from 'better-sqlite3';
import type { AnnouncementRecord, GroupAdminStore, SharedFileRecord } from '../group-types';
import type { StoredItem } from '../types';

type ContentPart = Pick<GroupAdminStore,
  'addGroupAnnouncement' | 'getGroupAnnouncement' | 'listGroupAnnouncements' | 'deleteGroupAnnouncement' |
  'addGroupFile' | 'getGroupFiles' | 'listGroupFiles' | 'deleteGroupFiles' | 'groupHistory'>;

interface AnnouncementRow { id: number; group_id: number; title: string; content: string; author: number; created_at: number }
interface FileRow { id: number; group_id: number; name: string; size: number; type: string; url: string; uploader: number; created_at: number }
interface HistoryRow {
  id: number; from_uid: number; from_sn: number; to_uid: number; ns: number; payload: Buffer;
  timestamp: number; edit_timestamp: number; is_read: number;
}

function toAnnouncement(r: AnnouncementRow): AnnouncementRecord {
  return { id: r.id, groupId: r.group_id, title: r.title, content: r.content, author: r.author, createdAt: r.created_at };
}

function toFile(r: FileRow): SharedFileRecord {
  return { id: r.id, groupId: r.group_id, name: r.name, size: r.size, type: r.type, url: r.url, uploader: r.uploader, createdAt: r.created_at };
}

/** Announcements, shared files and group history on one database connection. */
export class SqliteGroupContent implements ContentPart {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      addAnnouncement: db.prepare('INSERT INTO group_announcements (group_id, title, content, author, created_at) VALUES (?, ?, ?, ?, ?)'),
      announcement: db.prepare<[number, number], AnnouncementRow>('SELECT * FROM group_announcements WHERE group_id = ? AND id = ?'),
      announcements: db.prepare<[number, number], AnnouncementRow>('SELECT * FROM group_announcements WHERE group_id = ? ORDER BY id DESC LIMIT ?'),
      deleteAnnouncement: db.prepare('DELETE FROM group_announcements WHERE group_id = ? AND id = ?'),
      addFile: db.prepare('INSERT INTO group_files (group_id, name, size, type, url, uploader, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      file: db.prepare<[number, number], FileRow>('SELECT * FROM group_files WHERE group_id = ? AND id = ?'),
      files: db.prepare<[number, number], FileRow>('SELECT * FROM group_files WHERE group_id = ? ORDER BY id DESC LIMIT ?'),
      deleteFile: db.prepare('DELETE FROM group_files WHERE group_id = ? AND id = ?'),
      // The group's archive queue (inbox rows of user_id = conv_id = gid, see xsync/handlers/policy-group.ts) holds
      // every item sent to the group; joined with this user's copy when there is one (items from before the user
      // joined have none and count as read).
      history: db.prepare<[number, number, number, number, number], HistoryRow>(`SELECT m.id, m.from_uid, m.from_sn, m.to_uid, m.ns,
          m.payload, m.timestamp, m.edit_timestamp, COALESCE(i.is_read, 1) AS is_read
        FROM inbox a JOIN messages m ON m.id = a.msg_id
        LEFT JOIN inbox i ON i.user_id = ? AND i.conv_id = a.conv_id AND i.msg_id = a.msg_id
        WHERE a.user_id = ? AND a.conv_id = ? AND a.msg_id < ? AND a.kind = 'content' AND m.recalled = 0
          AND COALESCE(i.deleted, 0) = 0
        ORDER BY a.msg_id DESC LIMIT ?`),
    };
  }

  async addGroupAnnouncement(a: Omit<AnnouncementRecord, 'id'>): Promise<AnnouncementRecord> {
    const id = Number(this.q.addAnnouncement.run(a.groupId, a.title, a.content, a.author, a.createdAt).lastInsertRowid);
    return { id, ...a };
  }

  async getGroupAnnouncement(groupId: number, id: number): Promise<AnnouncementRecord | undefined> {
    const r = this.q.announcement.get(groupId, id);
    return r && toAnnouncement(r);
  }

  async listGroupAnnouncements(groupId: number, limit: number): Promise<AnnouncementRecord[]> {
    return this.q.announcements.all(groupId, limit).map(toAnnouncement);
  }

  async deleteGroupAnnouncement(groupId: number, id: number): Promise<boolean> {
    return this.q.deleteAnnouncement.run(groupId, id).changes > 0;
  }

  async addGroupFile(f: Omit<SharedFileRecord, 'id'>): Promise<SharedFileRecord> {
    const id = Number(this.q.addFile.run(f.groupId, f.name, f.size, f.type, f.url, f.uploader, f.createdAt).lastInsertRowid);
    return { id, ...f };
  }

  async getGroupFiles(groupId: number, ids: number[]): Promise<SharedFileRecord[]> {
    const out: SharedFileRecord[] = [];
    for (const id of new Set(ids)) {
      const r = this.q.file.get(groupId, id);
      if (r) out.push(toFile(r));
    }
    return out;
  }

  async listGroupFiles(groupId: number, limit: number): Promise<SharedFileRecord[]> {
    return this.q.files.all(groupId, limit).map(toFile);
  }

  async deleteGroupFiles(groupId: number, ids: number[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.q.deleteFile.run(groupId, id);
    })();
  }

  async groupHistory(userId: number, groupId: number, beforeId: number, limit: number): Promise<StoredItem[]> {
    const before = beforeId > 0 ? beforeId : Number.MAX_SAFE_INTEGER;
    return this.q.history.all(userId, groupId, groupId, before, limit).map((r) => ({
      id: r.id, fromUid: r.from_uid, fromSn: r.from_sn, toUid: r.to_uid, ns: r.ns, payload: r.payload,
      timestamp: r.timestamp, editTimestamp: r.edit_timestamp, read: r.is_read !== 0,
    }));
  }
}

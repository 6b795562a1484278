/** SQLite implementation of group read receipts. */
import type Database from 'better-sqlite3';
import type { ReceiptStore } from '../receipt-types';
import type { GroupCommit } from './group-commit';

/** Read receipts on one database connection. */
export class SqliteReceipts implements ReceiptStore {
  private readonly q;

  /** @param writes the message path's group commit: a receipt is written in the same turn's transaction as its READ_ACK. */
  constructor(db: Database.Database, private readonly writes: GroupCommit) {
    this.q = {
      add: db.prepare('INSERT OR IGNORE INTO message_reads (msg_id, user_id, read_at) VALUES (?, ?, ?)'),
      readers: db.prepare<[number], { user_id: number }>('SELECT user_id FROM message_reads WHERE msg_id = ? ORDER BY read_at, user_id'),
    };
  }

  async addReadReceipt(messageId: number, userId: number, readAt: number): Promise<void> {
    await this.writes.run(() => { this.q.add.run(messageId, userId, readAt); });
  }

  async listReaders(messageId: number): Promise<number[]> {
    return this.q.readers.all(messageId).map((r) => r.user_id);
  }
}

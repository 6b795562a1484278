/**
 * SQLite implementation of messages, per-user queues (`inbox`) and per-device cursors.
 * See docs/server.md ("Queues and cursors") for the model.
 */
import type Database from 'better-sqlite3';
import { MessageIdGenerator } from '../message-ids';
import { GroupCommit } from './group-commit';
import type {
  AppendResult, ConvKind, ConversationPending, ItemKind, MessageRecord, MessageStore, NewItem, StoredItem,
} from '../types';

interface ItemRow {
  id: number; from_uid: number; from_sn: number; to_uid: number; ns: number; payload: Buffer;
  timestamp: number; edit_timestamp: number; is_read: number;
}

/** A queue row with what decides whether it is still worth delivering. */
interface BatchRow extends ItemRow {
  recalled: number; deleted: number;
}

interface MessageRow {
  id: number; app_id: string; from_uid: number; from_sn: number; to_uid: number; ns: number; kind: string;
  payload: Buffer; timestamp: number; recalled: number;
}

const ITEM_COLUMNS = 'm.id, m.from_uid, m.from_sn, m.to_uid, m.ns, m.payload, m.timestamp, m.edit_timestamp, i.is_read';

/** Upper bound when counting one conversation's backlog: the count only needs to be "n > 0" accurate. */
const MAX_COUNT = 100_000;

function toItem(r: ItemRow): StoredItem {
  return {
    // The row's Buffer is already a fresh copy of the blob; no need to copy it again.
    id: r.id, fromUid: r.from_uid, fromSn: r.from_sn, toUid: r.to_uid, ns: r.ns, payload: r.payload,
    timestamp: r.timestamp, editTimestamp: r.edit_timestamp, read: r.is_read !== 0,
  };
}

/** True for a queue row that is no longer delivered: a recalled message, or the user's deleted copy. */
function isGone(r: BatchRow): boolean {
  return r.recalled !== 0 || r.deleted !== 0;
}

/** Messages and queues on one database connection. */
export class SqliteMessages implements MessageStore {
  private readonly q;
  private readonly ids: MessageIdGenerator;
  /**
   * Writes on the message path (stores, acks, read marks) are group-committed once per event-loop turn.
   * Public (an instance field, so never bound onto the Store) for repositories that write on the same
   * path (read receipts).
   */
  readonly writes: GroupCommit;

  constructor(db: Database.Database, private readonly clock: () => number) {
    this.writes = new GroupCommit(db);
    const max = db.prepare<[], { max: number | null }>('SELECT MAX(id) AS max FROM messages').get();
    this.ids = new MessageIdGenerator(max?.max ?? 0, clock);
    this.q = {
      findDuplicate: db.prepare<[number, number, string, string], { id: number; timestamp: number }>(
        'SELECT id, timestamp FROM messages WHERE from_uid = ? AND from_sn = ? AND client_mid = ? AND digest = ?'),
      // OR IGNORE: a retry hits the de-duplication index and is skipped (then found by findDuplicate).
      insertMessage: db.prepare(`INSERT OR IGNORE INTO messages
        (id, app_id, from_uid, from_sn, to_uid, ns, kind, payload, timestamp, client_mid, digest)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertInbox: db.prepare(`INSERT OR IGNORE INTO inbox (user_id, conv_id, msg_id, kind, skip_sn, is_read)
        VALUES (?, ?, ?, ?, ?, ?)`),
      // The conversation row almost always exists: update it, and insert only when nothing was updated.
      bumpConv: db.prepare('UPDATE user_convs SET last_id = ? WHERE user_id = ? AND conv_id = ?'),
      insertConv: db.prepare('INSERT INTO user_convs (user_id, conv_id, conv_type, last_id) VALUES (?, ?, ?, ?)'),
      // An operation or command is no conversation content: it never brings a conversation into (or back
      // into) the list by itself. A conversation it creates, or finds hidden, stays hidden once nothing is
      // pending (see pending()). SET expressions read the row's old values.
      bumpConvOp: db.prepare(`UPDATE user_convs SET last_id = ?,
        hidden_until = CASE WHEN last_id <= hidden_until THEN ? ELSE hidden_until END WHERE user_id = ? AND conv_id = ?`),
      insertConvOp: db.prepare('INSERT INTO user_convs (user_id, conv_id, conv_type, last_id, hidden_until) VALUES (?, ?, ?, ?, ?)'),
      convLast: db.prepare<[number, number], { last_id: number }>('SELECT last_id FROM user_convs WHERE user_id = ? AND conv_id = ?'),
      ackDevice: db.prepare(`INSERT INTO device_cursors (user_id, sn, conv_id, acked_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (user_id, sn, conv_id) DO UPDATE SET acked_id = MAX(acked_id, excluded.acked_id)`),
      ackUser: db.prepare('UPDATE user_convs SET delivered_id = MAX(delivered_id, ?) WHERE user_id = ? AND conv_id = ?'),
      cursor: db.prepare<[number, number, number], { acked_id: number }>(
        'SELECT acked_id FROM device_cursors WHERE user_id = ? AND sn = ? AND conv_id = ?'),
      batch: db.prepare<[number, number, number, number, number], BatchRow>(`SELECT ${ITEM_COLUMNS}, m.recalled, i.deleted
        FROM inbox i JOIN messages m ON m.id = i.msg_id
        WHERE i.user_id = ? AND i.conv_id = ? AND i.msg_id > ? AND i.skip_sn <> ?
        ORDER BY i.msg_id LIMIT ?`),
      history: db.prepare<[number, number, number, number], ItemRow>(`SELECT ${ITEM_COLUMNS}
        FROM inbox i JOIN messages m ON m.id = i.msg_id
        WHERE i.user_id = ? AND i.conv_id = ? AND i.msg_id < ? AND i.kind = 'content' AND i.deleted = 0 AND m.recalled = 0
        ORDER BY i.msg_id DESC LIMIT ?`),
      pending: db.prepare<[number, number, number, number], { conv_id: number; conv_type: number; n: number; last_id: number; hidden_until: number }>(`
        SELECT uc.conv_id, uc.conv_type, uc.last_id, uc.hidden_until,
          (SELECT COUNT(*) FROM (SELECT 1 FROM inbox i
             WHERE i.user_id = uc.user_id AND i.conv_id = uc.conv_id AND i.msg_id > COALESCE(dc.acked_id, 0) AND i.skip_sn <> ?
             LIMIT ${MAX_COUNT})) AS n
        FROM user_convs uc
        LEFT JOIN device_cursors dc ON dc.user_id = uc.user_id AND dc.sn = ? AND dc.conv_id = uc.conv_id
        WHERE uc.user_id = ?
        ORDER BY uc.last_id DESC, uc.conv_id LIMIT ?`),
      convOf: db.prepare<[number, number], { conv_id: number }>('SELECT conv_id FROM inbox WHERE msg_id = ? AND user_id = ? LIMIT 1'),
      markRead: db.prepare('UPDATE inbox SET is_read = ? WHERE user_id = ? AND conv_id = ? AND msg_id = ?'),
      markReadUpTo: db.prepare('UPDATE inbox SET is_read = 1 WHERE user_id = ? AND conv_id = ? AND msg_id <= ? AND is_read = 0'),
      markDeleted: db.prepare('UPDATE inbox SET deleted = 1 WHERE user_id = ? AND conv_id = ? AND msg_id = ?'),
      hideConv: db.prepare('UPDATE user_convs SET hidden_until = last_id WHERE user_id = ? AND conv_id = ?'),
      getMessage: db.prepare<[number], MessageRow>('SELECT * FROM messages WHERE id = ?'),
      recall: db.prepare('UPDATE messages SET recalled = 1 WHERE id = ?'),
      replace: db.prepare('UPDATE messages SET payload = ?, edit_timestamp = ? WHERE id = ?'),
    };
  }

  appendMessage(item: NewItem): Promise<AppendResult> {
    return this.writes.run((): AppendResult => {
      const id = this.ids.next();
      const timestamp = this.clock();
      const { payload } = item;
      const blob = Buffer.isBuffer(payload) ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
      const inserted = this.q.insertMessage.run(id, item.appId, item.fromUid, item.fromSn, item.toUid, item.ns, item.kind,
        blob, timestamp, item.clientMid, item.digest);
      if (inserted.changes === 0) {
        // Skipped: the same upload (sender device, client id, digest) is already stored.
        const dup = this.q.findDuplicate.get(item.fromUid, item.fromSn, item.clientMid, item.digest);
        if (!dup) throw new Error(`message ${id} was not stored`);
        return { id: dup.id, timestamp: dup.timestamp, duplicate: true };
      }
      const content = item.kind === 'content';
      for (const r of item.recipients) {
        this.q.insertInbox.run(r.userId, r.convId, id, item.kind, r.skipSn, r.read ? 1 : 0);
        if (content) {
          if (this.q.bumpConv.run(id, r.userId, r.convId).changes === 0) this.q.insertConv.run(r.userId, r.convId, r.convType, id);
        } else if (this.q.bumpConvOp.run(id, id, r.userId, r.convId).changes === 0) {
          this.q.insertConvOp.run(r.userId, r.convId, r.convType, id, id);
        }
      }
      return { id, timestamp, duplicate: false };
    });
  }

  async getMessage(id: number): Promise<MessageRecord | undefined> {
    const r = this.q.getMessage.get(id);
    if (!r) return undefined;
    return {
      id: r.id, appId: r.app_id, fromUid: r.from_uid, fromSn: r.from_sn, toUid: r.to_uid, ns: r.ns, kind: r.kind as ItemKind,
      payload: new Uint8Array(r.payload), timestamp: r.timestamp, recalled: r.recalled !== 0,
    };
  }

  /** Commits queued writes now and refuses further ones (before the database closes). */
  closeWrites(): void {
    this.writes.close();
  }

  async allocateId(): Promise<number> {
    return this.ids.next();
  }

  pull(userId: number, sn: number, convId: number, ackKey: number, limit: number): Promise<StoredItem[]> {
    return this.writes.run((): StoredItem[] => {
      if (ackKey > 0) {
        // Never let a bogus key run ahead of what exists: it would swallow future items.
        const last = this.q.convLast.get(userId, convId)?.last_id ?? 0;
        const acked = Math.min(ackKey, last);
        if (acked > 0) {
          this.q.ackDevice.run(userId, sn, convId, acked);
          this.q.ackUser.run(acked, userId, convId);
        }
      }
      let cursor = this.q.cursor.get(userId, sn, convId)?.acked_id ?? 0;
      for (;;) {
        const rows = this.q.batch.all(userId, convId, cursor, sn, limit);
        if (!rows.some(isGone)) return rows.map(toItem);
        // Recalled messages, and this user's copies they deleted, are not delivered any more (the RECALL or
        // DELETE item that follows tells the device). Leading ones are acknowledged for the device here, as
        // no later ack would cover them; gone rows after a delivered one are covered by the device's ack.
        let lead = 0;
        while (lead < rows.length && isGone(rows[lead])) lead++;
        if (lead > 0) {
          cursor = rows[lead - 1].id;
          this.q.ackDevice.run(userId, sn, convId, cursor);
        }
        const kept = rows.filter((r) => !isGone(r));
        // A full page of gone rows: look further, so an empty answer always means "nothing pending".
        if (kept.length > 0 || rows.length < limit) return kept.map(toItem);
      }
    });
  }

  async history(userId: number, convId: number, beforeId: number, limit: number): Promise<StoredItem[]> {
    const before = beforeId > 0 ? beforeId : Number.MAX_SAFE_INTEGER;
    return this.q.history.all(userId, convId, before, limit).map(toItem);
  }

  async pending(userId: number, sn: number): Promise<ConversationPending[]> {
    const rows = this.q.pending.all(sn, sn, userId, 10_000);
    const out: ConversationPending[] = [];
    for (const r of rows) {
      const convType = r.conv_type as ConvKind;
      // The own-device queue is only worth listing when something waits; a deleted conversation
      // stays hidden until a newer item arrives.
      if (r.n === 0 && (convType === 0 || r.last_id <= r.hidden_until)) continue;
      out.push({ convId: r.conv_id, convType, n: r.n });
    }
    return out;
  }

  async conversationOf(userId: number, messageId: number): Promise<number | undefined> {
    return this.q.convOf.get(messageId, userId)?.conv_id;
  }

  async markRead(userId: number, convId: number, messageId: number, read: boolean): Promise<void> {
    await this.writes.run(() => { this.q.markRead.run(read ? 1 : 0, userId, convId, messageId); });
  }

  async markReadUpTo(userId: number, convId: number, messageId: number): Promise<void> {
    await this.writes.run(() => { this.q.markReadUpTo.run(userId, convId, messageId); });
  }

  async markDeleted(userId: number, convId: number, messageId: number): Promise<void> {
    await this.writes.run(() => { this.q.markDeleted.run(userId, convId, messageId); });
  }

  async hideConversation(userId: number, convId: number): Promise<void> {
    await this.writes.run(() => { this.q.hideConv.run(userId, convId); });
  }

  async setRecalled(messageId: number): Promise<void> {
    await this.writes.run(() => { this.q.recall.run(messageId); });
  }

  async replacePayload(messageId: number, payload: Uint8Array, editTimestamp: number): Promise<void> {
    await this.writes.run(() => { this.q.replace.run(Buffer.from(payload), editTimestamp, messageId); });
  }
}

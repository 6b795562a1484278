/**
 * Versioned schema of the SQLite store. Migrations run in order, each in its own transaction;
 * `PRAGMA user_version` holds the version reached and `schema_migrations` records when each ran.
 * Never edit a released migration: append a new one.
 */
import type Database from 'better-sqlite3';
import { FILES_MIGRATION } from './migrations-files';
import { GROUP_ADMIN_MIGRATION } from './migrations-groups';
import { RECEIPTS_MIGRATION } from './migrations-receipts';
import { ROSTER_MIGRATION } from './migrations-roster';

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The ordered migration list. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE apps (
        app_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'normal',
        created_at INTEGER NOT NULL
      );
      -- One id space for users and groups: both travel in XID.uid and clients tell them apart by context.
      CREATE TABLE xids (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'group'))
      );
      INSERT INTO sqlite_sequence (name, seq) VALUES ('xids', 100000);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY REFERENCES xids(id),
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        username TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        nick_name TEXT NOT NULL DEFAULT '',
        avatar TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        mobile TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        public_info TEXT NOT NULL DEFAULT '',
        private_info TEXT NOT NULL DEFAULT '',
        ext TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        UNIQUE (app_id, username)
      );
      CREATE INDEX users_mobile ON users (app_id, mobile) WHERE mobile <> '';
      CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX tokens_expiry ON tokens (expires_at);
      CREATE TABLE roster (
        user_id INTEGER NOT NULL REFERENCES users(id),
        friend_id INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, friend_id)
      ) WITHOUT ROWID;
      CREATE TABLE groups (
        id INTEGER PRIMARY KEY REFERENCES xids(id),
        app_id TEXT NOT NULL REFERENCES apps(app_id),
        name TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES users(id),
        avatar TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        type INTEGER NOT NULL DEFAULT 0,
        read_ack INTEGER NOT NULL DEFAULT 0,
        ext TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX groups_name ON groups (app_id, name);
      CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES groups(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL DEFAULT 'member',
        display_name TEXT NOT NULL DEFAULT '',
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX group_members_user ON group_members (user_id, group_id);
      CREATE TABLE devices (
        user_id INTEGER NOT NULL REFERENCES users(id),
        sn INTEGER NOT NULL,
        guid TEXT NOT NULL,
        os_type INTEGER NOT NULL DEFAULT 0,
        device_info TEXT NOT NULL DEFAULT '',
        sdk_vsn TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        last_login_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, sn)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX devices_guid ON devices (user_id, guid) WHERE guid <> '';
      -- Every stored item (message, operation, conversation op), once.
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        app_id TEXT NOT NULL,
        from_uid INTEGER NOT NULL,
        from_sn INTEGER NOT NULL,
        to_uid INTEGER NOT NULL,
        ns INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('content', 'op')),
        payload BLOB NOT NULL,
        timestamp INTEGER NOT NULL,
        edit_timestamp INTEGER NOT NULL DEFAULT 0,
        recalled INTEGER NOT NULL DEFAULT 0,
        client_mid TEXT NOT NULL,
        digest TEXT NOT NULL
      );
      CREATE UNIQUE INDEX messages_dedupe ON messages (from_uid, from_sn, client_mid, digest);
      -- Per-user queue and history: one row per recipient user and item (O(recipients) per item).
      CREATE TABLE inbox (
        user_id INTEGER NOT NULL,
        conv_id INTEGER NOT NULL,
        msg_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        skip_sn INTEGER NOT NULL DEFAULT 0,
        is_read INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, conv_id, msg_id)
      ) WITHOUT ROWID;
      CREATE INDEX inbox_msg ON inbox (msg_id);
      -- The user's conversation list; delivered_id = highest id acknowledged by any of the user's devices.
      CREATE TABLE user_convs (
        user_id INTEGER NOT NULL,
        conv_id INTEGER NOT NULL,
        conv_type INTEGER NOT NULL,
        last_id INTEGER NOT NULL DEFAULT 0,
        delivered_id INTEGER NOT NULL DEFAULT 0,
        hidden_until INTEGER NOT NULL DEFAULT -1,
        PRIMARY KEY (user_id, conv_id)
      ) WITHOUT ROWID;
      -- Per-device, per-conversation sync cursor: everything with id <= acked_id is delivered.
      CREATE TABLE device_cursors (
        user_id INTEGER NOT NULL,
        sn INTEGER NOT NULL,
        conv_id INTEGER NOT NULL,
        acked_id INTEGER NOT NULL,
        PRIMARY KEY (user_id, sn, conv_id)
      ) WITHOUT ROWID;
    `,
  },
  ROSTER_MIGRATION,
  GROUP_ADMIN_MIGRATION,
  FILES_MIGRATION,
  RECEIPTS_MIGRATION,
];

/** Brings the database to the latest schema version. Refuses a database newer than this code. */
export function migrate(db: Database.Database, now: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (current > latest) {
    throw new Error(`database schema version ${current} is newer than this floo-server (${latest})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now);
      // PRAGMA does not take bound parameters; the version is a number from the list above.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

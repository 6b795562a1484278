/** Schema step 5: read receipts of group messages (docs/rich-messages.md, "Operations"). */
import type { Migration } from './migrations';

/** Migration 5 (owned by the message-operations area). */
export const RECEIPTS_MIGRATION: Migration = {
  version: 5,
  name: 'group read receipts',
  sql: `
    -- One row per (group message, member who read it); written only for groups with read_ack on.
    CREATE TABLE message_reads (
      msg_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      read_at INTEGER NOT NULL,
      PRIMARY KEY (msg_id, user_id)
    ) WITHOUT ROWID;
  `,
};

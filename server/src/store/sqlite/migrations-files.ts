/** Schema step 4: uploaded files, their access grants and upload slots (docs/rich-messages.md, "Files"). */
import type { Migration } from './migrations';

/** Migration 4 (owned by the files area). */
export const FILES_MIGRATION: Migration = {
  version: 4,
  name: 'files',
  sql: `
    -- One row per upload slot's file; bytes live in the FileStorage under storage_key (and thumb_key).
    CREATE TABLE files (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      app_id TEXT NOT NULL,
      owner_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      ready INTEGER NOT NULL DEFAULT 0,
      mime TEXT NOT NULL DEFAULT '',
      size INTEGER NOT NULL DEFAULT 0,
      name TEXT NOT NULL DEFAULT '',
      storage_key TEXT NOT NULL DEFAULT '',
      thumb_key TEXT NOT NULL DEFAULT '',
      thumb_mime TEXT NOT NULL DEFAULT '',
      thumb_size INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    );
    -- Every download URL: its secret sign and who may read through it (0 public, 1 a 1:1 pair, 2 a group).
    CREATE TABLE file_grants (
      sign TEXT PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id),
      type INTEGER NOT NULL,
      conv_id INTEGER NOT NULL,
      granted_by INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX file_grants_file ON file_grants (file_id);
    -- used / thumb_used: the file / its thumbnail was uploaded (each once; wx.uploadFile sends one per request).
    CREATE TABLE upload_slots (
      token_hash TEXT PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES files(id),
      expires_at INTEGER NOT NULL,
      used INTEGER NOT NULL DEFAULT 0,
      thumb_used INTEGER NOT NULL DEFAULT 0,
      max_bytes INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX upload_slots_expiry ON upload_slots (expires_at);
  `,
};

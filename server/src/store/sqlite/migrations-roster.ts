/** Schema step 2: user settings, devices, roster details, friend applications and the personal blocklist. */
import type { Migration } from './migrations';

/** Migration 2 (owned by the users and roster area). */
export const ROSTER_MIGRATION: Migration = {
  version: 2,
  name: 'users and roster',
  sql: `
    -- One row per user who changed a setting; others have the defaults (store/roster-types.ts).
    CREATE TABLE user_settings (
      user_id INTEGER PRIMARY KEY REFERENCES users(id),
      auth_mode INTEGER NOT NULL,
      auth_question TEXT NOT NULL,
      auth_answer TEXT NOT NULL,
      group_confirm INTEGER NOT NULL,
      no_push INTEGER NOT NULL,
      no_push_start_hour INTEGER NOT NULL,
      no_push_end_hour INTEGER NOT NULL
    );
    -- What each side set about the other: alias (remark name) and private ext.
    ALTER TABLE roster ADD COLUMN alias TEXT NOT NULL DEFAULT '';
    ALTER TABLE roster ADD COLUMN ext TEXT NOT NULL DEFAULT '';
    -- The token a device last logged in with (sha256), so that a password change spares the caller's devices.
    ALTER TABLE devices ADD COLUMN token_hash TEXT NOT NULL DEFAULT '';
    -- One application per (applicant, target); status 0 pending, 1 accepted, 2 declined.
    CREATE TABLE roster_applications (
      applicant_id INTEGER NOT NULL REFERENCES users(id),
      target_id INTEGER NOT NULL REFERENCES users(id),
      reason TEXT NOT NULL DEFAULT '',
      status INTEGER NOT NULL DEFAULT 0,
      expires_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (applicant_id, target_id)
    ) WITHOUT ROWID;
    CREATE INDEX roster_applications_target ON roster_applications (target_id, applicant_id);
    -- The personal blocklist; the send path looks up (user_id, blocked_id) both ways for every 1:1 message.
    CREATE TABLE blocklist (
      user_id INTEGER NOT NULL REFERENCES users(id),
      blocked_id INTEGER NOT NULL REFERENCES users(id),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, blocked_id)
    ) WITHOUT ROWID;
  `,
};

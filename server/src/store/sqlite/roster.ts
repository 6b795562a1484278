/** SQLite implementation of user settings, devices, roster details, friend applications and the blocklist. */
import type Database from 'better-sqlite3';
import type { RosterStore } from '../roster-types';

/** Roster storage on one database connection. */
export class SqliteRoster implements RosterStore {
  constructor(protected readonly db: Database.Database) {}
}

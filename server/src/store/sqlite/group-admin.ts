/** SQLite implementation of group management storage. */
import type Database from 'better-sqlite3';
import type { GroupAdminStore } from '../group-types';

/** Group management storage on one database connection. */
export class SqliteGroupAdmin implements GroupAdminStore {
  constructor(protected readonly db: Database.Database) {}
}

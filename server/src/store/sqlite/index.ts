/** The embedded SQLite store: one better-sqlite3 connection shared by the three repositories. */
import type Database from 'better-sqlite3';
import type { Store } from '../types';
import { SqliteAccounts } from './accounts';
import { openDatabase, type DataLocation } from './database';
import { SqliteGroups } from './groups';
import { SqliteMessages } from './messages';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** A folder for `floo.db` (created if missing), or `':memory:'`. */
  location: DataLocation;
  /** Time source in ms (tests may pin it). */
  clock?: () => number;
}

/** Opens the SQLite store. better-sqlite3 is synchronous, so each method runs as one transaction. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? Date.now;
  const db = openDatabase(options.location, clock());
  const accounts = new SqliteAccounts(db);
  const groups = new SqliteGroups(db);
  const messages = new SqliteMessages(db, clock);
  return composeStore(db, accounts, groups, messages);
}

function composeStore(db: Database.Database, accounts: SqliteAccounts, groups: SqliteGroups, messages: SqliteMessages): Store {
  const store = {} as Store;
  // Bind every method of the three repositories onto one object (they never share method names).
  for (const repo of [accounts, groups, messages]) {
    const proto = Object.getPrototypeOf(repo) as object;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const fn = (repo as unknown as Record<string, unknown>)[name];
      if (typeof fn === 'function') (store as unknown as Record<string, unknown>)[name] = fn.bind(repo);
    }
  }
  let closed = false;
  store.close = async () => {
    if (closed) return;
    closed = true;
    // Fold the WAL back into the main file so the data folder is self-contained after a stop.
    if (db.memory === false) db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  };
  return store;
}

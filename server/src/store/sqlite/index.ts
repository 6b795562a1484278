/** The embedded SQLite store: one better-sqlite3 connection shared by the repositories. */
import type Database from 'better-sqlite3';
import type { Store } from '../types';
import { SqliteAccounts } from './accounts';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { openDatabase, type DataLocation } from './database';
import { SqliteFiles } from './files';
import { SqliteGroupAdmin } from './group-admin';
import { SqliteGroupContent } from './group-content';
import { SqliteGroupRequests } from './group-requests';
import { SqliteGroups } from './groups';
import { SqliteMessages } from './messages';
import { SqliteReceipts } from './receipts';
import { SqliteRoster } from './roster';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** A folder for `floo.db` (created if missing), or `':memory:'`. */
  location: DataLocation;
  /** Time source in ms (tests may pin it). */
  clock?: () => number;
  /** Where background failures (the checkpoint worker) are reported. */
  onError?: (message: string) => void;
}

/**
 * Opens the SQLite store. better-sqlite3 is synchronous: each method runs as one transaction, or for
 * the message path, as one savepoint of the turn's group commit. A file database is checkpointed by a
 * worker thread (see checkpointer.ts).
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? Date.now;
  const db = openDatabase(options.location, clock());
  const accounts = new SqliteAccounts(db);
  const groups = new SqliteGroups(db);
  const messages = new SqliteMessages(db, clock);
  const repos = [accounts, groups, messages, new SqliteRoster(db), new SqliteGroupAdmin(db), new SqliteGroupRequests(db), new SqliteGroupContent(db), new SqliteFiles(db), new SqliteReceipts(db, messages.writes)];
  const checkpointer = db.memory ? undefined : startCheckpointer(db, db.name, (m) => options.onError?.(`WAL checkpoint worker: ${m}`));
  return composeStore(db, repos, messages, checkpointer);
}

function composeStore(db: Database.Database, repos: object[], messages: SqliteMessages, checkpointer: Checkpointer | undefined): Store {
  const store = {} as Store;
  // Bind every method of the repositories onto one object (they never share method names).
  for (const repo of repos) {
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
    messages.closeWrites();
    await checkpointer?.stop();
    // Fold the WAL back into the main file so the data folder is self-contained after a stop.
    if (db.memory === false) db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  };
  return store;
}

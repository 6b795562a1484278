/** Opening the SQLite database file with the settings the store relies on. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

/** `':memory:'` for a throw-away database, else a folder that will hold `floo.db`. */
export type DataLocation = string;

/** Opens (creating if needed) and migrates the database. */
export function openDatabase(location: DataLocation, now: number): Database.Database {
  let file = ':memory:';
  if (location !== ':memory:') {
    fs.mkdirSync(location, { recursive: true });
    file = path.join(location, 'floo.db');
  }
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    // NORMAL is durable against process crashes in WAL mode; only an OS crash may lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, now);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

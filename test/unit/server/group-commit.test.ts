/** Group commit of the SQLite store: one transaction per event-loop turn, each job still atomic on its own. */
import Database from 'better-sqlite3';
import { GroupCommit } from '../../../server/src/store/sqlite/group-commit';

function open(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

const insert = (db: Database.Database, k: string, v: number) => () => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run(k, v).changes;
const rows = (db: Database.Database) => db.prepare('SELECT k, v FROM t ORDER BY k').all();

test('jobs of one turn commit together, after the turn; results come back in order', async () => {
  const db = open();
  const gc = new GroupCommit(db);
  const a = gc.run(insert(db, 'a', 1));
  const b = gc.run(() => db.prepare('SELECT COUNT(*) AS n FROM t').get());
  // Nothing runs before the flush.
  expect(rows(db)).toEqual([]);
  expect(await a).toBe(1);
  // The second job saw the first one's row: same transaction, in order.
  expect(await b).toEqual({ n: 1 });
  expect(rows(db)).toEqual([{ k: 'a', v: 1 }]);
});

test('a failing job is rolled back alone and rejects; the others commit', async () => {
  const db = open();
  const gc = new GroupCommit(db);
  const ok1 = gc.run(insert(db, 'a', 1));
  const bad = gc.run(() => {
    insert(db, 'b', 2)();
    return insert(db, 'a', 3)(); // primary key violation: 'b' must not stay either
  });
  const ok2 = gc.run(insert(db, 'c', 4));
  // better-sqlite3 raises its errors from the realm that first loaded it, so match the message, not the class.
  await expect(bad.then(() => 'resolved', (e: Error) => e.message)).resolves.toMatch(/UNIQUE/);
  await expect(ok1).resolves.toBe(1);
  await expect(ok2).resolves.toBe(1);
  expect(rows(db)).toEqual([{ k: 'a', v: 1 }, { k: 'c', v: 4 }]);
  expect(db.inTransaction).toBe(false);
});

test('a lone failing job rejects and leaves nothing behind', async () => {
  const db = open();
  const gc = new GroupCommit(db);
  await expect(gc.run(() => {
    insert(db, 'x', 1)();
    throw new Error('boom');
  })).rejects.toThrow('boom');
  expect(rows(db)).toEqual([]);
});

test('close commits what is queued and refuses later jobs', async () => {
  const db = open();
  const gc = new GroupCommit(db);
  const queued = gc.run(insert(db, 'a', 1));
  gc.close();
  expect(rows(db)).toEqual([{ k: 'a', v: 1 }]);
  await expect(queued).resolves.toBe(1);
  await expect(gc.run(insert(db, 'b', 2))).rejects.toThrow(/closed/);
});

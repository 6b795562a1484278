/**
 * WAL checkpoints off the event loop. In WAL mode every commit appends pages to `floo.db-wal`; a
 * checkpoint copies them back into `floo.db` (a read and a write per page, then fsync). SQLite runs it
 * inside the commit that crosses `wal_autocheckpoint` pages, which stalls the event loop for several
 * milliseconds each time. Instead, a worker thread with its own connection runs PASSIVE checkpoints
 * every few tens of milliseconds (they never block the main connection's readers or writer), and the
 * main connection keeps a much higher automatic threshold only as a safety net: a WAL can only start
 * over when it is fully copied at the moment a write begins, which a steady stream of writes may never
 * allow, so now and then the main connection copies the (small) remainder itself and the WAL restarts.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints. */
const INTERVAL_MS = 50;
/** The main connection's own threshold while the worker runs (pages; 4 KiB each, so about 64 MiB). */
const SAFETY_NET_PAGES = 16_384;

// Runs in the worker (CommonJS, eval): one connection, a PASSIVE checkpoint per tick, closed on request.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 100');
db.pragma('synchronous = NORMAL');
let lastError = '';
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // SQLITE_BUSY: another checkpoint is running; try again next tick. Report other errors once each.
    const message = String((err && err.message) || err);
    if (err.code !== 'SQLITE_BUSY' && message !== lastError) parentPort.postMessage({ error: message });
    lastError = message;
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** A running background checkpointer. */
export interface Checkpointer {
  /** Stops the worker (after its current checkpoint) and closes its connection. */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` (the database `db` has open, in WAL mode) from a worker thread, and
 * raises `db`'s automatic threshold. Returns undefined (and leaves SQLite's default behaviour) when no
 * worker can be started.
 */
export function startCheckpointer(db: Database.Database, file: string, onError: (message: string) => void): Checkpointer | undefined {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: require.resolve('better-sqlite3'), file, intervalMs: INTERVAL_MS },
    });
  } catch {
    return undefined;
  }
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (err) => {
    // The worker died: let SQLite checkpoint in the commits again.
    onError(err.message);
    try {
      db.pragma('wal_autocheckpoint = 1000');
    } catch {
      // The database is already closed.
    }
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('close');
        const timeout = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timeout);
      })();
      return stopping;
    },
  };
}

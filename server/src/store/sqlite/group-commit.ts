/**
 * Group commit: the writes requested during one turn of the event loop run together in a single
 * SQLite transaction, flushed in the loop's check phase (`setImmediate`), so the commit cost (WAL
 * frames, locks) is paid once per turn instead of once per write, and rows written by several jobs
 * share pages. Each job is still atomic on its own: the batch first runs without savepoints; if a job
 * throws, the batch is rolled back and run again with a savepoint per job, so that only the failing
 * job is rolled back and rejects. Promises settle only after the commit, so nothing a caller does after
 * `await` (an ack, a NOTICE) can get ahead of the data being stored; a read issued before the flush
 * simply sees the state before these writes, as if it had come first.
 */
import type Database from 'better-sqlite3';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Jobs per transaction at most; a longer queue is committed in several transactions. */
const MAX_BATCH = 2000;

/** Batches write jobs of one event-loop turn into one transaction. */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private closed = false;
  private readonly inSavepoint: (fn: () => unknown) => unknown;
  private readonly inTransaction: (jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => void;
  private readonly optimistic: (jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => void;

  constructor(db: Database.Database) {
    // A transaction function called inside another one runs as a SAVEPOINT (better-sqlite3).
    this.inSavepoint = db.transaction((fn: () => unknown) => fn());
    // Fast path: no savepoints; any failure rolls the whole batch back (and it is re-run with savepoints).
    this.optimistic = db.transaction((jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => {
      for (const job of jobs) outcomes.push({ ok: true, value: job.fn() });
    });
    this.inTransaction = db.transaction((jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => {
      for (const job of jobs) {
        try {
          outcomes.push({ ok: true, value: this.inSavepoint(job.fn) });
        } catch (err) {
          // Some errors (I/O, disk full) make SQLite roll the whole transaction back: then nothing of
          // this batch is stored, and every job fails with that error.
          if (!db.inTransaction) throw err;
          outcomes.push({ ok: false, value: err });
        }
      }
    });
  }

  /**
   * Runs `fn` (synchronous database work) in the next group transaction; resolves after the commit.
   * `fn` may run twice (see above), so it must not have effects outside the database, except ones that
   * may repeat (taking a new id).
   */
  run<T>(fn: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now (also called before the database closes). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const jobs = this.queue.length <= MAX_BATCH ? this.queue : this.queue.slice(0, MAX_BATCH);
      this.queue = jobs === this.queue ? [] : this.queue.slice(MAX_BATCH);
      let outcomes: { ok: boolean; value: unknown }[] = [];
      try {
        try {
          this.optimistic(jobs, outcomes);
        } catch (err) {
          // A job failed (rare: jobs are re-runnable, they only touch the database and the id sequence)
          // and the batch was rolled back: run it again with a savepoint per job, so only that job fails.
          if (jobs.length === 1) throw err;
          outcomes = [];
          this.inTransaction(jobs, outcomes);
        }
      } catch (err) {
        // A lone job failed, or the commit itself did: nothing of this batch is stored.
        for (const job of jobs) job.reject(err);
        continue;
      }
      for (let i = 0; i < jobs.length; i++) {
        const o = outcomes[i];
        if (o.ok) jobs[i].resolve(o.value);
        else jobs[i].reject(o.value);
      }
    }
  }

  /** Flushes, then refuses further jobs. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}

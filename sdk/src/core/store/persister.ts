/**
 * Background persistence of the in-memory store: writes are debounced, coalesced per key and run one
 * at a time (concurrent async writes are how other mini-program SDKs lost messages). Every value is
 * kept under the per-key limit by its producer, and the total under a byte budget by evicting what the
 * store says is oldest. A failing storage call turns the persister off ("degraded"): the client keeps
 * working from memory and is told once.
 */
import type { KeyValueStorage, Timers, TimerHandle } from '../platform';
import { StorageError } from '../errors';
import type { Logger } from '../util/logger';
import { utf8Length } from '../util/utf8';

/** Limits and timing of a Persister. */
export interface PersisterOptions {
  /** Total bytes the SDK may keep in storage (default 8 MB, under WeChat's 10 MB). */
  budgetBytes: number;
  /** Largest value of one key (WeChat allows 1 MB per key; we stay below with a margin). */
  maxKeyBytes: number;
  /** Delay that coalesces bursts of changes into one write per key. */
  flushDelayMs: number;
}

/**
 * Produces a key's value at write time (latest state); `fits` says whether a candidate value is within
 * the per-key limit as the storage counts it. Returning undefined removes the key.
 */
export type Producer = (fits: (value: string) => boolean) => string | undefined;

/** Chooses keys to evict, oldest first, to make room (never `exceptKey`). */
export type EvictionPolicy = (exceptKey: string) => string[];

/** Debounced, serialized, budgeted writes to a KeyValueStorage. */
export class Persister {
  private readonly dirty = new Map<string, Producer>();
  private readonly sizes = new Map<string, number>();
  private total = 0;
  private timer: TimerHandle | null = null;
  private running: Promise<void> | null = null;
  private isDegraded = false;

  constructor(
    private readonly kv: KeyValueStorage,
    private readonly timers: Timers,
    private readonly options: PersisterOptions,
    private readonly log: Logger,
    private readonly onDegraded: (error: StorageError) => void,
    private readonly evictionPolicy: EvictionPolicy = () => [],
  ) {}

  /** True once storage has failed; nothing more is written this session. */
  get degraded(): boolean {
    return this.isDegraded;
  }

  /** Bytes currently accounted to the SDK's keys. */
  get totalBytes(): number {
    return this.total;
  }

  /** Records the size of a key found in storage at start-up. */
  account(key: string, bytes: number): void {
    this.total += bytes - (this.sizes.get(key) ?? 0);
    this.sizes.set(key, bytes);
  }

  /** Size last written for a key (0 when absent). */
  sizeOf(key: string): number {
    return this.sizes.get(key) ?? 0;
  }

  /** Marks `key` to be (re)written from `produce` soon. */
  schedule(key: string, produce: Producer): void {
    if (this.isDegraded) return;
    this.dirty.set(key, produce);
    if (this.timer === null && this.running === null) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        void this.drain();
      }, this.options.flushDelayMs);
    }
  }

  /** Writes everything pending now; resolves when storage is up to date (or degraded). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running || this.dirty.size > 0) {
      if (this.running) await this.running;
      else await this.drain();
    }
  }

  /** Reads a key; a failure degrades and reads as absent. */
  async read(key: string): Promise<string | undefined> {
    if (this.isDegraded) return undefined;
    try {
      return await this.kv.get(key);
    } catch (err) {
      this.degrade(`read of ${key} failed`, err);
      return undefined;
    }
  }

  private drain(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        while (this.dirty.size > 0 && !this.isDegraded) {
          const [key, produce] = this.dirty.entries().next().value as [string, Producer];
          this.dirty.delete(key);
          await this.writeOne(key, produce);
        }
      } finally {
        // Keys scheduled while this ran were taken by the loop above, so nothing is left behind.
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Bytes an entry counts in storage (the storage's own measure when it has one). */
  entryBytes(key: string, value: string): number {
    return this.kv.entryBytes ? this.kv.entryBytes(key, value) : utf8Length(key) + utf8Length(value);
  }

  private async writeOne(key: string, produce: Producer): Promise<void> {
    const value = produce((candidate) => this.entryBytes(key, candidate) <= this.options.maxKeyBytes);
    try {
      if (value === undefined) {
        if (this.sizes.has(key)) {
          await this.kv.remove(key);
          this.account(key, 0);
          this.sizes.delete(key);
        }
        return;
      }
      const bytes = this.entryBytes(key, value);
      if (!(await this.makeRoom(key, bytes))) {
        this.log.warn(`storage budget full: ${key} stays in memory only`);
        return;
      }
      await this.kv.set(key, value);
      this.account(key, bytes);
    } catch (err) {
      this.degrade(`write of ${key} failed`, err);
    }
  }

  /** Evicts oldest keys until `bytes` more fit in the budget; false if they cannot. */
  private async makeRoom(key: string, bytes: number): Promise<boolean> {
    const over = () => this.total - this.sizeOf(key) + bytes > this.options.budgetBytes;
    if (!over()) return true;
    for (const victim of this.evictionPolicy(key)) {
      if (!this.sizes.has(victim)) continue;
      await this.kv.remove(victim);
      this.account(victim, 0);
      this.sizes.delete(victim);
      this.dirty.delete(victim);
      this.log.info(`storage budget: evicted ${victim}`);
      if (!over()) return true;
    }
    return !over();
  }

  private degrade(what: string, err: unknown): void {
    if (this.isDegraded) return;
    this.isDegraded = true;
    this.dirty.clear();
    const error = new StorageError(`${what}: ${err instanceof Error ? err.message : String(err)}; continuing from memory`, err);
    this.log.warn(error.message);
    this.onDegraded(error);
  }
}

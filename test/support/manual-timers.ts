/** A manual clock and timer queue implementing the SDK's Timers, for deterministic tests. */
import type { Timers } from '../../sdk/src/core/platform';

interface Pending {
  id: number;
  at: number;
  fn: () => void;
}

/** Timers that only fire when the test advances the clock. */
export class ManualTimers implements Timers {
  private clock: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start = 1_800_000_000_000) {
    this.clock = start;
  }

  now(): number {
    return this.clock;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const t = { id: ++this.seq, at: this.clock + Math.max(0, ms), fn };
    this.pending.push(t);
    return t.id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** Number of timers waiting. */
  get size(): number {
    return this.pending.length;
  }

  /** Moves the clock forward, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.clock + ms;
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.clock = due.at;
      due.fn();
    }
    this.clock = end;
  }

  /** Moves the wall clock without firing anything (a frozen app: timers did not run). */
  jump(ms: number): void {
    this.clock += ms;
    for (const t of this.pending) t.at += ms;
  }
}

/**
 * Message id scheme: `milliseconds * 1024 + sequence`, strictly increasing, time-ordered and below
 * 2^53 until about the year 2248 (official clients turn ids into JS numbers). The generator never
 * goes backwards: it is seeded from the largest stored id, so ids stay monotonic across restarts
 * and clock steps. More than 1024 ids in one millisecond simply borrow from the next millisecond.
 */
export class MessageIdGenerator {
  private last: number;

  /** @param seed the largest id already in use (0 for none). */
  constructor(seed: number, private readonly clock: () => number = Date.now) {
    this.last = seed;
  }

  /** A new id, greater than every id returned or seeded before. */
  next(): number {
    const candidate = this.clock() * 1024;
    this.last = candidate > this.last ? candidate : this.last + 1;
    return this.last;
  }

  /** The millisecond timestamp encoded in an id. */
  static timeOf(id: number): number {
    return Math.floor(id / 1024);
  }
}

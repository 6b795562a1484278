/**
 * History requests (SyncUL with is_full_sync): at most one in flight per conversation uid, answered
 * by a SyncDL with is_full_sync and the same xid. The server returns newest first (§4.8).
 */
import { Command } from '../../protocol/enums';
import type { DownFrame, SyncDL, UpFrame } from '../../protocol/types';
import { ConnectionError, TimeoutError } from '../errors';
import { ErrorCode } from '../error-codes';
import type { Timers, TimerHandle } from '../platform';
import { deferred, type Deferred } from '../util/deferred';

interface Waiter {
  uid: string;
  key: string;
  limit: number;
  reply: Deferred<SyncDL>;
  timer: TimerHandle | null;
  sent: boolean;
}

/** History requests of one client. */
export class HistoryRequests {
  private readonly queue: Waiter[] = [];

  constructor(
    private readonly timers: Timers,
    private readonly timeoutMs: number,
    private readonly send: (frame: UpFrame) => boolean,
  ) {}

  /** Asks for up to `limit` items of conversation `uid` older than `key` ('0' = newest). */
  request(uid: string, key: string, limit: number): Promise<SyncDL> {
    const waiter: Waiter = { uid, key, limit, reply: deferred<SyncDL>(), timer: null, sent: false };
    this.queue.push(waiter);
    this.pump();
    return waiter.reply.promise;
  }

  /** Sends requests that were waiting for a connection (called on every login of the socket). */
  resend(): void {
    for (const w of this.queue) w.sent = false;
    this.pump();
  }

  /** Handles a history reply; false when the frame is not one. */
  handle(frame: DownFrame): boolean {
    if (frame.command !== Command.SYNC || !frame.payload?.is_full_sync) return false;
    const dl = frame.payload;
    const uid = dl.xid?.uid;
    const i = this.queue.findIndex((w) => w.sent && w.uid === uid);
    if (i >= 0) {
      const [w] = this.queue.splice(i, 1);
      if (w.timer !== null) this.timers.clearTimeout(w.timer);
      w.reply.resolve(dl);
      this.pump();
    }
    return true;
  }

  /** Rejects every request (logout, close). */
  cancelAll(reason: string): void {
    for (const w of this.queue.splice(0)) {
      if (w.timer !== null) this.timers.clearTimeout(w.timer);
      w.reply.reject(new ConnectionError(ErrorCode.UserNotLogin, reason));
    }
  }

  private pump(): void {
    for (const w of this.queue) {
      if (w.sent || this.queue.some((o) => o !== w && o.sent && o.uid === w.uid)) continue;
      const sent = this.send({
        vsn: 0, compress_method: 0, command: Command.SYNC,
        payload: { xid: { uid: w.uid, deviceSN: 0 }, key: w.key, is_full_sync: true, full_sync_num: w.limit },
      });
      if (!sent) continue; // Not connected: sent on the next login of the socket.
      w.sent = true;
      if (w.timer === null) {
        w.timer = this.timers.setTimeout(() => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          w.reply.reject(new TimeoutError(`history of ${w.uid} timed out after ${this.timeoutMs} ms`));
          this.pump();
        }, this.timeoutMs);
      }
    }
  }
}

/**
 * The receive path. UNREAD tells which conversations have pending items; NOTICE says one has new
 * ones; each is pulled with SyncUL{xid} and paged with SyncUL{xid, key: next_key} until next_key is 0
 * (xsync-protocol.md §4.3–4.5). A page is stored (and flushed) before its key is sent back, because
 * sending the key acknowledges the page: the server then forgets it. Duplicates are dropped by server
 * id in the store, so the app sees each message once.
 */
import { Command } from '../../protocol/enums';
import type { DownFrame, Meta, SyncDL, UnreadDL, UpFrame } from '../../protocol/types';
import type { Logger } from '../util/logger';

/** One pull in progress per conversation uid. */
interface PullState {
  /** Another NOTICE arrived meanwhile: pull again when this pull ends. */
  again: boolean;
}

/** What the sync engine needs from the client. */
export interface SyncDeps {
  log: Logger;
  /** Writes an upload frame; false when not connected. */
  send(frame: UpFrame): boolean;
  /** Applies a page of items (store + events) and flushes storage; resolves when done. */
  applyPage(metas: Meta[], conversationUid: string): Promise<void>;
  /** The initial sync after a login finished (every conversation pulled once). */
  onIdle(): void;
}

/** Pull loops of one connection. */
export class SyncEngine {
  private readonly pulls = new Map<string, PullState>();
  private awaitingUnread = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SyncDeps) {}

  /** Whether no pull is in flight and no UNREAD reply is awaited. */
  get idle(): boolean {
    return this.pulls.size === 0 && !this.awaitingUnread;
  }

  /** A new connection is logged in: forget the old pulls and ask what is pending. */
  start(): void {
    this.pulls.clear();
    this.awaitingUnread = true;
    if (!this.deps.send({ vsn: 0, compress_method: 0, command: Command.UNREAD })) this.awaitingUnread = false;
  }

  /** Handles a frame of the receive path; returns false for frames that are not its business. */
  handle(frame: DownFrame): boolean {
    if (frame.command === Command.UNREAD) {
      this.unread(frame.payload ?? {});
      return true;
    }
    if (frame.command === Command.NOTICE) {
      const uid = frame.payload?.xid?.uid;
      if (uid !== undefined) this.pull(uid);
      return true;
    }
    if (frame.command === Command.SYNC) {
      const dl = frame.payload ?? {};
      if (dl.is_full_sync || (dl.client_mid && dl.client_mid !== '0')) return false;
      // Pages are applied one after another, in arrival order, never interleaved.
      this.chain = this.chain.then(() => this.page(dl)).catch((err) => this.deps.log.error(`sync page failed: ${(err as Error).message}`));
      return true;
    }
    return false;
  }

  /** Pulls one conversation (its uid on the wire: peer or group id). */
  pull(uid: string): void {
    const state = this.pulls.get(uid);
    if (state) {
      state.again = true;
      return;
    }
    this.pulls.set(uid, { again: false });
    if (!this.deps.send(syncUL({ xid: { uid, deviceSN: 0 } }))) this.pulls.delete(uid);
  }

  private unread(dl: UnreadDL): void {
    for (const entry of dl.unread ?? []) {
      const uid = entry.xid?.uid;
      if (uid && (entry.n ?? 0) > 0) this.pull(uid);
    }
    if (this.awaitingUnread) {
      this.awaitingUnread = false;
      this.checkIdle();
    }
  }

  private async page(dl: SyncDL): Promise<void> {
    const uid = dl.xid?.uid;
    const metas = dl.metas ?? [];
    if (metas.length > 0) {
      try {
        await this.deps.applyPage(metas, uid ?? '0');
      } catch (err) {
        // Not acknowledged: the server keeps the page and sends it again on the next pull (a NOTICE, the
        // next heartbeat's UNREAD, or a reconnect); duplicates of what did get stored are dropped then.
        this.deps.log.error(`could not apply a page of ${uid}: ${(err as Error).message}`);
        if (uid !== undefined) this.pulls.delete(uid);
        this.checkIdle();
        return;
      }
    }
    if (uid === undefined) return;
    const nextKey = dl.next_key ?? '0';
    if (nextKey !== '0') {
      // Acknowledges this page (now stored) and asks for the next.
      if (!this.deps.send(syncUL({ xid: { uid, deviceSN: dl.xid?.deviceSN ?? 0 }, key: nextKey }))) this.pulls.delete(uid);
      return;
    }
    const state = this.pulls.get(uid);
    this.pulls.delete(uid);
    if (state?.again) this.pull(uid);
    else this.checkIdle();
  }

  private checkIdle(): void {
    if (this.idle) this.deps.onIdle();
  }
}

function syncUL(payload: NonNullable<Extract<UpFrame, { command: 1 }>['payload']>): UpFrame {
  return { vsn: 0, compress_method: 0, command: Command.SYNC, payload };
}

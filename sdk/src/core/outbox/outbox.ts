/**
 * The send outbox. Every send is persisted with a client_mid before it is written to the socket;
 * unacked sends survive reconnects and app restarts and are resent with the same client_mid, which
 * the server uses to recognise a retry (it answers with the same server_mid and stores nothing
 * twice). The ack (SyncDL.client_mid) settles the send.
 */
import { NameSpace, StatusCode } from '../../protocol/enums';
import type { MessageBody, Meta, SyncDL } from '../../protocol/types';
import { compareIds } from '../../protocol/ids';
import { ServerError, codeFromStatus } from '../errors';
import type { FlooError } from '../errors';
import type { Message } from '../types';
import { deferred, type Deferred } from '../util/deferred';

/** One persisted send. */
export interface PendingSend {
  clientMid: string;
  /** Conversation key of the message (absent for operations that are not messages). */
  key?: string;
  /** Meta namespace (MESSAGE unless an operation says otherwise). */
  ns: number;
  /** Target uid (peer, group or self); absent for conversation operations. */
  to?: string;
  /** The payload: a MessageBody, or (CONVERSATION) a Conversation. */
  payload: MessageBody | Record<string, unknown>;
  createdAt: number;
  /** A command message (never stored): the send resolves with it, given the server id, once acked. */
  cmd?: Message;
}

interface OutboxDoc {
  lastMid: string;
  pending: PendingSend[];
}

/** What the outbox needs from the client. */
export interface OutboxDeps {
  now(): number;
  /** Current user id and device SN, for Meta.from. */
  me(): { uid: string; deviceSN: number };
  /** Writes one upload frame; false when not connected (the send stays queued). */
  transmit(meta: Meta): boolean;
  /** Persists the outbox document. */
  save(doc: OutboxDoc): void;
  /** An own message was acked (or refused): the client updates store and events. */
  settled(pending: PendingSend, result: { serverMid?: string; error?: FlooError }): Promise<Message | undefined>;
}

/** The outbox of one logged-in session. */
export class Outbox {
  private pending: PendingSend[] = [];
  private lastMid = '0';
  private readonly waiting = new Map<string, Deferred<Message | undefined>>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Restores the persisted outbox (after an app restart). */
  restore(doc: OutboxDoc | undefined): void {
    if (!doc || !Array.isArray(doc.pending)) return;
    this.pending = doc.pending.filter((p) => p && typeof p.clientMid === 'string');
    if (typeof doc.lastMid === 'string') this.lastMid = doc.lastMid;
  }

  /** Sends still waiting for their ack, oldest first. */
  list(): readonly PendingSend[] {
    return this.pending;
  }

  /** A new client_mid: unique, increasing, ms-based (`now·1000 + n`), below 2^53. */
  nextClientMid(): string {
    let mid = String(this.deps.now() * 1000);
    if (compareIds(mid, this.lastMid) <= 0) mid = String(Number(this.lastMid) + 1);
    this.lastMid = mid;
    return mid;
  }

  /**
   * Queues a send (persisted first) and writes it now if connected. Resolves with the settled message
   * (or undefined for operations) when the server acks; rejects if the server refuses it.
   */
  add(entry: Omit<PendingSend, 'createdAt'>): Promise<Message | undefined> {
    const pending: PendingSend = { ...entry, createdAt: this.deps.now() };
    this.pending.push(pending);
    this.persist();
    const wait = deferred<Message | undefined>();
    this.waiting.set(pending.clientMid, wait);
    this.deps.transmit(this.meta(pending));
    return wait.promise;
  }

  /** Writes a best-effort upload (typing) now, never queued nor resent; false when not connected. */
  sendNow(entry: Omit<PendingSend, 'createdAt'>): boolean {
    return this.deps.transmit(this.meta({ ...entry, createdAt: this.deps.now() }));
  }

  /** (Re)writes every pending send, in order: called each time the connection logs in. */
  resendAll(): void {
    for (const p of this.pending) if (!this.deps.transmit(this.meta(p))) break;
  }

  /** Handles a SyncDL that acks an upload; returns false when it is not an ack of ours. */
  async handleAck(dl: SyncDL): Promise<boolean> {
    const mid = dl.client_mid;
    if (!mid || mid === '0' || dl.is_full_sync) return false;
    const i = this.pending.findIndex((p) => p.clientMid === mid);
    if (i < 0) return true; // An ack of a send already settled (a duplicate ack after a resend).
    const [p] = this.pending.splice(i, 1);
    this.persist();
    const code = dl.status?.code;
    const wait = this.waiting.get(mid);
    this.waiting.delete(mid);
    if (code === StatusCode.OK) {
      const message = await this.deps.settled(p, { serverMid: dl.server_mid });
      wait?.resolve(message ?? (p.cmd && { ...p.cmd, id: dl.server_mid ?? '', status: 'sent' }));
    } else {
      const error = new ServerError(codeFromStatus(code, dl.status?.reason), `send refused: ${dl.status?.reason || `status ${code ?? 0}`}`, { status: code });
      await this.deps.settled(p, { error });
      wait?.reject(error);
    }
    return true;
  }

  /** Rejects the Promises of pending sends (the sends themselves stay queued for the next login). */
  abandonWaiters(error: FlooError): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  private meta(p: PendingSend): Meta {
    const me = this.deps.me();
    const meta = {
      id: p.clientMid,
      from: { uid: me.uid, deviceSN: me.deviceSN },
      timestamp: String(p.createdAt),
      ns: p.ns,
      payload: p.payload,
    } as Meta;
    if (p.to !== undefined) meta.to = { uid: p.to, deviceSN: 0 };
    if (p.ns !== NameSpace.MESSAGE && p.ns !== NameSpace.CONVERSATION) throw new Error(`unsupported namespace ${p.ns}`);
    return meta;
  }

  private persist(): void {
    this.deps.save({ lastMid: this.lastMid, pending: this.pending });
  }
}

export type { OutboxDoc };

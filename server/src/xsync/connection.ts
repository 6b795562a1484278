/**
 * One client WebSocket: decodes frames, runs them strictly in order (a frame waits until the
 * previous one, PROVISION included, is fully handled), sends replies, and receives routed events
 * once logged in.
 */
import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import {
  Command, decodeFrame, encodeFrame, NameSpace, ProtocolError, StatusCode,
  type DownFrame, type UpFrame,
} from 'floo-miniprogram/protocol';
import type { ServerContext } from '../context';
import type { DeviceEvent, DeviceHandle } from '../routing/types';
import { dispatchFrame, isPipelined } from './dispatch';
import { noticeFrame, noXid, provisionFrame, status, syncError, syncFrame, unreadError, wireId, xid } from './wire';

/** WebSocket close codes used by the endpoint. */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
  INVALID_PAYLOAD: 1007,
  POLICY: 1008,
  TOO_BIG: 1009,
  /** Logged out by the server (kicked by another login, or by the device limit). */
  KICKED: 4001,
} as const;

/** The logged-in identity of a connection; registered with the router. */
export class DeviceSession implements DeviceHandle {
  constructor(
    readonly appId: string,
    readonly userId: number,
    readonly sn: number,
    readonly connectedAt: number,
    private readonly connection: Connection,
  ) {}

  deliver(event: DeviceEvent): void {
    this.connection.onEvent(this, event);
  }
}

/** How a command handler answers its frame. */
export interface Reply {
  /** Sends a reply to this frame; it goes out after the replies to every earlier frame of the connection. */
  send(frame: DownFrame): void;
  /**
   * Lets the connection start on its next frame while this one waits for its group-committed write
   * (see {@link isPipelined}). Only pipelined frames are released; for others this does nothing.
   * A plain function (no `this`), so it can be passed on.
   */
  readonly release: () => void;
}

/** A frame being handled, in arrival order; it is also the handler's {@link Reply}. */
class FrameSlot implements Reply {
  /** Replies held back until every earlier frame has answered. */
  held: DownFrame[] | undefined;
  done = false;
  /** Set while the frame waits for every earlier frame to finish. */
  onHead: (() => void) | undefined;
  /** Set for a pipelined frame: lets the connection go on (on release, or when the frame is done). */
  onRelease: (() => void) | undefined;

  constructor(private readonly conn: Connection) {}

  send(frame: DownFrame): void {
    this.conn.sendFor(this, frame);
  }

  // An arrow property, so that it can be handed around unbound.
  readonly release = (): void => {
    const go = this.onRelease;
    this.onRelease = undefined;
    go?.();
  };
}

/** A client connection. */
export class Connection {
  /** Set by a successful PROVISION. */
  session: DeviceSession | undefined;
  /** For the keep-alive ping: false until the next pong. */
  alive = true;
  private chain: Promise<void> = Promise.resolve();
  /** Frames started and not yet answered, oldest first. */
  private readonly slots: FrameSlot[] = [];
  private corked = false;
  private readonly closedPromise: Promise<void>;
  private queued = 0;
  private protocolErrors = 0;
  private ended = false;

  /**
   * @param socket the TCP socket under `ws`: corked while a burst of frames is written, so that the
   * replies of one event-loop turn leave in one write.
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    private readonly ctx: ServerContext,
    readonly label: string,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => { this.alive = true; });
    this.closedPromise = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('close', () => this.onClose());
    // ws reports oversized or invalid frames here before closing (1009 for maxPayload); nothing to add.
    ws.on('error', (err) => ctx.log.warn(`${this.label}: socket error: ${err.message}`));
  }

  /** True once the socket is closing or closed. */
  get isClosed(): boolean {
    return this.ended;
  }

  /** Resolves when the socket has closed. */
  closed(): Promise<void> {
    return this.closedPromise;
  }

  /** Sends a WebSocket ping (keep-alive). */
  ping(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  /** Encodes and sends one frame; dropped silently when the socket is gone. */
  send(frame: DownFrame): void {
    if (this.ended || this.ws.readyState !== WebSocket.OPEN) return;
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame(frame, { direction: 'down' });
    } catch (err) {
      this.ctx.log.error(`${this.label}: cannot encode a reply`, err);
      return;
    }
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.uncork);
    }
    this.ws.send(bytes, { binary: true });
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };

  /** Closes the socket with `code`. */
  close(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.detach();
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  /** Drops the socket at once (dead peer). */
  terminate(): void {
    this.ended = true;
    this.detach();
    this.ws.terminate();
  }

  /** Replaces the logged-in identity (PROVISION), unregistering the previous one. */
  async setSession(next: DeviceSession | undefined): Promise<void> {
    const previous = this.session;
    this.session = next;
    if (previous && previous !== next) await this.ctx.router.detach(previous);
  }

  /** Handles a routed event for one of this connection's sessions. */
  onEvent(session: DeviceSession, event: DeviceEvent): void {
    if (session !== this.session || this.ended) return;
    switch (event.kind) {
      case 'notice':
        this.send(noticeFrame(event.convId));
        break;
      case 'eager':
        this.send(syncFrame({ status: status(StatusCode.OK), xid: xid(event.convId, 0), metas: [event.meta], next_key: '0' }));
        break;
      case 'kick': {
        const now = this.ctx.now();
        // Not stored, so it needs no id from the message sequence; a time-based id keeps it ordered.
        const meta = {
          id: wireId(now * 1024), from: xid(0, 0), to: xid(session.userId, session.sn), timestamp: wireId(now),
          ns: NameSpace.USER_NOTICE, payload: { type: event.notice, content: event.reason },
        } as const;
        this.send(syncFrame({ status: status(StatusCode.OK), xid: xid(session.userId, 0), metas: [meta], next_key: '0' }));
        this.ctx.log.info(`${this.label}: kicked (${event.reason})`);
        this.close(CloseCode.KICKED, 'kicked');
        break;
      }
    }
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.ended) return;
    if (!isBinary) {
      // The mini-program transport is binary only; a text message is a different protocol.
      this.close(CloseCode.UNSUPPORTED_DATA, 'binary XSYNC frames only');
      return;
    }
    if (++this.queued > this.ctx.options.maxQueuedFrames) {
      this.close(CloseCode.POLICY, 'too many pending frames');
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    this.chain = this.chain
      .then(() => this.process(bytes))
      .catch((err) => this.ctx.log.error(`${this.label}: frame handling failed`, err));
  }

  /**
   * Handles one frame. Frames run strictly one after another, with one exception: a pipelined frame
   * (a queue pull or a chat message, see {@link isPipelined}) lets the next frame start once its write
   * is queued for the group commit, so a burst of uploads is stored in one transaction. Replies still
   * leave in frame order, and any other frame first waits until every earlier frame has answered, so
   * it sees their effects exactly as if they had run alone.
   */
  private process(bytes: Uint8Array): Promise<void> {
    const slot = new FrameSlot(this);
    this.slots.push(slot);
    let frame: UpFrame | undefined;
    let error: ProtocolError | undefined;
    if (!this.ended) {
      try {
        frame = decodeFrame(bytes, { direction: 'up' });
      } catch (err) {
        if (!(err instanceof ProtocolError)) {
          this.finishSlot(slot);
          throw err;
        }
        error = err;
      }
    }
    if (frame !== undefined && this.session !== undefined && isPipelined(frame)) {
      const released = new Promise<void>((resolve) => { slot.onRelease = resolve; });
      void this.handle(slot, frame, undefined);
      return released;
    }
    return this.waitForHead(slot).then(() => this.handle(slot, frame, error));
  }

  private waitForHead(slot: FrameSlot): Promise<void> {
    if (this.slots[0] === slot) return Promise.resolve();
    return new Promise((resolve) => { slot.onHead = resolve; });
  }

  /** Runs the frame's handler; never rejects. */
  private async handle(slot: FrameSlot, frame: UpFrame | undefined, error: ProtocolError | undefined): Promise<void> {
    try {
      if (this.ended) return;
      if (error) {
        this.onProtocolError(error, slot);
        return;
      }
      if (!frame) return;
      this.protocolErrors = 0;
      try {
        await dispatchFrame(this.ctx, this, slot, frame);
      } catch (err) {
        // A storage or programming error must not end the connection: answer FAIL in kind.
        this.ctx.log.error(`${this.label}: command ${frame.command} failed`, err);
        slot.send(failureFor(frame.command, StatusCode.FAIL, 'internal error', frame));
      }
    } finally {
      this.finishSlot(slot);
    }
  }

  /** Marks a frame answered; sends what later frames held back, up to the next unfinished one. */
  private finishSlot(slot: FrameSlot): void {
    slot.done = true;
    slot.release();
    this.queued--;
    while (this.slots.length > 0 && this.slots[0].done) {
      this.slots.shift();
      const head = this.slots[0];
      if (!head) break;
      const held = head.held;
      if (held) {
        head.held = undefined;
        for (const f of held) this.send(f);
      }
      const go = head.onHead;
      head.onHead = undefined;
      go?.();
    }
  }

  /** Sends a reply of `slot` now if every earlier frame has answered, else holds it back. */
  sendFor(slot: FrameSlot, frame: DownFrame): void {
    if (this.slots[0] === slot) this.send(frame);
    else (slot.held ??= []).push(frame);
  }

  private onProtocolError(err: ProtocolError, reply: Reply): void {
    this.ctx.log.warn(`${this.label}: bad frame (${err.kind}): ${err.message}`);
    const code = err.command === undefined ? StatusCode.PB_PARSER_ERROR
      : err.kind === 'UNSUPPORTED' && /unknown frame command/.test(err.message) ? StatusCode.UNKNOWN_COMMAND
        : err.kind === 'UNSUPPORTED' && /encrypt/.test(err.message) ? StatusCode.ENCRYPT_METHOD_UNSUPPORTED
          : err.kind === 'UNSUPPORTED' || err.kind === 'TOO_LARGE' ? StatusCode.INVALID_PARAMETER
            : StatusCode.PB_PARSER_ERROR;
    reply.send(failureFor(err.command, code, err.message));
    if (++this.protocolErrors >= this.ctx.options.maxProtocolErrors) {
      this.close(CloseCode.INVALID_PAYLOAD, 'too many malformed frames');
    }
  }

  private onClose(): void {
    this.ended = true;
    this.detach();
  }

  private detach(): void {
    const session = this.session;
    this.session = undefined;
    if (session) {
      this.ctx.router.detach(session).catch((err) => this.ctx.log.error(`${this.label}: detach failed`, err));
    }
  }
}

/**
 * A failure reply shaped like the answer to `command`, so the client routes it to the right handler.
 * Unknown or undecodable commands are answered as SYNC, the command the client checks for status.
 */
function failureFor(command: number | undefined, code: StatusCode, reason: string, frame?: UpFrame): DownFrame {
  if (command === Command.PROVISION) return provisionFrame(code, reason, noXid());
  if (command === Command.UNREAD) return unreadError(code, reason);
  const sync = frame && frame.command === Command.SYNC ? frame.payload : undefined;
  return syncError(code, reason, sync?.xid ?? sync?.meta?.to, sync?.meta ? sync.meta.id ?? '0' : undefined);
}

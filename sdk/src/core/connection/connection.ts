/**
 * The XSYNC connection: one socket at a time, PROVISION on open, heartbeat and liveness, reconnect
 * with backoff, and the app lifecycle (hide suspends, show and network-up reconnect at once).
 * It moves through the table in states.ts and reports every move through `onStateChange`.
 */
import { decodeFrame, encodeFrame, ProtocolError } from '../../protocol/index';
import { Command, StatusCode } from '../../protocol/enums';
import type { DownFrame, Provision, UpFrame } from '../../protocol/types';
import { ConnectionError, FlooError, ServerError, codeFromStatus } from '../errors';
import { ErrorCode } from '../error-codes';
import type { Platform, RawSocket, TimerHandle } from '../platform';
import type { Logger } from '../util/logger';
import { backoffDelay, type BackoffOptions } from './backoff';
import { STATES, type ConnectionState, type ConnectionStateChange } from './states';

/** Timing of the connection (milliseconds). */
export interface ConnectionTimings {
  /** Opening the socket and PROVISION together. */
  connectTimeoutMs: number;
  /** Interval between heartbeats (an UNREAD frame, answered by the server). */
  heartbeatMs: number;
  /** No frame at all within this time after a heartbeat means the socket is dead. */
  heartbeatTimeoutMs: number;
  /** Reconnect backoff. */
  backoff: BackoffOptions;
}

/** What the connection needs from the client. */
export interface ConnectionDeps {
  platform: Platform;
  log: Logger;
  timings: ConnectionTimings;
  /** The PROVISION request for the current session. */
  provision(): Provision;
  /** PROVISION succeeded. */
  onProvisioned(reply: Provision): void;
  /** PROVISION was refused; return true if the client fixed the session (e.g. a new token) and wants a retry now. */
  onProvisionRefused(error: ServerError): Promise<boolean>;
  /** Every frame received while connected, except PROVISION replies. */
  onFrame(frame: DownFrame): void;
  /** One state move. */
  onStateChange(change: ConnectionStateChange): void;
}

/** The UNREAD frame: the heartbeat, exactly as the official client sends it. */
const HEARTBEAT: UpFrame = { vsn: 0, compress_method: 0, command: Command.UNREAD };

/** One XSYNC connection with reconnects. */
export class Connection {
  private current: ConnectionState = 'idle';
  private url = '';
  private socket: RawSocket | null = null;
  private socketSeq = 0;
  private attempt = 0;
  private hidden = false;
  private offline = false;
  private lastFrameAt = 0;
  private connectTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private heartbeatTimer: TimerHandle | null = null;
  private livenessTimer: TimerHandle | null = null;

  constructor(private readonly deps: ConnectionDeps) {}

  /** The current state. */
  get state(): ConnectionState {
    return this.current;
  }

  /** Starts (or restarts) connecting to `url`, e.g. after login. */
  start(url: string): void {
    this.url = url;
    this.attempt = 0;
    this.clearTimers();
    this.dropSocket(1000, 'restart');
    if (this.hidden || this.offline) this.move('suspended', this.hidden ? 'app in background' : 'network down');
    else this.open();
  }

  /** Closes for good (logout or close): state `closed`. */
  stop(reason = 'closed by the app'): void {
    this.clearTimers();
    this.dropSocket(1000, reason);
    this.move('closed', reason);
  }

  /** Stops because of an error retrying cannot fix: state `failed`. */
  fail(error: FlooError): void {
    this.clearTimers();
    this.dropSocket(1000, error.code);
    this.move('failed', error.message, error);
  }

  /** Sends a frame if the connection is logged in; returns whether it was written to the socket. */
  send(frame: UpFrame): boolean {
    if (this.current !== 'connected' || !this.socket) return false;
    return this.write(frame);
  }

  /** The app went to the background: the host will soon freeze timers and kill the socket. */
  appHidden(): void {
    this.hidden = true;
    // Timers would fire late, in a burst, after the freeze: stop them and decide afresh on show.
    this.clearTimer('heartbeatTimer');
    this.clearTimer('livenessTimer');
    if (this.current === 'disconnected') {
      this.clearTimer('retryTimer');
      this.move('suspended', 'app in background');
    }
  }

  /** The app came to the foreground. */
  appShown(): void {
    this.hidden = false;
    this.resume('app in foreground');
  }

  /** Network reachability changed. */
  networkChanged(online: boolean): void {
    if (!online) {
      this.offline = true;
      if (STATES[this.current].terminal || this.current === 'idle') return;
      this.clearTimers();
      this.dropSocket(1000, 'network down');
      this.move('suspended', 'network down');
      return;
    }
    this.offline = false;
    this.resume('network up');
  }

  /** Leaves `suspended`/`disconnected` at once, or checks a connected socket is still alive. */
  private resume(reason: string): void {
    if (this.hidden || this.offline || STATES[this.current].terminal || this.current === 'idle') return;
    if (this.current === 'connected') {
      // After a freeze the socket may be dead without having told us (no close event). The wall clock
      // tells how long we were away; a probe tells whether the socket still answers.
      const silentFor = this.deps.platform.timers.now() - this.lastFrameAt;
      const t = this.deps.timings;
      if (silentFor > t.heartbeatMs + t.heartbeatTimeoutMs) this.lost(new ConnectionError(ErrorCode.ServerConnectFailed, `no frame for ${silentFor} ms`));
      else this.heartbeat();
      return;
    }
    if (this.current === 'suspended' || this.current === 'disconnected') {
      this.clearTimer('retryTimer');
      this.attempt = 0;
      this.open(reason);
    }
  }

  private open(reason?: string): void {
    const seq = ++this.socketSeq;
    this.move('connecting', reason);
    const { platform, timings } = this.deps;
    this.connectTimer = platform.timers.setTimeout(() => {
      this.connectTimer = null;
      if (seq === this.socketSeq) this.lost(new ConnectionError(ErrorCode.ServerTimeOut, `login did not complete within ${timings.connectTimeoutMs} ms`));
    }, timings.connectTimeoutMs);
    // Handlers ignore a socket that is no longer the current one (seq), so a late event from an old
    // socket can never disturb the new one.
    this.socket = platform.connect(this.url, {
      onOpen: () => {
        if (seq !== this.socketSeq) return;
        this.move('authenticating');
        this.write({ vsn: 0, compress_method: 0, command: Command.PROVISION, payload: this.deps.provision() });
      },
      onMessage: (data) => {
        if (seq === this.socketSeq) this.receive(data);
      },
      onError: (message) => {
        if (seq === this.socketSeq) this.deps.log.debug(`socket error: ${message}`);
      },
      onClose: (code, why) => {
        if (seq !== this.socketSeq) return;
        this.socket = null;
        this.lost(new ConnectionError(ErrorCode.ServerConnectFailed, `socket closed (${code}${why ? ` ${why}` : ''})`));
      },
    });
  }

  private receive(data: Uint8Array): void {
    this.lastFrameAt = this.deps.platform.timers.now();
    this.clearTimer('livenessTimer');
    let frame: DownFrame;
    try {
      frame = decodeFrame(data);
    } catch (err) {
      // One bad frame is logged and dropped; the socket stays (the server's next frames may be fine).
      this.deps.log.warn(`dropped a frame that does not decode: ${(err as ProtocolError).message}`);
      return;
    }
    if (frame.command === Command.PROVISION) {
      this.provisionReply(frame.payload ?? {});
      return;
    }
    if (this.current === 'connected') this.deps.onFrame(frame);
  }

  private provisionReply(reply: Provision): void {
    if (this.current !== 'authenticating') return;
    this.clearTimer('connectTimer');
    const code = reply.status?.code;
    if (code === StatusCode.OK) {
      this.attempt = 0;
      this.deps.onProvisioned(reply);
      this.move('connected');
      this.scheduleHeartbeat();
      return;
    }
    const error = new ServerError(codeFromStatus(code), `login refused: ${reply.status?.reason || `status ${code ?? 0}`}`, { status: code });
    this.dropSocket(1000, 'login refused');
    // Whatever happens while the client decides (stop, a new start) supersedes this attempt.
    const seq = this.socketSeq;
    this.deps.onProvisionRefused(error).then(
      (retry) => {
        if (seq !== this.socketSeq || STATES[this.current].terminal) return;
        if (retry) this.open('retrying with a new token');
        else this.fail(error);
      },
      (err) => this.fail(err instanceof FlooError ? err : error),
    );
  }

  private scheduleHeartbeat(): void {
    this.clearTimer('heartbeatTimer');
    if (this.hidden) return;
    this.heartbeatTimer = this.deps.platform.timers.setTimeout(() => {
      this.heartbeatTimer = null;
      this.heartbeat();
    }, this.deps.timings.heartbeatMs);
  }

  private heartbeat(): void {
    if (this.current !== 'connected') return;
    this.write(HEARTBEAT);
    this.clearTimer('livenessTimer');
    this.livenessTimer = this.deps.platform.timers.setTimeout(() => {
      this.livenessTimer = null;
      this.lost(new ConnectionError(ErrorCode.ServerTimeOut, `no answer to the heartbeat within ${this.deps.timings.heartbeatTimeoutMs} ms`));
    }, this.deps.timings.heartbeatTimeoutMs);
    this.scheduleHeartbeat();
  }

  /** The socket is gone or unusable: reconnect later (or wait for show / network). */
  private lost(error: FlooError): void {
    if (STATES[this.current].terminal || this.current === 'idle') return;
    this.clearTimers();
    this.dropSocket(1000, 'lost');
    if (this.hidden || this.offline) {
      this.move('suspended', error.message, error);
      return;
    }
    const delay = backoffDelay(this.attempt++, this.deps.timings.backoff, this.deps.platform.random());
    this.move('disconnected', error.message, error, delay);
    this.retryTimer = this.deps.platform.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.current === 'disconnected') this.open('retry');
    }, delay);
  }

  private write(frame: UpFrame): boolean {
    if (!this.socket) return false;
    try {
      this.socket.send(encodeFrame(frame));
      return true;
    } catch (err) {
      this.deps.log.warn(`send failed: ${(err as Error).message}`);
      return false;
    }
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.socketSeq++;
    if (socket) {
      try {
        socket.close(code, reason);
      } catch {
        // Closing an already dead socket is fine.
      }
    }
  }

  private move(next: ConnectionState, reason?: string, error?: Error, retryIn?: number): void {
    const previous = this.current;
    if (previous === next && next !== 'disconnected') return;
    this.current = next;
    const change: ConnectionStateChange = { previous, current: next };
    if (reason) change.reason = reason;
    if (error) change.error = error;
    if (retryIn !== undefined) change.retryIn = retryIn;
    this.deps.log.debug(`connection ${previous} -> ${next}${reason ? ` (${reason})` : ''}`);
    this.deps.onStateChange(change);
  }

  private clearTimers(): void {
    this.clearTimer('connectTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('heartbeatTimer');
    this.clearTimer('livenessTimer');
  }

  private clearTimer(name: 'connectTimer' | 'retryTimer' | 'heartbeatTimer' | 'livenessTimer'): void {
    const handle = this[name];
    if (handle !== null) {
      this.deps.platform.timers.clearTimeout(handle);
      this[name] = null;
    }
  }
}

/**
 * The connection state table: one place that says what each state means. The Connection moves
 * between these states and emits exactly one `connectionStateChange` event per move.
 */

/** Where the connection is. */
export type ConnectionState =
  /** Not started: no login yet. */
  | 'idle'
  /** The socket is opening. */
  | 'connecting'
  /** The socket is open and PROVISION (the XSYNC login) is in flight. */
  | 'authenticating'
  /** Logged in on the socket: frames flow. */
  | 'connected'
  /** The socket was lost; a reconnect is scheduled (`retryIn`). */
  | 'disconnected'
  /** The app is in the background or the network is down: no socket, no timers, until show or network up. */
  | 'suspended'
  /** Closed by the app (logout or close). Terminal until the next login. */
  | 'closed'
  /** Stopped by an error that retrying cannot fix (bad token, kicked, frozen). Terminal until the next login. */
  | 'failed';

/** What a state implies. */
export interface StateInfo {
  /** Sends are kept (in the outbox) and go out on `connected`; when false they are refused. */
  readonly acceptsSends: boolean;
  /** A reconnect timer may be running. */
  readonly retries: boolean;
  /** The session is over until the app logs in again. */
  readonly terminal: boolean;
  /** A socket exists (opening or open). */
  readonly hasSocket: boolean;
}

/** The table. */
export const STATES: Readonly<Record<ConnectionState, StateInfo>> = {
  idle: { acceptsSends: false, retries: false, terminal: false, hasSocket: false },
  connecting: { acceptsSends: true, retries: false, terminal: false, hasSocket: true },
  authenticating: { acceptsSends: true, retries: false, terminal: false, hasSocket: true },
  connected: { acceptsSends: true, retries: false, terminal: false, hasSocket: true },
  disconnected: { acceptsSends: true, retries: true, terminal: false, hasSocket: false },
  suspended: { acceptsSends: true, retries: false, terminal: false, hasSocket: false },
  closed: { acceptsSends: false, retries: false, terminal: true, hasSocket: false },
  failed: { acceptsSends: false, retries: false, terminal: true, hasSocket: false },
};

/** Payload of the `connectionStateChange` event. */
export interface ConnectionStateChange {
  previous: ConnectionState;
  current: ConnectionState;
  /** Why the state changed, in words. */
  reason?: string;
  /** The error behind a move to `disconnected` or `failed`. */
  error?: Error;
  /** For `disconnected`: milliseconds until the next attempt. */
  retryIn?: number;
}

/** Client options and their defaults. */
import type { LogLevel } from './platform';
import type { BackoffOptions } from './connection/backoff';
import type { LocalStoreOptions } from './store/local-store';

/** Options of `createClient`. */
export interface ClientOptions {
  /** The app id from the Lanying console (or floo-server's, e.g. `demo`). */
  appId: string;
  /** Discovery URL: the Lanying service's by default; floo-server's is `http://HOST:PORT/v2/app_dns`. */
  dnsServer?: string;
  /** Log level (default `warn`). */
  logLevel?: LogLevel;
  /** Timeouts in milliseconds. */
  timeouts?: Partial<Timeouts>;
  /** Reconnect backoff in milliseconds (default 1 s doubling to 30 s, with jitter). */
  reconnect?: Partial<BackoffOptions>;
  /** Local store limits. */
  storage?: Partial<LocalStoreOptions>;
  /** Device description sent at login (default: the platform name). */
  deviceInfo?: string;
  /**
   * Tell senders when their 1:1 messages reach this device (OPER DELIVER_ACK; default false). One ack
   * per sender per received batch, for the newest message of the batch.
   */
  deliveryAcks?: boolean;
}

/** Timeouts (milliseconds). */
export interface Timeouts {
  /** One REST call (default 15 s). */
  requestMs: number;
  /** Opening the socket and PROVISION (default 15 s). */
  connectMs: number;
  /** A whole login, until ready (default 30 s). */
  loginMs: number;
  /** Heartbeat interval (default 30 s; the server answers each one). */
  heartbeatMs: number;
  /** Silence after a heartbeat that means the socket is dead (default 10 s). */
  heartbeatTimeoutMs: number;
  /** One history page (default 15 s). */
  historyMs: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  appId: string;
  dnsServer: string;
  logLevel: LogLevel;
  timeouts: Timeouts;
  reconnect: BackoffOptions;
  storage: LocalStoreOptions;
  deviceInfo?: string;
  deliveryAcks: boolean;
}

/** The Lanying service's discovery endpoint. */
export const DEFAULT_DNS_SERVER = 'https://dns.lanyingim.com/v2/app_dns';

/** Fills in defaults. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    appId: options.appId,
    dnsServer: options.dnsServer ?? DEFAULT_DNS_SERVER,
    logLevel: options.logLevel ?? 'warn',
    timeouts: {
      requestMs: 15000, connectMs: 15000, loginMs: 30000, heartbeatMs: 30000, heartbeatTimeoutMs: 10000, historyMs: 15000,
      ...options.timeouts,
    },
    reconnect: { baseMs: 1000, maxMs: 30000, ...options.reconnect },
    storage: {
      budgetBytes: 8 * 1024 * 1024, maxPersistedPerConversation: 200, maxInMemoryPerConversation: 1000, flushDelayMs: 50,
      ...options.storage,
    },
    deliveryAcks: options.deliveryAcks === true,
  };
  if (options.deviceInfo !== undefined) resolved.deviceInfo = options.deviceInfo;
  return resolved;
}

/** What the managers see of a logged-in client (kept narrow so they stay small and testable). */
import type { ClientEvents } from './client-events';
import type { TypedEmitter } from './events';
import type { ConnectionState } from './connection/states';
import type { RatelClient } from './http/ratel';
import type { HistoryRequests } from './sync/history';
import type { LocalStore } from './store/local-store';
import type { Outbox } from './outbox/outbox';
import type { ResolvedOptions } from './options';
import type { Platform } from './platform';
import type { ConversationRef } from './types';

/** The state of one login, from login to logout. */
export interface UserSession {
  userId: string;
  store: LocalStore;
  outbox: Outbox;
  history: HistoryRequests;
  /** Marks a conversation read locally and tells the server and the user's other devices. */
  markRead(ref: ConversationRef, notifyServer: boolean): Promise<void>;
}

/** The client internals the managers use. */
export interface Runtime {
  readonly platform: Platform;
  readonly options: ResolvedOptions;
  readonly events: TypedEmitter<ClientEvents>;
  readonly http: RatelClient;
  connectionState(): ConnectionState;
  /** The current login; throws UserNotLogin when there is none. */
  session(): UserSession;
  /** This client's device serial number for the logged-in user (0 before the first login completes). */
  deviceSn(): number;
  /** The current REST token ('' before login): file URLs carry it. */
  token(): string;
  /** The password changed: a later token refresh of this session uses the new one. */
  passwordChanged(password: string): void;
}

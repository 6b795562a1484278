/**
 * `createClient(options, platform)`: one independent IM client. It owns its connection, its events
 * and (once logged in) its user session: store, outbox, sync and history. Nothing is kept at module
 * level, so several clients can run side by side.
 *
 * Login path: discovery (app_dns) → token (REST) → socket → PROVISION → UNREAD → SYNC → `ready`.
 */
import { MessageType, NameSpace, OpType, ContentType, StatusCode } from '../protocol/enums';
import type { DownFrame, Meta, Provision } from '../protocol/types';
import { AppDocs, type DeviceDoc } from './app-docs';
import type { ClientEvents } from './client-events';
import { Connection } from './connection/connection';
import type { ConnectionState, ConnectionStateChange } from './connection/states';
import { ErrorCode } from './error-codes';
import { ConnectionError, FlooError, InvalidArgumentError, ServerError, StorageError, TimeoutError } from './errors';
import { TypedEmitter, type Listener } from './events';
import { discover, type Servers } from './http/discovery';
import { RatelClient } from './http/ratel';
import { ConversationsManager } from './managers/conversations';
import { FilesManager } from './managers/files';
import { GroupsManager } from './managers/groups';
import { MessagesManager } from './managers/messages';
import { opBody } from './managers/message-ops';
import { RosterManager } from './managers/roster';
import { UsersManager } from './managers/users';
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options';
import { Outbox, type OutboxDoc, type PendingSend } from './outbox/outbox';
import type { Platform } from './platform';
import type { Runtime, UserSession } from './runtime';
import { LocalStore } from './store/local-store';
import { HistoryRequests } from './sync/history';
import { applyPage } from './sync/receive';
import { applyOwnOp } from './sync/operations';
import { SyncEngine } from './sync/sync-engine';
import { conversationKey, type ConversationRef, type Message } from './types';
import { deferred, type Deferred } from './util/deferred';
import { createLogger, type Logger } from './util/logger';
import { checkId, checkText } from './validate';

/** Version reported at login (PROVISION sdk_vsn). */
export const SDK_VERSION = '0.1.0';

/** Credentials of `login`: a user name or a user id, with the password. */
export type Credentials = { username: string; password: string } | { userId: string; password: string };

/** Who is logged in. */
export interface LoginResult {
  userId: string;
  /** The token (also saved, so that `resume()` can log in after an app restart without a password). */
  token: string;
}

interface TokenData {
  token?: string;
  user_id?: number | string;
}

/** An IM client. Create it with {@link createClient}. */
export class FlooClient {
  /** Sending and history. */
  readonly messages: MessagesManager;
  /** The conversation list. */
  readonly conversations: ConversationsManager;
  /** The own profile, settings, devices and password; other users' profiles. */
  readonly users: UsersManager;
  /** Friends, friend requests, aliases and the blocklist. */
  readonly roster: RosterManager;
  /** Groups and everything about managing them. */
  readonly groups: GroupsManager;
  /** Uploads, downloads and file URLs. */
  readonly files: FilesManager;

  private readonly options: ResolvedOptions;
  private readonly events: TypedEmitter<ClientEvents>;
  private readonly log: Logger;
  private readonly http: RatelClient;
  private readonly docs: AppDocs;
  private readonly connection: Connection;
  private readonly unsubscribe: Array<() => void> = [];
  private servers: Servers | null = null;
  private token = '';
  private password: Credentials | null = null;
  private device: DeviceDoc | null = null;
  private user: (UserSession & { sync: SyncEngine }) | null = null;
  private loginWait: Deferred<LoginResult> | null = null;
  private closed = false;

  constructor(options: ClientOptions, private readonly platform: Platform) {
    if (!options || typeof options !== 'object') throw new InvalidArgumentError('createClient() needs an options object');
    checkText(options.appId, 'appId', 128);
    if (!platform || typeof platform.connect !== 'function') throw new InvalidArgumentError('createClient() needs a platform');
    this.options = resolveOptions(options);
    this.log = createLogger(platform.log, this.options.logLevel);
    this.events = new TypedEmitter<ClientEvents>((event, err) => this.log.error(`a "${event}" listener threw: ${(err as Error)?.message ?? err}`));
    this.http = new RatelClient(platform, '', {
      appId: this.options.appId,
      timeoutMs: this.options.timeouts.requestMs,
      token: () => this.token,
      onTokenInvalid: () => this.tokenInvalid(new ServerError(ErrorCode.InvalidToken, 'the server rejected the token')),
    });
    this.docs = new AppDocs(platform.storage, this.options.appId, (what, err) => this.storageDegraded(new StorageError(`${what}: ${(err as Error)?.message ?? err}`, err)));
    this.connection = new Connection({
      platform,
      log: this.log,
      timings: {
        connectTimeoutMs: this.options.timeouts.connectMs,
        heartbeatMs: this.options.timeouts.heartbeatMs,
        heartbeatTimeoutMs: this.options.timeouts.heartbeatTimeoutMs,
        backoff: this.options.reconnect,
      },
      provision: () => this.provision(),
      onProvisioned: (reply) => this.provisioned(reply),
      onProvisionRefused: (error) => this.provisionRefused(error),
      onFrame: (frame) => this.frame(frame),
      onStateChange: (change) => this.stateChanged(change),
    });
    const runtime: Runtime = {
      platform,
      options: this.options,
      events: this.events,
      http: this.http,
      connectionState: () => this.connection.state,
      session: () => this.session(),
      deviceSn: () => (this.user && this.device?.sn[this.user.userId]) || 0,
      token: () => this.token,
      passwordChanged: (password) => {
        if (this.password) this.password = { ...this.password, password };
      },
    };
    this.messages = new MessagesManager(runtime);
    this.conversations = new ConversationsManager(runtime);
    this.users = new UsersManager(runtime);
    this.roster = new RosterManager(runtime, this.users);
    this.groups = new GroupsManager(runtime);
    this.files = new FilesManager(runtime);
    if (platform.onAppHide) this.unsubscribe.push(platform.onAppHide(() => this.connection.appHidden()));
    if (platform.onAppShow) this.unsubscribe.push(platform.onAppShow(() => this.connection.appShown()));
    if (platform.onNetworkChange) this.unsubscribe.push(platform.onNetworkChange((online) => this.connection.networkChanged(online)));
  }

  /** The connection state (see the state table in the docs). */
  get state(): ConnectionState {
    return this.connection.state;
  }

  /** The logged-in user's id, if any. */
  get userId(): string | undefined {
    return this.user?.userId;
  }

  /** Subscribes to an event; returns a function that unsubscribes. */
  on<K extends keyof ClientEvents>(event: K, listener: Listener<ClientEvents[K]>): () => void {
    return this.events.on(event, listener);
  }

  /** Subscribes to one occurrence of an event. */
  once<K extends keyof ClientEvents>(event: K, listener: Listener<ClientEvents[K]>): () => void {
    return this.events.once(event, listener);
  }

  /** Unsubscribes a listener. */
  off<K extends keyof ClientEvents>(event: K, listener: Listener<ClientEvents[K]>): void {
    this.events.off(event, listener);
  }

  /** Creates an account. Resolves with the new user's id. */
  async register(account: { username: string; password: string }): Promise<{ userId: string }> {
    this.assertOpen();
    checkText(account?.username, 'username', 64);
    checkText(account?.password, 'password', 128);
    await this.ensureServers();
    const data = await this.http.post<{ user_id?: number | string }>('/user/register/v2', { username: account.username, password: account.password });
    if (data?.user_id === undefined) throw new ServerError(ErrorCode.ServerResponseInvalid, 'register: no user_id in the answer');
    return { userId: String(data.user_id) };
  }

  /**
   * Logs in with a password and resolves once the first sync is done (`ready`). The token is saved
   * (never the password) so that {@link resume} can log in after an app restart.
   */
  async login(credentials: Credentials): Promise<LoginResult> {
    this.assertOpen();
    this.checkCredentials(credentials);
    this.assertNotLoggedIn();
    await this.ensureServers();
    const { userId, token } = await this.fetchToken(credentials);
    this.password = credentials;
    return this.start(userId, token);
  }

  /** Logs in with a token obtained elsewhere (e.g. from the app's own server). */
  async loginWithToken(userId: string, token: string): Promise<LoginResult> {
    this.assertOpen();
    const uid = checkId(userId, 'userId');
    checkText(token, 'token', 4096);
    this.assertNotLoggedIn();
    await this.ensureServers();
    this.password = null;
    return this.start(uid, token);
  }

  /** Logs in with the saved token, if there is one; resolves undefined when there is none. */
  async resume(): Promise<LoginResult | undefined> {
    this.assertOpen();
    this.assertNotLoggedIn();
    const saved = await this.docs.session();
    if (!saved?.token || !saved.userId) return undefined;
    await this.ensureServers();
    this.password = null;
    return this.start(saved.userId, saved.token);
  }

  /** Logs out: closes the connection and forgets the saved token. Queued sends stay for the next login. */
  async logout(): Promise<void> {
    await this.endSession('logged out');
    this.token = '';
    await this.docs.saveSession(undefined);
  }

  /** Closes the client for good (keeps the saved token for `resume()` by a new client). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.endSession('client closed');
    this.closed = true;
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Resolves when the connection is `connected` (immediately if it is). */
  whenConnected(): Promise<void> {
    if (this.connection.state === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = this.events.on('connectionStateChange', (c) => {
        if (c.current === 'connected') {
          off();
          resolve();
        } else if (c.current === 'closed' || c.current === 'failed') {
          off();
          reject(c.error ?? new ConnectionError(ErrorCode.UserNotLogin, `connection ${c.current}`));
        }
      });
    });
  }

  /** Writes every pending local change to storage (tests, before the app is killed). */
  async flush(): Promise<void> {
    await this.user?.store.flush();
  }

  private async start(userId: string, token: string): Promise<LoginResult> {
    this.token = token;
    this.device = (await this.docs.device()) ?? { guid: this.newGuid(), sn: {} };
    if (!this.device.sn) this.device.sn = {};
    await this.docs.saveDevice(this.device);
    await this.docs.saveSession({ userId, token });
    await this.openSession(userId);
    const wait = deferred<LoginResult>();
    this.loginWait = wait;
    const timer = this.platform.timers.setTimeout(() => {
      if (this.loginWait !== wait) return;
      this.loginWait = null;
      wait.reject(new TimeoutError(`login did not complete within ${this.options.timeouts.loginMs} ms`, ErrorCode.SignInTimeout));
      void this.endSession('login timed out');
    }, this.options.timeouts.loginMs);
    wait.promise.then(() => this.platform.timers.clearTimeout(timer), () => this.platform.timers.clearTimeout(timer));
    this.connection.start(this.servers!.socket);
    return wait.promise;
  }

  private async openSession(userId: string): Promise<void> {
    const store = new LocalStore(this.platform.storage, this.platform.timers, this.log, `floo:${this.options.appId}:${userId}:`, this.options.storage, (error) => this.storageDegraded(error));
    await store.open();
    const outbox = new Outbox({
      now: () => this.platform.timers.now(),
      me: () => ({ uid: userId, deviceSN: this.device?.sn[userId] ?? 0 }),
      transmit: (meta) => this.connection.send({ vsn: 0, compress_method: 0, command: 1, payload: { meta } }),
      save: (doc) => store.writeDoc('outbox', doc),
      settled: (p, result) => this.settled(p, result),
    });
    outbox.restore(await store.readDoc<OutboxDoc>('outbox'));
    const history = new HistoryRequests(this.platform.timers, this.options.timeouts.historyMs, (f) => this.connection.send(f));
    const receiveDeps = {
      me: userId,
      store,
      events: this.events,
      markReadLocally: (ref: ConversationRef) => this.markRead(ref, false),
      kicked: (code: ErrorCode, reason: string) => this.kicked(code, reason),
      conversationDeleted: (ref: ConversationRef) => {
        if (store.removeConversation(conversationKey(ref))) this.events.emit('conversationDelete', ref);
      },
      socialNotice: (meta: Meta) => {
        if (meta.ns === NameSpace.GROUP_NOTICE) this.groups.onNotice(meta);
        else if (meta.ns === NameSpace.ROSTER_NOTICE) this.roster.onNotice(meta);
        else this.users.onNotice(meta);
      },
      deliveryAcks: this.options.deliveryAcks,
      sendOp: (type: number, to: string, mid: string) => {
        outbox.add({ clientMid: outbox.nextClientMid(), ns: NameSpace.MESSAGE, to, payload: opBody(type, mid, to) }).catch(() => undefined);
      },
    };
    const sync = new SyncEngine({
      log: this.log,
      send: (f) => this.connection.send(f),
      applyPage: async (metas, uid) => {
        await applyPage(receiveDeps, metas, uid);
        await store.flush(); // Stored for good before the page is acknowledged.
      },
      onIdle: () => this.syncIdle(),
    });
    this.user = { userId, store, outbox, history, sync, markRead: (ref, notify) => this.markRead(ref, notify) };
  }

  private async endSession(reason: string): Promise<void> {
    const user = this.user;
    if (this.loginWait) {
      this.loginWait.reject(new ConnectionError(ErrorCode.SignInCancelled, `login cancelled: ${reason}`));
      this.loginWait = null;
    }
    if (this.connection.state !== 'idle' && this.connection.state !== 'closed') this.connection.stop(reason);
    if (!user) return;
    this.user = null;
    for (const m of [this.users, this.roster, this.groups]) m.reset();
    const error = new ConnectionError(ErrorCode.UserNotLogin, `${reason}; unsent messages stay queued for the next login`);
    user.outbox.abandonWaiters(error);
    user.history.cancelAll(reason);
    await user.store.flush();
  }

  private provision(): Provision {
    const user = this.session();
    return {
      xid: { uid: user.userId, deviceSN: this.device?.sn[user.userId] ?? 0 },
      token: this.token,
      os_type: 6,
      sdk_vsn: SDK_VERSION,
      device_guid: this.device?.guid ?? '',
      device_info: this.options.deviceInfo ?? this.platform.name,
    };
  }

  private provisioned(reply: Provision): void {
    const user = this.user;
    const sn = reply.xid?.deviceSN;
    if (!user || !this.device || !sn) return;
    if (this.device.sn[user.userId] !== sn) {
      this.device.sn[user.userId] = sn;
      void this.docs.saveDevice(this.device);
    }
  }

  private async provisionRefused(error: ServerError): Promise<boolean> {
    if (error.status === StatusCode.INVALID_TOKEN && this.password && this.user) {
      // The token expired while we still know the password (this session only): get a new one.
      try {
        const { token } = await this.fetchToken(this.password);
        this.token = token;
        await this.docs.saveSession({ userId: this.user.userId, token });
        return true;
      } catch (err) {
        this.log.warn(`token refresh failed: ${(err as Error).message}`);
      }
    }
    if (error.status === StatusCode.INVALID_TOKEN) this.tokenInvalid(error);
    if (this.loginWait) {
      this.loginWait.reject(error);
      this.loginWait = null;
    }
    return false;
  }

  private stateChanged(change: ConnectionStateChange): void {
    this.events.emit('connectionStateChange', change);
    const user = this.user;
    if (change.current === 'connected' && user) {
      user.sync.start();
      user.outbox.resendAll();
      user.history.resend();
    }
    if ((change.current === 'failed' || change.current === 'closed') && this.loginWait) {
      this.loginWait.reject(change.error instanceof FlooError ? change.error : new ConnectionError(ErrorCode.SignInFailed, change.reason ?? 'login failed'));
      this.loginWait = null;
    }
  }

  private frame(frame: DownFrame): void {
    const user = this.user;
    if (!user) return;
    if (user.history.handle(frame)) return;
    if (frame.command === 1 && frame.payload?.client_mid && frame.payload.client_mid !== '0') {
      void user.outbox.handleAck(frame.payload).catch((err) => this.log.error(`ack handling failed: ${(err as Error).message}`));
      return;
    }
    user.sync.handle(frame);
  }

  private syncIdle(): void {
    const user = this.user;
    if (!user) return;
    this.events.emit('ready', { userId: user.userId });
    if (this.loginWait) {
      this.loginWait.resolve({ userId: user.userId, token: this.token });
      this.loginWait = null;
    }
  }

  private async settled(p: PendingSend, result: { serverMid?: string; error?: FlooError }): Promise<Message | undefined> {
    const user = this.user;
    // An own recall, delete or edit takes effect here once the server has it (also after an app restart).
    if (user && !p.key && !result.error) return applyOwnOp({ me: user.userId, store: user.store, events: this.events }, p.payload);
    if (!user || !p.key) return undefined;
    const status = result.error ? 'failed' : 'sent';
    const message = await user.store.settleSending(p.key, p.clientMid, { id: result.serverMid, status });
    if (message) {
      this.events.emit('messageStatus', { message, previous: 'sending' });
      const summary = user.store.getConversation(p.key);
      if (summary) this.events.emit('conversationUpdate', summary);
    }
    return message;
  }

  private async markRead(ref: ConversationRef, notifyServer: boolean): Promise<void> {
    const user = this.session();
    const key = conversationKey(ref);
    const before = user.store.getConversation(key)?.unread ?? 0;
    // Group messages are acknowledged one by one (the newest 50): groups with read acks on keep receipts.
    const groupAcks = ref.type === 'group' && notifyServer && before ? (await user.store.messages(key)).filter((m) => !m.isOwn && m.status === 'unread').slice(-50) : [];
    const newest = await user.store.markRead(key);
    const summary = user.store.getConversation(key);
    if (summary) this.events.emit('conversationUpdate', summary);
    if (before !== 0) this.events.emit('unreadChange', { total: user.store.totalUnread(), conversation: ref, unread: 0 });
    if (!notifyServer || !newest) return;
    const op = (type: number, to: string) => user.outbox.add({
      clientMid: user.outbox.nextClientMid(),
      ns: NameSpace.MESSAGE,
      to,
      payload: { type: MessageType.OPER, ctype: ContentType.COMMAND, operation: { type, mid: newest, xid: { uid: ref.id, deviceSN: 0 } } },
    });
    const sends = [op(OpType.READ_ALL, user.userId)];
    if (ref.type === 'user') sends.push(op(OpType.READ_ACK, ref.id));
    for (const m of groupAcks) sends.push(user.outbox.add({ clientMid: user.outbox.nextClientMid(), ns: NameSpace.MESSAGE, to: m.from, payload: opBody(OpType.READ_ACK, m.id, ref.id) }));
    await Promise.all(sends);
  }

  private kicked(code: ErrorCode, reason: string): void {
    this.events.emit('kicked', { code, reason });
    this.connection.fail(new ServerError(code, `logged out by the server: ${reason}`));
    void this.docs.saveSession(undefined);
  }

  private tokenInvalid(error: FlooError): void {
    this.events.emit('tokenExpired', { error });
  }

  private storageDegraded(error: StorageError): void {
    this.events.emit('storageDegraded', { error });
  }

  /** A REST token for a password login (`/token/user` by name, `/token/id` by user id). */
  private async fetchToken(credentials: Credentials): Promise<{ userId: string; token: string }> {
    const path = 'username' in credentials ? '/token/user' : '/token/id';
    const data = await this.http.post<TokenData>(path, this.checkCredentials(credentials));
    if (!data?.token || data.user_id === undefined) throw new ServerError(ErrorCode.ServerResponseInvalid, `${path}: no token in the answer`);
    return { userId: String(data.user_id), token: data.token };
  }

  private async ensureServers(): Promise<void> {
    if (this.servers) return;
    const cached = await this.docs.servers();
    try {
      this.servers = await discover(this.http, this.options.dnsServer, this.options.appId);
      await this.docs.saveServers(this.servers);
    } catch (err) {
      // The last answer still works when discovery itself is unreachable.
      if (!cached || !(err instanceof ConnectionError || err instanceof TimeoutError)) throw err;
      this.log.warn(`discovery failed (${(err as Error).message}); using the cached servers`);
      this.servers = cached;
    }
    this.http.setBase(this.servers.ratel);
  }

  private session(): UserSession {
    if (!this.user) throw new ConnectionError(ErrorCode.UserNotLogin, 'not logged in');
    return this.user;
  }

  private checkCredentials(c: Credentials): Record<string, string | number> {
    if (!c || typeof c !== 'object') throw new InvalidArgumentError('login() takes { username, password } or { userId, password }');
    checkText(c.password, 'password', 128);
    if ('username' in c) return { name: checkText(c.username, 'username', 64), password: c.password };
    if ('userId' in c) return { user_id: Number(checkId(c.userId, 'userId')), password: c.password };
    throw new InvalidArgumentError('login() takes { username, password } or { userId, password }');
  }

  private assertNotLoggedIn(): void {
    if (this.user) throw new FlooError(ErrorCode.UserAlreadyLogin, `already logged in as ${this.user.userId}; log out first`);
  }

  private assertOpen(): void {
    if (this.closed) throw new FlooError(ErrorCode.GeneralError, 'the client is closed');
  }

  private newGuid(): string {
    let s = '';
    for (let i = 0; i < 16; i++) s += Math.floor(this.platform.random() * 16).toString(16);
    return `floo-${s}`;
  }
}

/** Creates an independent client bound to a platform (the wx and Node entries pass theirs). */
export function createClient(options: ClientOptions, platform: Platform): FlooClient {
  return new FlooClient(options, platform);
}

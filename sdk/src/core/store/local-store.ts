/**
 * The local store: conversations and their messages, memory first. Changes are persisted in the
 * background through a Persister: one index key (conversation summaries and shard sizes) and one
 * shard key per conversation (its newest messages, trimmed to fit the per-key limit). When the byte
 * budget is reached, the shards of the least recently active conversations are evicted (their
 * history stays on the server).
 */
import type { KeyValueStorage, Timers } from '../platform';
import type { StorageError } from '../errors';
import { compareIds } from '../../protocol/ids';
import type { Conversation, Message } from '../types';
import { refFromKey } from '../types';
import type { Logger } from '../util/logger';
import { Persister } from './persister';

/** Settings of the local store. */
export interface LocalStoreOptions {
  /** Total storage budget in bytes (default 8 MB). */
  budgetBytes: number;
  /** Messages kept per conversation in storage (default 200) — history beyond comes from the server. */
  maxPersistedPerConversation: number;
  /** Messages kept per conversation in memory (default 1000). */
  maxInMemoryPerConversation: number;
  /** Write coalescing delay (default 50 ms). */
  flushDelayMs: number;
}

interface ConversationEntry {
  summary: Conversation;
  /** Sorted by id; own messages still sending (empty id) at the end in send order. */
  messages: Message[];
  ids: Set<string>;
  loaded: boolean;
  loading: Promise<void> | null;
}

interface IndexDoc {
  v: 1;
  conversations: Conversation[];
}

const WECHAT_KEY_LIMIT = 1024 * 1024;

/** Memory-first store of conversations and messages. */
export class LocalStore {
  private readonly entries = new Map<string, ConversationEntry>();
  private readonly persister: Persister;

  /**
   * @param prefix key prefix of this user's data, e.g. `floo:demo:1001:`
   */
  constructor(
    kv: KeyValueStorage,
    timers: Timers,
    log: Logger,
    private readonly prefix: string,
    private readonly options: LocalStoreOptions,
    onDegraded: (error: StorageError) => void,
  ) {
    // Stay 10% under the platform's per-key limit: WeChat counts its own overhead.
    const maxKeyBytes = Math.floor(Math.min(kv.maxValueBytes ?? WECHAT_KEY_LIMIT, WECHAT_KEY_LIMIT) * 0.9);
    const budget = Math.min(options.budgetBytes, kv.maxTotalBytes ?? Infinity);
    this.persister = new Persister(kv, timers, { budgetBytes: budget, maxKeyBytes, flushDelayMs: options.flushDelayMs }, log, onDegraded, (except) => this.evictionOrder(except));
  }

  /** True once storage failed this session. */
  get degraded(): boolean {
    return this.persister.degraded;
  }

  /** Bytes the store occupies in storage. */
  get storedBytes(): number {
    return this.persister.totalBytes;
  }

  /** Loads the conversation index (not the messages: shards load on first use). */
  async open(): Promise<void> {
    const raw = await this.persister.read(this.indexKey());
    if (!raw) return;
    this.persister.account(this.indexKey(), this.persister.entryBytes(this.indexKey(), raw));
    let doc: IndexDoc;
    try {
      doc = JSON.parse(raw);
    } catch {
      return; // A corrupt index is dropped; the server still has everything.
    }
    for (const c of doc.conversations ?? []) {
      c.mentioned = c.mentioned === true; // Indexes written before mentions existed.
      const key = `${c.ref.type}:${c.ref.id}`;
      this.entries.set(key, { summary: c, messages: [], ids: new Set(), loaded: false, loading: null });
      const size = (c as Conversation & { bytes?: number }).bytes;
      if (size) this.persister.account(this.shardKey(key), size);
    }
  }

  /** Conversations, most recently active first. */
  listConversations(): Conversation[] {
    return Array.from(this.entries.values(), (e) => e.summary).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** One conversation's summary. */
  getConversation(key: string): Conversation | undefined {
    return this.entries.get(key)?.summary;
  }

  /** Total unread messages over all conversations. */
  totalUnread(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.summary.unread;
    return n;
  }

  /** The messages of a conversation known locally, oldest first. */
  async messages(key: string): Promise<Message[]> {
    const entry = await this.loaded(key);
    return entry.messages.slice();
  }

  /**
   * Adds messages (from sync, history or an ack) and returns those that were new, in id order.
   * Duplicates (same server id) are dropped: this is where delivery becomes exactly-once.
   */
  async addMessages(key: string, messages: Message[]): Promise<Message[]> {
    const entry = await this.loaded(key);
    const added: Message[] = [];
    for (const m of messages) {
      if (!m.id || entry.ids.has(m.id)) continue;
      entry.ids.add(m.id);
      insertSorted(entry.messages, m);
      added.push(m);
    }
    if (added.length === 0) return added;
    added.sort((a, b) => compareIds(a.id, b.id));
    this.trimMemory(entry);
    entry.summary.lastMessage = entry.messages[entry.messages.length - 1];
    for (const m of added) {
      if (!m.isOwn && m.status === 'unread') entry.summary.unread++;
      entry.summary.updatedAt = Math.max(entry.summary.updatedAt, m.timestamp);
    }
    this.touch(key);
    return added;
  }

  /** Adds an own message that is still sending (no server id yet). */
  async addSending(key: string, message: Message): Promise<void> {
    const entry = await this.loaded(key);
    entry.messages.push(message);
    entry.summary.lastMessage = message;
    entry.summary.updatedAt = Math.max(entry.summary.updatedAt, message.timestamp);
    this.touch(key);
  }

  /** Gives an own sending message its server id and new status; returns the updated message. */
  async settleSending(key: string, clientMid: string, patch: { id?: string; status: Message['status'] }): Promise<Message | undefined> {
    const entry = await this.loaded(key);
    const i = entry.messages.findIndex((m) => m.clientMid === clientMid && !m.id);
    if (i < 0) return undefined;
    const [message] = entry.messages.splice(i, 1);
    const updated: Message = { ...message, status: patch.status };
    if (patch.id) {
      if (entry.ids.has(patch.id)) {
        // The server copy arrived first (e.g. through another device's sync): keep one.
        this.touch(key);
        return entry.messages.find((m) => m.id === patch.id);
      }
      updated.id = patch.id;
      entry.ids.add(patch.id);
      insertSorted(entry.messages, updated);
    } else {
      entry.messages.push(updated);
    }
    const newest = entry.messages[entry.messages.length - 1];
    if (newest) entry.summary.lastMessage = newest;
    this.touch(key);
    return updated;
  }

  /** Removes an own message that never got a server id (a failed send); returns whether it was there. */
  async removeUnsent(key: string, clientMid: string): Promise<boolean> {
    const entry = await this.loaded(key);
    const i = entry.messages.findIndex((m) => m.clientMid === clientMid && !m.id);
    if (i < 0) return false;
    entry.messages.splice(i, 1);
    entry.summary.lastMessage = entry.messages[entry.messages.length - 1];
    this.touch(key);
    return true;
  }

  /** Marks every message from others as read; returns the newest message id (for the read ack). */
  async markRead(key: string): Promise<string | undefined> {
    const entry = await this.loaded(key);
    let newest: string | undefined;
    entry.messages = entry.messages.map((m) => {
      if (!m.isOwn && m.id) newest = m.id;
      return !m.isOwn && m.status === 'unread' ? { ...m, status: 'read' } : m;
    });
    if (entry.summary.lastMessage && !entry.summary.lastMessage.isOwn) {
      entry.summary.lastMessage = entry.messages.find((m) => m.id === entry.summary.lastMessage?.id) ?? entry.summary.lastMessage;
    }
    entry.summary.unread = 0;
    entry.summary.mentioned = false;
    this.touch(key);
    return newest;
  }

  /**
   * Marks a conversation unread: message `mid` (if here and from others) goes back to `unread` and the
   * count becomes at least 1. False when the conversation is unknown.
   */
  async markUnread(key: string, mid: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    await this.change(key, mid, (m) => (m.isOwn ? m : { ...m, status: 'unread' }));
    entry.summary.unread = Math.max(entry.summary.unread, 1);
    this.touch(key);
    return true;
  }

  /** Flags a conversation as mentioning the user. */
  setMentioned(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.summary.mentioned) return;
    entry.summary.mentioned = true;
    this.touch(key);
  }

  /**
   * Replaces message `id` of an existing conversation with `fn(message)`; undefined removes it, and its id
   * stays known so a later history page cannot bring it back. Keeps the unread count and the last
   * message right. Returns [before, after], or undefined when the message is not here.
   */
  async change(key: string, id: string, fn: (m: Message) => Message | undefined): Promise<[Message, Message | undefined] | undefined> {
    if (!this.entries.has(key)) return undefined;
    const entry = await this.loaded(key);
    const i = entry.messages.findIndex((m) => m.id === id);
    if (i < 0) return undefined;
    const before = entry.messages[i];
    const after = fn(before);
    if (after) entry.messages[i] = after;
    else entry.messages.splice(i, 1);
    entry.summary.unread += Number(isUnread(after)) - Number(isUnread(before));
    entry.summary.lastMessage = entry.messages[entry.messages.length - 1];
    this.touch(key);
    return [before, after];
  }

  /** Message lists held in memory (for local search); starts loading the stored ones not yet read. */
  cached(key?: string): Message[][] {
    const out: Message[][] = [];
    for (const [k, e] of this.entries) {
      if (key !== undefined && k !== key) continue;
      if (!e.loaded) void this.loaded(k);
      out.push(e.messages);
    }
    return out;
  }

  /** Removes a conversation and its messages. */
  removeConversation(key: string): boolean {
    if (!this.entries.delete(key)) return false;
    this.persister.schedule(this.shardKey(key), () => undefined);
    this.persister.schedule(this.indexKey(), (fits) => this.indexValue(fits));
    return true;
  }

  /** Reads a small document (outbox, session) stored beside the conversations. */
  async readDoc<T>(name: string): Promise<T | undefined> {
    const raw = await this.persister.read(this.prefix + name);
    if (!raw) return undefined;
    this.persister.account(this.prefix + name, this.persister.entryBytes(this.prefix + name, raw));
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  /** Schedules a small document for writing (undefined removes it). */
  writeDoc(name: string, value: unknown): void {
    this.persister.schedule(this.prefix + name, () => (value === undefined ? undefined : JSON.stringify(value)));
  }

  /** Waits until storage holds every change made so far. */
  flush(): Promise<void> {
    return this.persister.flush();
  }

  private async loaded(key: string): Promise<ConversationEntry> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { summary: { ref: refFromKey(key), unread: 0, updatedAt: 0, mentioned: false }, messages: [], ids: new Set(), loaded: true, loading: null };
      this.entries.set(key, entry);
      return entry;
    }
    if (entry.loaded) return entry;
    if (!entry.loading) {
      const e = entry;
      e.loading = (async () => {
        const raw = await this.persister.read(this.shardKey(key));
        const stored: Message[] = [];
        if (raw) {
          try {
            stored.push(...(JSON.parse(raw) as Message[]));
          } catch {
            // A corrupt shard is dropped; its history is still on the server.
          }
        }
        // Messages added while the shard was loading are kept; the stored ones join them.
        for (const m of stored) {
          if (m.id && e.ids.has(m.id)) continue;
          if (m.id) e.ids.add(m.id);
          if (m.id) insertSorted(e.messages, m);
          else e.messages.push(m);
        }
        e.loaded = true;
        e.loading = null;
      })();
    }
    await entry.loading;
    return entry;
  }

  private touch(key: string): void {
    this.persister.schedule(this.shardKey(key), (fits) => this.shardValue(key, fits));
    this.persister.schedule(this.indexKey(), (fits) => this.indexValue(fits));
  }

  private shardValue(key: string, fits: (value: string) => boolean): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    let list = entry.messages.slice(-this.options.maxPersistedPerConversation);
    let json = JSON.stringify(list);
    // Halve until it fits the per-key limit (rarely needed: 200 messages are ~100 KB).
    while (!fits(json) && list.length > 1) {
      list = list.slice(Math.ceil(list.length / 2));
      json = JSON.stringify(list);
    }
    return fits(json) ? json : undefined;
  }

  private indexValue(fits: (value: string) => boolean): string {
    const conversations = this.listConversations().map((c) => ({ ...c, bytes: this.persister.sizeOf(this.shardKey(`${c.ref.type}:${c.ref.id}`)) }));
    let doc: IndexDoc = { v: 1, conversations };
    let json = JSON.stringify(doc);
    while (!fits(json) && doc.conversations.length > 1) {
      doc = { v: 1, conversations: doc.conversations.slice(0, Math.ceil(doc.conversations.length / 2)) };
      json = JSON.stringify(doc);
    }
    return json;
  }

  /** Shards of the least recently active conversations first. */
  private evictionOrder(exceptKey: string): string[] {
    return this.listConversations()
      .reverse()
      .map((c) => this.shardKey(`${c.ref.type}:${c.ref.id}`))
      .filter((k) => k !== exceptKey);
  }

  private trimMemory(entry: ConversationEntry): void {
    const excess = entry.messages.length - this.options.maxInMemoryPerConversation;
    if (excess <= 0) return;
    for (const m of entry.messages.splice(0, excess)) if (m.id) entry.ids.delete(m.id);
  }

  private indexKey(): string {
    return `${this.prefix}conversations`;
  }

  private shardKey(key: string): string {
    return `${this.prefix}c:${key}`;
  }
}

function isUnread(m: Message | undefined): boolean {
  return !!m && !m.isOwn && m.status === 'unread';
}

/** Inserts a message with a server id in id order, before any still-sending own messages. */
function insertSorted(list: Message[], m: Message): void {
  let i = list.length;
  while (i > 0 && (!list[i - 1].id || compareIds(list[i - 1].id, m.id) > 0)) i--;
  list.splice(i, 0, m);
}

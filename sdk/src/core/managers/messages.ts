/** Sending messages, reading history and (through ./message-ops.ts) operations on messages. */
import { ContentType, MessageType, NameSpace } from '../../protocol/enums';
import type { MessageBody } from '../../protocol/types';
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { conversationOf, messageFromMeta } from '../sync/convert';
import { checkId, checkInt, checkJson, checkRef, checkText } from '../validate';
import { conversationKey, ctypeOfKind, kindOfCtype, type ContentKind, type ConversationRef, type Message } from '../types';
import { compareIds } from '../../protocol/ids';
import * as ops from './message-ops';
import { MessageFiles, type SendFileOptions } from './message-files';

/** A message to send. */
export interface SendOptions {
  /** Where to: `{ type: 'user', id }` or `{ type: 'group', id }`. */
  to: ConversationRef;
  /** Content kind (default `text`). */
  kind?: ContentKind;
  /** Text, or a caption. */
  content?: string;
  /** File, image, location...: a JSON string or an object. */
  attachment?: string | object;
  /** App extension: a JSON string or an object. */
  ext?: string | object;
  /** SDK extras (mentions...): a JSON string or an object. */
  config?: string | object;
  /** @mentions: user ids, or `'all'`; merged into `config` as `mentionList` / `mentionAll`. */
  mentions?: string[] | 'all';
}

/** One page of history. */
export interface HistoryPage {
  /** Oldest first. */
  messages: Message[];
  /** Pass as `before` to get the previous page; absent at the beginning of the conversation. */
  next?: string;
}

/** Largest text accepted in one message (characters). */
const MAX_CONTENT = 64 * 1024;

/** The `client.messages` API. */
export class MessagesManager {
  /** When `typing` was last sent per conversation (the rate limit). */
  private readonly typingSent = new Map<string, number>();
  /** File messages (./message-files.ts). */
  private readonly mf: MessageFiles;

  constructor(private readonly rt: Runtime) {
    this.mf = new MessageFiles(rt, this);
  }

  /** Sends a text message; resolves with the message once the server has it (status `sent`). */
  sendText(to: ConversationRef, text: string, extra: Omit<SendOptions, 'to' | 'kind' | 'content'> = {}): Promise<Message> {
    return this.send({ ...extra, to, kind: 'text', content: text });
  }

  /**
   * Sends a message. It is kept in the persistent outbox until the server acknowledges it, across
   * reconnects and app restarts, and resent with the same client id (the server stores it once).
   */
  async send(options: SendOptions): Promise<Message> {
    if (!options || typeof options !== 'object') throw new InvalidArgumentError('send() takes an options object');
    const to = checkRef(options.to, 'to');
    const kind = options.kind ?? 'text';
    const ctype = ctypeOfKind(kind);
    if (kindOfCtype(ctype) !== kind && kind !== 'custom') throw new InvalidArgumentError(`unknown message kind ${String(kind)}`);
    const content = checkText(options.content ?? '', 'content', MAX_CONTENT, kind !== 'text');
    const attachment = checkJson(options.attachment, 'attachment');
    const ext = checkJson(options.ext, 'ext');
    const config = checkJson(withMentions(options.config, options.mentions), 'config');
    const session = this.rt.session();
    if (this.rt.connectionState() === 'closed' || this.rt.connectionState() === 'failed') {
      throw new InvalidArgumentError('the client is not logged in');
    }
    const body: MessageBody = { type: to.type === 'group' ? MessageType.GROUPCHAT : MessageType.CHAT, content, ctype: ctype as ContentType };
    if (attachment !== undefined) body.attachment = attachment;
    if (ext !== undefined) body.ext = ext;
    if (config !== undefined) body.config = config;
    const clientMid = session.outbox.nextClientMid();
    const key = conversationKey(to);
    const message: Message = {
      id: '', clientMid, conversation: to, from: session.userId, to: to.id, timestamp: this.rt.platform.timers.now(),
      kind, ctype, content, status: 'sending', isOwn: true,
    };
    if (attachment !== undefined) message.attachment = attachment;
    if (ext !== undefined) message.ext = ext;
    if (config !== undefined) message.config = config;
    const entry = { clientMid, key, ns: NameSpace.MESSAGE, to: to.id, payload: body };
    // Commands are for the app only: never stored nor listed; the send resolves with the acked message.
    if (kind === 'command') return (await session.outbox.add({ ...entry, key: undefined, cmd: message })) as Message;
    await session.store.addSending(key, message);
    this.rt.events.emit('messageStatus', { message });
    const summary = session.store.getConversation(key);
    if (summary) this.rt.events.emit('conversationUpdate', summary);
    const settled = await session.outbox.add(entry);
    return settled as Message;
  }

  /**
   * Sends a failed own message again: its failed copy is removed (here and from storage, so it does not
   * come back when the conversation is reopened) and the same content goes out as a new message.
   */
  async resend(failed: Message): Promise<Message> {
    const upload = this.mf.resend(failed); // a file whose upload failed (or died with the app) is uploaded again
    if (upload) return upload;
    if (!failed?.isOwn || failed.status !== 'failed' || !failed.clientMid) throw new InvalidArgumentError('resend() takes a failed own message');
    await this.rt.session().store.removeUnsent(conversationKey(checkRef(failed.conversation)), failed.clientMid);
    const { conversation: to, kind, content, attachment, ext, config } = failed;
    return this.send({ to, kind, content, attachment, ext, config });
  }

  /**
   * Sends an image, voice, video or file from a local path: the message is listed at once (`sending`,
   * attachment with `localPath`), `messageProgress` reports the upload, then it goes out like `send`.
   * A failed upload leaves it `failed` (resend uploads again); see ./message-files.ts.
   */
  sendFile(options: SendFileOptions): Promise<Message> {
    return this.mf.send(options);
  }

  /** Cancels the upload of a `sending` file message (it becomes `failed`); false when none is running. */
  cancelSend(message: Message): boolean {
    return this.mf.cancel(message);
  }

  /** Forwards a message to another conversation (same kind, `ext.forward = {from, mid}`; files included). */
  forward(message: Message, to: ConversationRef): Promise<Message> {
    return this.mf.forward(message, to);
  }

  /** Messages of a conversation known locally (stored or received this session), oldest first. */
  local(conversation: ConversationRef): Promise<Message[]> {
    const ref = checkRef(conversation);
    return this.rt.session().store.messages(conversationKey(ref));
  }

  /**
   * A page of history from the server, newest page first: `before` is a message id (omit for the
   * newest messages); `limit` 1–100 (default 20). Pages are also kept in the local store.
   */
  async history(conversation: ConversationRef, options: { before?: string; limit?: number } = {}): Promise<HistoryPage> {
    const ref = checkRef(conversation);
    const before = options.before === undefined ? '0' : checkText(options.before, 'before', 20);
    if (before !== '0' && !/^[0-9]+$/.test(before)) throw new InvalidArgumentError('before must be a message id');
    const limit = checkInt(options.limit ?? 20, 'limit', 1, 100);
    const session = this.rt.session();
    const dl = await session.history.request(ref.id, before, limit);
    const messages: Message[] = [];
    for (const meta of dl.metas ?? []) {
      if (meta.ns !== NameSpace.MESSAGE || !meta.payload || !meta.id) continue;
      const body = meta.payload as MessageBody;
      const mref = conversationOf(meta, body, session.userId);
      if (!mref || mref.type !== ref.type || body.ctype === ContentType.COMMAND) continue;
      messages.push(messageFromMeta(meta, body, mref, session.userId));
    }
    messages.sort((a, b) => compareIds(a.id, b.id));
    // History is kept locally too, but it is not news: no `message` events.
    await session.store.addMessages(conversationKey(ref), messages.map((m) => (m.isOwn ? m : { ...m, status: m.status === 'unread' ? 'read' : m.status })));
    const next = dl.next_key && dl.next_key !== '0' && messages.length > 0 ? dl.next_key : undefined;
    return next === undefined ? { messages } : { messages, next };
  }

  /**
   * Recalls a message: the sender within the server's window (5 minutes by default), group owner and
   * admins any time. Everyone's copy becomes a placeholder (`recalled: true`, no content). Rejects with
   * `MessageOutRecallTime` or `UserPermissionDenied`.
   */
  recall(message: Message): Promise<void> {
    return ops.recall(this.rt, message);
  }

  /** Deletes a message for the user only, on all their devices. */
  deleteForMe(message: Message): Promise<void> {
    return ops.deleteForMe(this.rt, message);
  }

  /** Replaces the text of an own message (everyone sees it with `edited: true`); resolves with it. */
  edit(message: Message, text: string): Promise<Message> {
    return ops.edit(this.rt, message, text);
  }

  /** Tells the sender that their voice or video message was played (event `messagePlayed` there). */
  ackPlayed(message: Message): Promise<void> {
    return ops.ackPlayed(this.rt, message);
  }

  /** Shows or clears "typing…" at the peer(s); `typing` is sent at most once per 3 s per conversation. */
  typing(to: ConversationRef, state: 'typing' | 'nothing'): void {
    ops.typing(this.rt, this.typingSent, to, state);
  }

  /**
   * Searches the messages cached on this device (not the server): case-insensitive, in text, file names
   * and location addresses; newest first. Conversations not opened yet this session are read from
   * storage in the background and join later searches.
   */
  search(query: string, options?: ops.MessageSearchOptions): Message[] {
    return ops.search(this.rt, query, options);
  }

  /** Who read a group message (groups with read acks on; asked by the sender or an admin). */
  readReceipts(message: Message): Promise<{ read: string[]; unread: string[] }> {
    return ops.readReceipts(this.rt, message);
  }
}

/** `config` with the mentions added (`mentionAll`, or `mentionList` with numeric ids as the official clients send). */
function withMentions(config: SendOptions['config'], mentions: SendOptions['mentions']): SendOptions['config'] {
  if (mentions === undefined) return config;
  let base: object = {};
  if (typeof config === 'string') {
    try {
      base = JSON.parse(config) as object;
    } catch {
      throw new InvalidArgumentError('config must be JSON when mentions are given');
    }
  } else if (config) base = config;
  if (mentions === 'all') return { ...base, mentionAll: true };
  if (!Array.isArray(mentions)) throw new InvalidArgumentError("mentions must be user ids or 'all'");
  return { ...base, mentionList: mentions.map((id) => {
    const n = Number(checkId(id, 'mentions[]'));
    return Number.isSafeInteger(n) ? n : id;
  }) };
}

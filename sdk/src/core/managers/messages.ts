/** Sending messages and reading history. */
import { ContentType, MessageType, NameSpace } from '../../protocol/enums';
import type { MessageBody } from '../../protocol/types';
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { conversationOf, messageFromMeta } from '../sync/convert';
import { checkInt, checkJson, checkRef, checkText } from '../validate';
import { conversationKey, ctypeOfKind, kindOfCtype, type ContentKind, type ConversationRef, type Message } from '../types';
import { compareIds } from '../../protocol/ids';

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
  constructor(private readonly rt: Runtime) {}

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
    const config = checkJson(options.config, 'config');
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
    await session.store.addSending(key, message);
    this.rt.events.emit('messageStatus', { message });
    const summary = session.store.getConversation(key);
    if (summary) this.rt.events.emit('conversationUpdate', summary);
    const settled = await session.outbox.add({ clientMid, key, ns: NameSpace.MESSAGE, to: to.id, payload: body });
    return settled as Message;
  }

  /**
   * Sends a failed own message again: its failed copy is removed (here and from storage, so it does not
   * come back when the conversation is reopened) and the same content goes out as a new message.
   */
  async resend(failed: Message): Promise<Message> {
    if (!failed?.isOwn || failed.status !== 'failed' || !failed.clientMid) throw new InvalidArgumentError('resend() takes a failed own message');
    await this.rt.session().store.removeUnsent(conversationKey(checkRef(failed.conversation)), failed.clientMid);
    const { conversation: to, kind, content, attachment, ext, config } = failed;
    return this.send({ to, kind, content, attachment, ext, config });
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
      if (!mref || mref.type !== ref.type) continue;
      messages.push(messageFromMeta(meta, body, mref, session.userId));
    }
    messages.sort((a, b) => compareIds(a.id, b.id));
    // History is kept locally too, but it is not news: no `message` events.
    await session.store.addMessages(conversationKey(ref), messages.map((m) => (m.isOwn ? m : { ...m, status: m.status === 'unread' ? 'read' : m.status })));
    const next = dl.next_key && dl.next_key !== '0' && messages.length > 0 ? dl.next_key : undefined;
    return next === undefined ? { messages } : { messages, next };
  }
}

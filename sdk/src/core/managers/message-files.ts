/**
 * File messages: `messages.sendFile` (the local copy appears at once, the file is uploaded, then the
 * attachment of docs/rich-messages.md goes out through the outbox), `cancelSend`, the re-upload of
 * `resend`, and `forward` (files get a new grant for the target conversation, no bytes copied).
 */
import { ContentType, MessageType, NameSpace } from '../../protocol/enums';
import type { MessageBody } from '../../protocol/types';
import { ErrorCode } from '../error-codes';
import { InvalidArgumentError, ServerError } from '../errors';
import type { Runtime } from '../runtime';
import { conversationKey, ctypeOfKind, type ConversationRef, type Message } from '../types';
import { checkJson, checkRef, checkText } from '../validate';
import { FILE_KINDS, FilesManager, type FileKind, type FileTransfer, type UploadedFile } from './files';
import type { MessagesManager } from './messages';

/** Options of `messages.sendFile`. */
export interface SendFileOptions {
  to: ConversationRef;
  kind: FileKind;
  /** Local path of the file. */
  path: string;
  /** Name shown to the peer (`dName`; default: the last part of `path`). */
  name?: string;
  /** Size in bytes (`fLen`), as the picker reports it. */
  size?: number;
  /** Image and video dimensions in pixels. */
  width?: number;
  height?: number;
  /** Voice and video length in seconds. */
  duration?: number;
  /** Image thumbnail or video cover made by the app; sent as `tUrl`. */
  thumbnailPath?: string;
  ext?: string | object;
  config?: string | object;
}

type Json = Record<string, unknown>;

/** An object parsed from JSON text, or {} for anything else. */
function parse(text: string | undefined): Json {
  try {
    const v = JSON.parse(text ?? '') as unknown;
    return v && typeof v === 'object' ? (v as Json) : {};
  } catch {
    return {};
  }
}

/** A finite number ≥ 0, or undefined when absent. */
function size(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) throw new InvalidArgumentError(`${what} must be a number ≥ 0`);
  return value;
}

/** The file messages of one client (uploads in flight are kept by client id, for `cancelSend`). */
export class MessageFiles {
  private readonly uploads = new Map<string, FileTransfer<UploadedFile>>();
  private readonly files: FilesManager;

  constructor(private readonly rt: Runtime, private readonly messages: MessagesManager) {
    this.files = new FilesManager(rt);
  }

  /** Sends a file message; resolves once the server has it, rejects (the copy `failed`) if the upload fails. */
  async send(o: SendFileOptions): Promise<Message> {
    if (!o || typeof o !== 'object') throw new InvalidArgumentError('sendFile() takes an options object');
    const to = checkRef(o.to, 'to');
    const kind = o.kind;
    if (!FILE_KINDS.includes(kind)) throw new InvalidArgumentError(`kind must be ${FILE_KINDS.join(', ')}`);
    const path = checkText(o.path, 'path', 4096);
    const thumbnailPath = o.thumbnailPath === undefined ? undefined : checkText(o.thumbnailPath, 'thumbnailPath', 4096);
    const meta: Json = { dName: o.name === undefined ? path.split(/[\\/]/).pop() : checkText(o.name, 'name', 255), fLen: size(o.size, 'size') ?? 0 };
    if (kind === 'image' || kind === 'video') Object.assign(meta, { width: size(o.width, 'width') ?? 0, height: size(o.height, 'height') ?? 0 });
    if (kind === 'audio' || kind === 'video') meta.duration = size(o.duration, 'duration') ?? 0;
    const ext = checkJson(o.ext, 'ext');
    const config = checkJson(o.config, 'config');
    const session = this.rt.session();
    const { events } = this.rt;
    const key = conversationKey(to);
    const clientMid = session.outbox.nextClientMid();
    const ctype = ctypeOfKind(kind);
    // Until the upload is done the copy points at the local file (so the app can show it at once).
    let message: Message = {
      id: '', clientMid, conversation: to, from: session.userId, to: to.id, timestamp: this.rt.platform.timers.now(),
      kind, ctype, content: '', attachment: JSON.stringify({ ...meta, localPath: path, thumbnailPath }), status: 'sending', isOwn: true,
    };
    if (ext !== undefined) message.ext = ext;
    if (config !== undefined) message.config = config;
    const changed = () => {
      const summary = session.store.getConversation(key);
      if (summary) events.emit('conversationUpdate', summary);
    };
    await session.store.addSending(key, message);
    events.emit('messageStatus', { message });
    changed();
    let uploaded: UploadedFile;
    try {
      const t = this.files.upload({ path, for: to, kind, thumbnailPath, onProgress: (p) => events.emit('messageProgress', { message, ...p }) });
      this.uploads.set(clientMid, t);
      uploaded = await t.result;
    } catch (err) {
      const failed = await session.store.settleSending(key, clientMid, { status: 'failed' });
      if (failed) {
        events.emit('messageStatus', { message: failed, previous: 'sending' });
        changed();
      }
      throw err;
    } finally {
      this.uploads.delete(clientMid);
    }
    const attachment = JSON.stringify({ url: uploaded.url, ...meta, tUrl: uploaded.thumbnailUrl });
    message = { ...message, attachment };
    // The copy now carries the attachment everyone gets (it is re-added: the store has no in-place patch).
    if (await session.store.removeUnsent(key, clientMid)) await session.store.addSending(key, message);
    const body: MessageBody = { type: to.type === 'group' ? MessageType.GROUPCHAT : MessageType.CHAT, content: '', ctype: ctype as ContentType, attachment };
    if (ext !== undefined) body.ext = ext;
    if (config !== undefined) body.config = config;
    return (await session.outbox.add({ clientMid, key, ns: NameSpace.MESSAGE, to: to.id, payload: body })) as Message;
  }

  /** Cancels the upload of a `sending` file message (it becomes `failed`); false when none is running. */
  cancel(message: Message): boolean {
    const t = this.uploads.get(message?.clientMid ?? '');
    t?.cancel();
    return !!t;
  }

  /**
   * `resend` of an own file message whose upload failed, or that is still `sending` with no upload
   * running (the app was closed during the upload): uploads again from the local path. Undefined for others.
   */
  resend(failed: Message): Promise<Message> | undefined {
    const a = parse(failed?.attachment);
    const stuck = failed?.status === 'sending' && !this.uploads.has(failed.clientMid ?? '');
    if (!failed?.isOwn || !failed.clientMid || !(stuck || failed.status === 'failed') || typeof a.localPath !== 'string' || a.url !== undefined) return undefined;
    return (async () => {
      await this.rt.session().store.removeUnsent(conversationKey(checkRef(failed.conversation)), failed.clientMid!);
      const { conversation: to, kind, ext, config } = failed;
      return this.send({
        to, kind: kind as FileKind, path: a.localPath as string, name: a.dName as string, size: a.fLen as number, width: a.width as number,
        height: a.height as number, duration: a.duration as number, thumbnailPath: a.thumbnailPath as string | undefined, ext, config,
      });
    })();
  }

  /**
   * Sends a copy of `message` to `to`, as a message of the same kind with `ext.forward = {from, mid}`.
   * A file gets a download URL readable in the target conversation first.
   */
  async forward(message: Message, to: ConversationRef): Promise<Message> {
    if (!message?.id || !message.kind) throw new InvalidArgumentError('forward() takes a sent or received message');
    const target = checkRef(to, 'to');
    const a = parse(message.attachment);
    let attachment = message.attachment;
    if (FILE_KINDS.includes(message.kind as FileKind) && typeof a.url === 'string') {
      const url = await this.rt.http.get<unknown>('/file/upload/forward', { file_sign: a.url, to_id: target.id, to_type: target.type === 'group' ? 2 : 1 });
      if (typeof url !== 'string') throw new ServerError(ErrorCode.ServerResponseInvalid, '/file/upload/forward: no URL in the answer');
      attachment = JSON.stringify({ ...a, url, tUrl: a.tUrl === undefined ? undefined : `${url}&image_type=2` });
    }
    const ext = { ...parse(message.ext), forward: { from: message.from, mid: message.id } };
    return this.messages.send({ to: target, kind: message.kind, content: message.content, attachment, ext });
  }
}

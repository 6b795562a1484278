/** Conversion between wire items (Meta + MessageBody) and the app's Message. */
import { MessageStatus as WireStatus, MessageType } from '../../protocol/enums';
import type { MessageBody, Meta } from '../../protocol/types';
import type { ConversationRef, Message } from '../types';
import { kindOfCtype } from '../types';

/** The conversation a message item belongs to, seen by user `me`. */
export function conversationOf(meta: Meta, body: MessageBody, me: string): ConversationRef | undefined {
  const from = meta.from?.uid ?? '0';
  const to = meta.to?.uid ?? '0';
  if (body.type === MessageType.GROUPCHAT) return { type: 'group', id: to };
  if (body.type === MessageType.CHAT || body.type === MessageType.NORMAL || body.type === undefined) {
    return { type: 'user', id: from === me ? to : from };
  }
  return undefined;
}

/** The app's Message for a downloaded message item. */
export function messageFromMeta(meta: Meta, body: MessageBody, ref: ConversationRef, me: string): Message {
  const from = meta.from?.uid ?? '0';
  const isOwn = from === me;
  const ctype = body.ctype ?? 0;
  const m: Message = {
    id: meta.id ?? '0',
    conversation: ref,
    from,
    to: meta.to?.uid ?? '0',
    timestamp: Number(meta.timestamp ?? 0),
    kind: kindOfCtype(ctype),
    ctype,
    content: body.content ?? '',
    status: isOwn ? 'sent' : body.status === WireStatus.READ ? 'read' : 'unread',
    isOwn,
  };
  if (body.attachment) m.attachment = body.attachment;
  if (body.ext) m.ext = body.ext;
  if (body.config) m.config = body.config;
  if (body.edit_timestamp && body.edit_timestamp !== '0') m.edited = true;
  return m;
}

/** Whether a body is a typing indicator (`ext.input_status`), which is shown, never stored. */
export function typingState(body: MessageBody): 'typing' | 'nothing' | undefined {
  if (!body.ext || body.ext.indexOf('input_status') < 0) return undefined;
  try {
    const ext = JSON.parse(body.ext) as { input_status?: unknown };
    return ext.input_status === 'typing' ? 'typing' : ext.input_status === 'nothing' ? 'nothing' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a long press on a message offers: copy (text), recall (own, within the server's 5 minutes),
 * delete (for me; a failed own message is just removed), forward, @ the sender (others' messages in
 * groups), edit (own text), and cancel for an own file still uploading. WeChat's action sheet takes at
 * most 6 items, which is exactly the most a message can have.
 */
import type { Message } from 'floo-miniprogram';
import type { Dictionary } from '../../../i18n/index';

/** One action. */
export type ActionId = 'copy' | 'recall' | 'delete' | 'forward' | 'mention' | 'edit' | 'cancel';

/** Kinds sent by uploading a file first. */
const FILE_KINDS: string[] = ['image', 'audio', 'video', 'file'];

/** The server's recall window (docs/rich-messages.md); older own messages do not offer recall. */
export const RECALL_WINDOW_MS = 5 * 60 * 1000;

/** The actions of a message, in the order shown, with their labels. */
export function actionsFor(m: Message, o: { isGroup: boolean; now: number; t: Dictionary }): Array<{ id: ActionId; label: string }> {
  if (m.recalled) return [];
  const sent = Boolean(m.id) && m.status !== 'sending' && m.status !== 'failed';
  const ids: ActionId[] = [];
  if (m.kind === 'text') ids.push('copy');
  // A minute of leeway for clocks: the server decides, and says MessageOutRecallTime when it is too late.
  if (m.isOwn && sent && o.now - m.timestamp < RECALL_WINDOW_MS + 60 * 1000) ids.push('recall');
  if (m.isOwn && m.status === 'sending' && FILE_KINDS.includes(m.kind)) ids.push('cancel');
  else if (m.status !== 'sending') ids.push('delete');
  if (sent && m.kind !== 'command') ids.push('forward');
  if (o.isGroup && !m.isOwn) ids.push('mention');
  if (m.isOwn && sent && m.kind === 'text') ids.push('edit');
  const labels: Record<ActionId, string> = {
    copy: o.t.chat.copy, recall: o.t.chat.recall, delete: o.t.chat.delete, forward: o.t.chat.forward, mention: o.t.chat.mention, edit: o.t.chat.edit,
    cancel: o.t.chat.cancelSend,
  };
  return ids.map((id) => ({ id, label: labels[id] }));
}

/** The text of a refused recall the user can act on (else undefined: the generic error text). */
export function recallRefusal(err: unknown, t: Dictionary): string | undefined {
  const code = (err as { code?: string } | undefined)?.code;
  if (code === 'MessageOutRecallTime') return t.chat.recallTooLate;
  if (code === 'UserPermissionDenied') return t.chat.recallDenied;
  return undefined;
}

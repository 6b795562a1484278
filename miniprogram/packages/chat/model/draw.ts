/**
 * How a message is drawn: the common bubble fields (sender, time separator, status) plus the fields
 * of its kind (image thumbnail, voice length, file name and size, map card), the recalled placeholder,
 * the edited mark, the read mark of own 1:1 messages and the upload progress of own files.
 */
import type { Message } from 'floo-miniprogram';
import type { Dictionary } from '../../../i18n/index';
import { fill } from '../../../i18n/index';
import { chatTime, initial, preview } from '../../../utils/format';
import { attachmentOf, clockDuration, fileSize, frame } from './attachment';
import type { Drawn } from './message-list';

/** A separator is drawn above a message sent this long after the previous one. */
const SEPARATOR_GAP_MS = 5 * 60 * 1000;

/** What drawing needs from the page. */
export interface DrawContext {
  t: Dictionary;
  isGroup: boolean;
  /** Name and avatar of a user. */
  who(userId: string): { name: string; avatar: string };
  /** A server file URL the <image> can load (the SDK's `files.url`). */
  fileUrl(url: string, thumbnail: boolean): string;
  /** Upload progress (0–100) of own messages being sent, by key. */
  progress(m: Message): number | undefined;
}

/** Draws one message. */
export function drawMessage(m: Message, previous: Message | undefined, c: DrawContext): Drawn {
  const who = c.who(m.from);
  const separate = !previous || m.timestamp - previous.timestamp > SEPARATOR_GAP_MS;
  const base: Drawn = {
    id: m.id,
    own: m.isOwn,
    text: '',
    status: m.status,
    timestamp: m.timestamp,
    time: separate ? chatTime(m.timestamp, Date.now(), c.t) : '',
    name: who.name,
    avatar: who.avatar,
    initial: initial(who.name),
    showName: c.isGroup && !m.isOwn,
    kind: 'text',
    edited: m.edited ? c.t.chat.edited : '',
    readMark: m.isOwn && !c.isGroup ? readMark(m, c.t) : '',
    progress: -1,
  };
  if (m.recalled) {
    return { ...base, kind: 'recalled', text: m.isOwn ? c.t.chat.recalledByMe : fill(c.t.chat.recalledBy, { name: who.name }), edited: '', readMark: '' };
  }
  const a = attachmentOf(m);
  const uploading = m.isOwn && m.status === 'sending' ? c.progress(m) : undefined;
  const progress = uploading === undefined ? -1 : uploading;
  const server = (url: string, thumb: boolean) => (url ? c.fileUrl(url, thumb) : '');
  switch (m.kind) {
    case 'text':
      return { ...base, text: m.content };
    case 'image': {
      const { w, h } = frame(a.width, a.height);
      return { ...base, kind: 'image', src: server(a.url, true) || a.localPath, w, h, progress };
    }
    case 'video': {
      const { w, h } = frame(a.width, a.height);
      return { ...base, kind: 'video', src: server(a.tUrl, false) || a.thumbnailPath, w, h, duration: clockDuration(a.duration), progress };
    }
    case 'audio': {
      const seconds = Math.max(1, Math.round(a.duration));
      return { ...base, kind: 'audio', duration: `${seconds}"`, voiceWidth: Math.min(440, 140 + seconds * 10), progress };
    }
    case 'file':
      return { ...base, kind: 'file', fileName: a.dName || c.t.kinds.file, fileSize: fileSize(a.fLen), progress };
    case 'location':
      return { ...base, kind: 'location', fileName: a.name || a.addr, address: a.name ? a.addr : '' };
    default:
      return { ...base, kind: 'other', text: preview(m, c.t) };
  }
}

/** "Read" once the peer read an own 1:1 message, "unread" while only delivered. */
function readMark(m: Message, t: Dictionary): string {
  if (m.status === 'read') return t.chat.read;
  if (m.status === 'sent') return t.chat.unread;
  return '';
}

/** Formatting shared by the list and chat pages. */
import type { Message } from 'floo-miniprogram';
import type { Dictionary } from '../i18n/index';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Conversation-list time: `14:05` today, `Yesterday`, `03-14` this year, else `2023-03-14`. */
export function listTime(ts: number, now: number, t: Dictionary): string {
  if (!ts) return '';
  const d = new Date(ts);
  const today = new Date(now);
  if (sameDay(d, today)) return clock(d);
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(d, yesterday)) return t.time.yesterday;
  const md = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.getFullYear() === today.getFullYear() ? md : `${d.getFullYear()}-${md}`;
}

/** Chat separator time: the list time, plus the clock when it is not today. */
export function chatTime(ts: number, now: number, t: Dictionary): string {
  const day = listTime(ts, now, t);
  const c = clock(new Date(ts));
  return day === c ? c : `${day} ${c}`;
}

/** One line summarising a message's content. */
export function preview(m: Message | undefined, t: Dictionary): string {
  if (!m) return '';
  switch (m.kind) {
    case 'text': return m.content.replace(/\s+/g, ' ').trim();
    case 'image': return t.kinds.image;
    case 'audio': return t.kinds.audio;
    case 'video': return t.kinds.video;
    case 'file': return t.kinds.file;
    case 'location': return t.kinds.location;
    default: return m.content || t.kinds.other;
  }
}

/** The letter an avatar without an image shows. */
export function initial(name: string): string {
  const c = Array.from(name.trim())[0];
  return c ? c.toUpperCase() : '?';
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function clock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

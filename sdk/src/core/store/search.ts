/**
 * Local full-text search over cached messages: a case-insensitive substring match in the text, the
 * file name (`attachment.dName`) and the location address (`attachment.addr`). No index: the cache is
 * at most a few thousand messages, and a linear scan of them is fast enough on a phone.
 */
import { compareIds } from '../../protocol/ids';
import type { ContentKind, Message } from '../types';

/** Options of a search. */
export interface SearchOptions {
  /** Only these kinds (default: every kind). */
  kinds?: readonly ContentKind[];
  /** At most this many results (default 50). */
  limit?: number;
}

/** The messages of `lists` matching `query`, newest first. Recalled messages never match. */
export function searchMessages(lists: Iterable<readonly Message[]>, query: string, options: SearchOptions = {}): Message[] {
  const q = query.toLowerCase();
  const found: Message[] = [];
  for (const list of lists) {
    for (const m of list) {
      if (m.recalled || (options.kinds && !options.kinds.includes(m.kind))) continue;
      if (searchableText(m).toLowerCase().includes(q)) found.push(m);
    }
  }
  found.sort((a, b) => b.timestamp - a.timestamp || compareIds(b.id, a.id));
  return found.slice(0, options.limit ?? 50);
}

/** The text of a message that a search looks at. */
function searchableText(m: Message): string {
  let text = m.content;
  if (m.attachment) {
    try {
      const a = JSON.parse(m.attachment) as { dName?: unknown; addr?: unknown };
      for (const v of [a.dName, a.addr]) if (typeof v === 'string') text += `\n${v}`;
    } catch {
      // An attachment that is not JSON has nothing searchable.
    }
  }
  return text;
}

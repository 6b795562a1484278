/** Reading the parts of a notice item shared by roster, user and group notices. */
import type { XID } from '../../protocol/types';

/** A notice's JSON content as an object (empty when absent, not JSON, or not an object). */
export function noticeContent(content?: string): Record<string, unknown> {
  if (!content) return {};
  try {
    const v: unknown = JSON.parse(content);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The user ids of a notice's XID list, as decimal strings (entries without a uid dropped). */
export function uids(list?: XID[]): string[] {
  const out: string[] = [];
  for (const x of list ?? []) if (x && x.uid !== undefined && String(x.uid) !== '0') out.push(String(x.uid));
  return out;
}

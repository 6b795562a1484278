/**
 * setData payloads for lists: only what changed, addressed by path (`items[3].unread`), so that a
 * new message in a long conversation list sends a few fields to the view layer, not the whole list.
 */

/** A list item: a key plus fields of plain values. */
export interface ListItem {
  key: string;
}

/**
 * The setData patch that turns `prev` into `next` under the data field `name`: per field for an item
 * that kept its key, per item otherwise, appended items by index. A shorter list is sent whole,
 * because setData cannot remove array elements by path.
 */
export function listPatch<T extends ListItem>(name: string, prev: readonly T[], next: readonly T[]): Record<string, unknown> {
  if (next.length < prev.length) return { [name]: next.slice() };
  const patch: Record<string, unknown> = {};
  next.forEach((item, i) => {
    const old = prev[i];
    if (!old || old.key !== item.key) {
      patch[`${name}[${i}]`] = item;
      return;
    }
    const before = old as unknown as Record<string, unknown>;
    const after = item as unknown as Record<string, unknown>;
    for (const field of Object.keys(after)) {
      if (!same(before[field], after[field])) patch[`${name}[${i}].${field}`] = after[field];
    }
  });
  return patch;
}

/** True when a patch changes nothing. */
export function isEmptyPatch(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).length === 0;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Small nested values (e.g. a ref) compare by content.
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

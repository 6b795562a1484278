/**
 * Key ↔ file name encoding of the file storage. Only `a-z 0-9 _ -` stand for themselves; every other
 * UTF-8 byte becomes `%XX` with upper-case hex. So names are portable (no `/`, `\`, `:`, `*`, no `.`
 * or `..`), reversible (keys() lists them back), and two keys never differ only by letter case, which
 * would collide on macOS and Windows file systems. Names end in `.kv`; temp files never do.
 */

/** Suffix of every key file. */
export const KEY_FILE_SUFFIX = '.kv';

/** Longest file name most file systems accept, in bytes. */
export const MAX_FILE_NAME_BYTES = 255;

const LITERAL = /^[a-z0-9_-]$/;
const ENCODED = /^(?:[a-z0-9_-]|%[0-9A-F]{2})*$/;

/** The file name holding `key`. */
export function fileNameForKey(key: string): string {
  let name = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    name += LITERAL.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return name + KEY_FILE_SUFFIX;
}

/** The key a file name holds, or undefined for any file this encoding did not produce. */
export function keyForFileName(name: string): string | undefined {
  if (!name.endsWith(KEY_FILE_SUFFIX)) return undefined;
  const body = name.slice(0, -KEY_FILE_SUFFIX.length);
  if (!ENCODED.test(body)) return undefined;
  try {
    return decodeURIComponent(body);
  } catch {
    return undefined; // Not valid UTF-8: not one of ours.
  }
}

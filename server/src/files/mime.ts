/**
 * Content types of uploads. Clients often send `application/octet-stream` for every part (wx.uploadFile
 * does not know the type), so the type is taken, in order, from the part's Content-Type when it is
 * specific, from the file name's extension, then from the first bytes (magic numbers).
 */

/** What an upload slot accepts. */
export type FileKind = 'image' | 'audio' | 'video' | 'file' | 'avatar';

/** Bytes of a file's start that {@link sniffMime} looks at. */
export const SNIFF_BYTES = 16;

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-www-form-urlencoded']);

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  heic: 'image/heic', heif: 'image/heif', svg: 'image/svg+xml', ico: 'image/x-icon',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', amr: 'audio/amr', silk: 'audio/silk', wav: 'audio/wav',
  ogg: 'audio/ogg', opus: 'audio/opus', flac: 'audio/flac',
  mp4: 'video/mp4', mov: 'video/quicktime', m4v: 'video/mp4', webm: 'video/webm', '3gp': 'video/3gpp', avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  pdf: 'application/pdf', txt: 'text/plain', json: 'application/json', zip: 'application/zip',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** [offset, bytes (latin1), type]: enough to recognise what phones and browsers produce. */
const MAGIC: [number, string, string][] = [
  [0, '\xff\xd8\xff', 'image/jpeg'],
  [0, '\x89PNG\r\n\x1a\n', 'image/png'],
  [0, 'GIF8', 'image/gif'],
  [8, 'WEBP', 'image/webp'],
  [0, 'BM', 'image/bmp'],
  [0, 'ID3', 'audio/mpeg'],
  [0, '#!AMR', 'audio/amr'],
  [0, '#!SILK', 'audio/silk'],
  [1, '#!SILK', 'audio/silk'],
  [0, 'OggS', 'audio/ogg'],
  [8, 'WAVE', 'audio/wav'],
  [0, 'fLaC', 'audio/flac'],
  [4, 'ftypqt', 'video/quicktime'],
  [4, 'ftypM4A', 'audio/mp4'],
  [4, 'ftyp', 'video/mp4'],
  [0, '\x1aE\xdf\xa3', 'video/webm'],
  [0, '%PDF', 'application/pdf'],
];

/** The type named by a file name's extension, or ''. */
export function mimeOfName(name: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name ?? '');
  return m ? BY_EXTENSION[m[1].toLowerCase()] ?? '' : '';
}

/** The type recognised from a file's first bytes, or ''. */
export function sniffMime(head: Buffer): string {
  for (const [offset, magic, type] of MAGIC) {
    if (head.length >= offset + magic.length && head.toString('latin1', offset, offset + magic.length) === magic) return type;
  }
  // MPEG audio frame sync (mp3 without an ID3 tag) or ADTS (aac).
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0) return (head[1] & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  return '';
}

/** The declared type when it says something (not a generic binary type), else ''. */
export function declaredMime(contentType: string): string {
  const t = contentType.trim().toLowerCase();
  return GENERIC.has(t) || !/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t) ? '' : t;
}

/** The type prefix a kind requires ('' = any type). */
export function requiredPrefix(kind: FileKind): string {
  return kind === 'avatar' ? 'image/' : kind === 'file' ? '' : `${kind}/`;
}

/**
 * Decides an upload's type: declared, else by name, else by its first bytes; `application/octet-stream`
 * when nothing tells. Answers undefined when the type is not allowed for `prefix`.
 */
export function decideMime(declared: string, filename: string | undefined, head: Buffer, prefix: string): string | undefined {
  const type = declaredMime(declared) || mimeOfName(filename) || sniffMime(head) || 'application/octet-stream';
  return type.startsWith(prefix) ? type : undefined;
}

/**
 * A message's attachment JSON (docs/rich-messages.md) read defensively: another client may send
 * anything, and a bubble must never throw. While an own file is uploading the SDK's local copy carries
 * `localPath` (and the picked sizes) instead of `url`.
 */
import type { Message } from 'floo-miniprogram';

/** The fields of every kind, all optional. */
export interface Attachment {
  url: string;
  tUrl: string;
  localPath: string;
  thumbnailPath: string;
  dName: string;
  fLen: number;
  width: number;
  height: number;
  /** Seconds. */
  duration: number;
  lat: number;
  lon: number;
  addr: string;
  /** Location: the place's name (an extra field this demo sends next to `addr`). */
  name: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

/** The attachment of a message; empty fields when it has none or it is not JSON. */
export function attachmentOf(m: Pick<Message, 'attachment'>): Attachment {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = m.attachment ? JSON.parse(m.attachment) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: drawn as an empty attachment.
  }
  return {
    url: str(raw.url), tUrl: str(raw.tUrl), localPath: str(raw.localPath), thumbnailPath: str(raw.thumbnailPath),
    dName: str(raw.dName), fLen: num(raw.fLen), width: num(raw.width), height: num(raw.height), duration: num(raw.duration),
    lat: num(raw.lat), lon: num(raw.lon), addr: str(raw.addr), name: str(raw.name),
  };
}

/** `1.5 KB`, `2.3 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `0:07`, `1:02` for a duration in seconds. */
export function clockDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const rest = s % 60;
  return `${Math.floor(s / 60)}:${rest < 10 ? '0' : ''}${rest}`;
}

/** The drawn size (rpx) of an image or video cover: at most 360 wide or tall, at least 120. */
export function frame(width: number, height: number): { w: number; h: number } {
  if (!width || !height) return { w: 240, h: 240 };
  const scale = 360 / Math.max(width, height);
  return { w: Math.max(120, Math.round(width * scale)), h: Math.max(120, Math.round(height * scale)) };
}

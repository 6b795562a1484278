/**
 * A streaming `multipart/form-data` parser (RFC 7578 / RFC 2046 §5.1): it is fed the request body chunk
 * by chunk and answers, per chunk, the events it completed (a part's headers, a slice of its body, its
 * end). It never holds more than one chunk plus a boundary's length of a part's body, so uploads of any
 * size stream straight to storage; the caller enforces size limits on the `data` events.
 */

/** A part's headers (names in lower case) and its Content-Disposition name and file name. */
export interface PartHeaders {
  headers: Record<string, string>;
  /** The form field name (Content-Disposition `name`). */
  name: string;
  /** The Content-Disposition `filename`, when given. */
  filename?: string;
  /** The part's Content-Type in lower case without parameters ('' when absent). */
  contentType: string;
}

/** What a chunk completed, in order. */
export type MultipartEvent =
  | { type: 'part'; part: PartHeaders }
  | { type: 'data'; chunk: Buffer }
  | { type: 'end' };

/** A body that is not valid multipart (the message says why; safe to send to the client). */
export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** Limits of {@link MultipartParser}. */
export interface MultipartLimits {
  /** Bytes of one part's header block at most (default 16 KiB). */
  maxHeaderBytes?: number;
  /** Parts at most (default 20). */
  maxParts?: number;
  /** Bytes before the first boundary at most (default 16 KiB). */
  maxPreambleBytes?: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` Content-Type, or a MultipartError. */
export function boundaryOf(contentType: string | undefined): string {
  const type = (contentType ?? '').trim();
  if (!/^multipart\/form-data\s*(;|$)/i.test(type)) throw new MultipartError('Content-Type must be multipart/form-data');
  const boundary = headerParams(type).boundary;
  // RFC 2046: 1-70 characters; we also refuse control characters.
  if (!boundary || boundary.length > 70 || /[\x00-\x1f\x7f]/.test(boundary)) {
    throw new MultipartError('multipart/form-data Content-Type has no valid boundary');
  }
  return boundary;
}

/** The `key=value` parameters of a header value (quoted or bare values; keys in lower case). */
export function headerParams(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const key = m[1].toLowerCase();
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim();
    if (key.endsWith('*')) {
      // RFC 5987 extended value: charset'lang'percent-encoded; it wins over the plain one.
      const ext = /^([^']*)'[^']*'(.*)$/.exec(raw);
      if (ext) {
        try {
          out[key.slice(0, -1)] = decodeURIComponent(ext[2]);
        } catch {
          // A malformed encoding: keep the plain parameter, if any.
        }
      }
    } else if (!(key in out)) {
      out[key] = raw;
    }
  }
  return out;
}

type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';

/** The parser; see the file comment. One instance per body. */
export class MultipartParser {
  private readonly dash: Buffer;
  private readonly delimiter: Buffer;
  private readonly maxHeaderBytes: number;
  private readonly maxParts: number;
  private readonly maxPreambleBytes: number;
  private state: State = 'preamble';
  private buf: Buffer = Buffer.alloc(0);
  private parts = 0;
  private preamble = 0;

  constructor(boundary: string, limits: MultipartLimits = {}) {
    this.dash = Buffer.from(`--${boundary}`, 'latin1');
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    this.maxHeaderBytes = limits.maxHeaderBytes ?? 16 * 1024;
    this.maxParts = limits.maxParts ?? 20;
    this.maxPreambleBytes = limits.maxPreambleBytes ?? 16 * 1024;
  }

  /** True once the closing boundary was read. */
  get done(): boolean {
    return this.state === 'done';
  }

  /** Feeds a chunk; answers the events it completed. Throws MultipartError on malformed input. */
  push(chunk: Buffer): MultipartEvent[] {
    if (this.state === 'done') return []; // the epilogue is ignored
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const events: MultipartEvent[] = [];
    for (;;) {
      const progressed = this.step(events);
      if (!progressed || this.done) break;
    }
    if (this.done) this.buf = Buffer.alloc(0);
    return events;
  }

  /** Call at the end of the body: throws when the closing boundary never came. */
  finish(): void {
    if (this.state !== 'done') throw new MultipartError('multipart body is truncated (no closing boundary)');
  }

  /** One state transition; false when more input is needed. */
  private step(events: MultipartEvent[]): boolean {
    switch (this.state) {
      case 'preamble': {
        // The first boundary may open the body directly (no CRLF before it) or follow a preamble.
        const at = this.buf.indexOf(this.dash);
        if (at < 0) {
          const keep = Math.min(this.buf.length, this.dash.length - 1);
          this.preamble += this.buf.length - keep;
          this.buf = this.buf.subarray(this.buf.length - keep);
          if (this.preamble > this.maxPreambleBytes) throw new MultipartError('multipart body has no boundary line');
          return false;
        }
        this.preamble += at;
        if (this.preamble > this.maxPreambleBytes) throw new MultipartError('multipart body has no boundary line');
        this.buf = this.buf.subarray(at + this.dash.length);
        this.state = 'afterBoundary';
        return true;
      }
      case 'afterBoundary': {
        // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
        let i = 0;
        while (i < this.buf.length && (this.buf[i] === 0x20 || this.buf[i] === 0x09)) i++;
        if (this.buf.length - i < 2) {
          if (i > 256) throw new MultipartError('malformed multipart boundary line');
          return false;
        }
        if (this.buf[i] === 0x2d && this.buf[i + 1] === 0x2d) {
          this.state = 'done';
          return true;
        }
        if (this.buf[i] !== 0x0d || this.buf[i + 1] !== 0x0a) throw new MultipartError('malformed multipart boundary line');
        this.buf = this.buf.subarray(i + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        // A part without headers starts with the empty line right away.
        const end = this.buf.subarray(0, 2).equals(CRLF) ? -2 : this.buf.indexOf(HEADER_END);
        if (end === -1) {
          if (this.buf.length > this.maxHeaderBytes) throw new MultipartError(`multipart part headers exceed ${this.maxHeaderBytes} bytes`);
          return false;
        }
        if (end > this.maxHeaderBytes) throw new MultipartError(`multipart part headers exceed ${this.maxHeaderBytes} bytes`);
        if (++this.parts > this.maxParts) throw new MultipartError(`multipart body has more than ${this.maxParts} parts`);
        const block = end === -2 ? '' : this.buf.subarray(0, end).toString('utf8');
        this.buf = this.buf.subarray(end === -2 ? 2 : end + 4);
        events.push({ type: 'part', part: parsePartHeaders(block) });
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = this.buf.indexOf(this.delimiter);
        if (at >= 0) {
          if (at > 0) events.push({ type: 'data', chunk: this.buf.subarray(0, at) });
          events.push({ type: 'end' });
          this.buf = this.buf.subarray(at + this.delimiter.length);
          this.state = 'afterBoundary';
          return true;
        }
        // Everything but a possible start of the delimiter is part data.
        const safe = this.buf.length - (this.delimiter.length - 1);
        if (safe > 0) {
          events.push({ type: 'data', chunk: this.buf.subarray(0, safe) });
          this.buf = this.buf.subarray(safe);
        }
        return false;
      }
      default:
        return false;
    }
  }
}

function parsePartHeaders(block: string): PartHeaders {
  const headers: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('malformed multipart part header line');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'];
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('multipart part has no form-data Content-Disposition');
  const params = headerParams(disposition);
  if (params.name === undefined) throw new MultipartError('multipart part has no field name');
  const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return { headers, name: params.name, filename: params.filename, contentType };
}

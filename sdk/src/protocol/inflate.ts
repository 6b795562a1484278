/**
 * ZLIB (RFC 1950) decompression of frame payloads, through fflate's streaming inflater.
 * The input is fed in small slices so that a decompression bomb is stopped at the limit instead of
 * allocating its full output first.
 */
import { Unzlib } from 'fflate';
import { ProtocolError } from './errors';

/** Default cap on an inflated payload: 8 MiB (frames themselves are capped at 1 MiB by the server). */
export const DEFAULT_MAX_INFLATED_BYTES = 8 * 1024 * 1024;
const SLICE = 1024; // deflate expands at most ~1032:1, so one slice yields at most ~1 MiB

/**
 * Inflates a zlib stream.
 * @throws ProtocolError(MALFORMED) for a corrupt stream, ProtocolError(TOO_LARGE) past `maxBytes`.
 */
export function inflateZlib(data: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED_BYTES): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Unzlib((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new ProtocolError('TOO_LARGE', `inflated payload exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    if (data.length === 0) throw new Error('empty zlib stream');
    for (let i = 0; i < data.length; i += SLICE) {
      const end = Math.min(i + SLICE, data.length);
      stream.push(data.subarray(i, end), end === data.length);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('MALFORMED', `cannot inflate ZLIB payload: ${(err as Error).message}`, { cause: err });
  }
  if (!ended) throw new ProtocolError('MALFORMED', 'cannot inflate ZLIB payload: truncated stream');
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

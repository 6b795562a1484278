/**
 * ZLIB (RFC 1950) decompression for the mini-program build of the SDK, written for size: fflate's
 * inflater is ~2.3 KB of the gzipped bundle, this one a fraction of that. Same signature and limits
 * as ../inflate.ts (which servers and Node keep): the output is capped at `maxBytes` while it is
 * produced, so a decompression bomb stops at the limit. Like fflate, the Adler-32 trailer is not
 * checked and bytes after the last block are ignored. Symbols are decoded bit by bit (RFC 1951
 * canonical codes, no lookup tables): slower than fflate, and fine for frames of at most 1 MiB.
 */
import { ProtocolError } from '../errors';

/** Default cap on an inflated payload: 8 MiB (frames themselves are capped at 1 MiB by the server). */
export const DEFAULT_MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Code {
  counts: number[];
  symbols: number[];
}

/** The code of the given code lengths; an over-subscribed set (no prefix code) is refused, as zlib does. */
function code(lengths: number[], fail: (why: string) => never): Code {
  const counts: number[] = Array(16).fill(0);
  for (const n of lengths) counts[n]++;
  counts[0] = 0;
  for (let n = 1, left = 1; n < 16; n++) if ((left = 2 * left - counts[n]) < 0) fail('invalid code lengths set');
  const next = [0];
  for (let n = 1; n < 16; n++) next[n] = next[n - 1] + counts[n - 1];
  const symbols: number[] = [];
  lengths.forEach((n, symbol) => {
    if (n) symbols[next[n]++] = symbol;
  });
  return { counts, symbols };
}

// Base values and extra bits of length codes 257..285 and of distance codes 0..29.
const LEN_EXTRA: number[] = [];
const LEN_BASE: number[] = [];
const DIST_EXTRA: number[] = [];
const DIST_BASE: number[] = [];
for (let i = 0, len = 3, dist = 1; i < 30; i++) {
  LEN_EXTRA[i] = i < 8 || i > 27 ? 0 : (i >> 2) - 1;
  LEN_BASE[i] = i === 28 ? 258 : len;
  len += 1 << LEN_EXTRA[i];
  DIST_EXTRA[i] = i < 4 ? 0 : (i >> 1) - 1;
  DIST_BASE[i] = dist;
  dist += 1 << DIST_EXTRA[i];
}
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * Inflates a zlib stream.
 * @throws ProtocolError(MALFORMED) for a corrupt stream, ProtocolError(TOO_LARGE) past `maxBytes`.
 */
export function inflateZlib(data: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED_BYTES): Uint8Array {
  const fail = (why: string): never => {
    throw new ProtocolError('MALFORMED', `cannot inflate ZLIB payload: ${why}`);
  };
  if (data.length === 0) fail('empty zlib stream');
  const cmf = data[0];
  const flg = data[1];
  if ((cmf & 15) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31) fail('invalid zlib data');
  if (flg & 32) fail('invalid zlib data: need dictionary');
  if (data.length < 6) fail('invalid zlib data');
  // The deflate data lies between the 2-byte header and the 4-byte Adler-32 trailer.
  const end = (data.length - 4) * 8;
  let bit = 16;
  const bits = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++, bit++) {
      if (bit >= end) fail('unexpected EOF');
      v |= ((data[bit >> 3] >> (bit & 7)) & 1) << i;
    }
    return v;
  };
  const decode = ({ counts, symbols }: Code): number => {
    // Canonical codes of one length are consecutive: compare the code read so far with the first one.
    for (let len = 1, value = 0, first = 0, index = 0; len < 16; len++) {
      value |= bits(1);
      if (value - first < counts[len]) return symbols[index + value - first];
      index += counts[len];
      first = (first + counts[len]) << 1;
      value <<= 1;
    }
    return fail('invalid length/literal');
  };

  let out = new Uint8Array(1024);
  let size = 0;
  const put = (byte: number) => {
    if (size >= maxBytes) throw new ProtocolError('TOO_LARGE', `inflated payload exceeds ${maxBytes} bytes`);
    if (size === out.length) {
      const grown = new Uint8Array(Math.min(2 * size, maxBytes));
      grown.set(out);
      out = grown;
    }
    out[size++] = byte;
  };

  let last: number;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // Stored: byte-aligned LEN and NLEN (not checked, as fflate does not), then LEN raw bytes.
      bit = (bit + 7) & ~7;
      const n = bits(16);
      bits(16);
      if (bit + n * 8 > end) fail('unexpected EOF');
      for (let i = 0; i < n; i++) put(data[(bit >> 3) + i]);
      bit += n * 8;
      continue;
    }
    let lit: Code;
    let dist: Code;
    if (type === 1) {
      const lengths: number[] = [];
      for (let i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      lit = code(lengths, fail);
      dist = code(Array(30).fill(5), fail);
    } else if (type === 2) {
      const nlit = bits(5) + 257;
      const ndist = bits(5) + 1;
      const nclen = bits(4) + 4;
      const clen: number[] = Array(19).fill(0);
      for (let i = 0; i < nclen; i++) clen[CLEN_ORDER[i]] = bits(3);
      const lengthCode = code(clen, fail);
      const lengths: number[] = [];
      while (lengths.length < nlit + ndist) {
        const sym = decode(lengthCode);
        if (sym < 16) lengths.push(sym);
        else {
          const repeat = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
          const value = sym === 16 ? (lengths[lengths.length - 1] ?? 0) : 0;
          for (let i = 0; i < repeat; i++) lengths.push(value);
        }
      }
      lit = code(lengths.slice(0, nlit), fail);
      dist = code(lengths.slice(nlit, nlit + ndist), fail);
    } else return fail('invalid block type');
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) put(sym);
      else if (sym === 256) break;
      else {
        const i = sym - 257;
        if (i > 28) fail('invalid length/literal');
        const len = LEN_BASE[i] + bits(LEN_EXTRA[i]);
        const d = decode(dist);
        if (d > 29) fail('invalid distance');
        const back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
        if (back > size) fail('invalid distance');
        for (let k = 0; k < len; k++) put(out[size - back]);
      }
    }
  } while (!last);
  return out.subarray(0, size);
}

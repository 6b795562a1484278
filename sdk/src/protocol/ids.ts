/**
 * 64-bit unsigned integers as decimal strings, without BigInt (absent from older mini-program engines).
 * The wire carries them as two 32-bit halves; these helpers convert between the halves and the string.
 */
import { ProtocolError } from './errors';

const TWO_32 = 4294967296;
const MAX_EXACT_HI = 0x1fffff; // hi below 2^21 keeps hi·2^32 + lo under 2^53, exact as a double
const TEN_7 = 10000000;

/** Two unsigned 32-bit halves of a 64-bit value. */
export interface U64Bits {
  lo: number;
  hi: number;
}

/** Decimal string of the unsigned 64-bit value `hi·2^32 + lo`. */
export function bitsToDecimal(lo: number, hi: number): string {
  lo >>>= 0;
  hi >>>= 0;
  if (hi <= MAX_EXACT_HI) return String(hi * TWO_32 + lo);
  // Split into 24-bit limbs a + b·2^24 + c·2^48 and regroup in base 10^7:
  // 2^24 = 1·10^7 + 6777216 and 2^48 = 2·10^14 + 8147497·10^7 + 6710656.
  const a = lo & 0xffffff;
  const b = ((lo >>> 24) | (hi << 8)) & 0xffffff;
  const c = hi >>> 16;
  let d0 = a + b * 6777216 + c * 6710656;
  let d1 = b + c * 8147497;
  let d2 = c * 2;
  d1 += Math.floor(d0 / TEN_7);
  d0 %= TEN_7;
  d2 += Math.floor(d1 / TEN_7);
  d1 %= TEN_7;
  return d2 > 0 ? d2 + pad7(d1) + pad7(d0) : d1 + pad7(d0);
}

function pad7(n: number): string {
  const s = String(n);
  return '0000000'.slice(s.length) + s;
}

const DECIMAL = /^[0-9]{1,20}$/;

/**
 * Parses an id given as a decimal string (or a non-negative safe integer) into 32-bit halves.
 * Throws ProtocolError(INVALID_VALUE) for anything else, including values ≥ 2^64.
 */
export function decimalToBits(value: string | number, field = 'uint64'): U64Bits {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ProtocolError('INVALID_VALUE', `${field}: ${value} is not a non-negative safe integer; pass ids as decimal strings`);
    }
    return { lo: value % TWO_32 >>> 0, hi: Math.floor(value / TWO_32) >>> 0 };
  }
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new ProtocolError('INVALID_VALUE', `${field}: expected a decimal string, got ${describe(value)}`);
  }
  // Four 16-bit limbs, least significant first; multiply-accumulate six digits at a time (products < 2^37).
  const limbs = [0, 0, 0, 0];
  for (let i = 0; i < value.length; i += 6) {
    const chunk = value.slice(i, i + 6);
    const scale = Math.pow(10, chunk.length);
    let carry = Number(chunk);
    for (let k = 0; k < 4; k++) {
      const v = limbs[k] * scale + carry;
      limbs[k] = v % 65536;
      carry = Math.floor(v / 65536);
    }
    if (carry !== 0) throw new ProtocolError('INVALID_VALUE', `${field}: ${value} does not fit in 64 bits`);
  }
  return { lo: (limbs[0] | (limbs[1] << 16)) >>> 0, hi: (limbs[2] | (limbs[3] << 16)) >>> 0 };
}

/** Canonical decimal form of an id (strips leading zeros); throws like {@link decimalToBits}. */
export function normalizeId(value: string | number, field?: string): string {
  const { lo, hi } = decimalToBits(value, field);
  return bitsToDecimal(lo, hi);
}

/** Compares two decimal id strings numerically (-1, 0, 1) without converting to numbers. */
export function compareIds(a: string, b: string): number {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function stripZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return i ? s.slice(i) : s;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return v === null ? 'null' : typeof v;
}

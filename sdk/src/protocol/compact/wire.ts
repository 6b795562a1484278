/**
 * Wire reader and writer of the compact codec (see ./codec.ts), used instead of protobufjs' runtime in
 * the mini-program build. They reproduce what the generated code on protobufjs does, errors included:
 * lenient UTF-8 decoding, `index out of range` messages, 64-bit values as decimal strings.
 */
import { bitsToDecimal, decimalToBits } from '../ids';

const outOfRange = (r: IdReader, n = 1) => RangeError(`index out of range: ${r.pos} + ${n} > ${r.len}`);

/** Reads protobuf wire values from bytes; `len` shrinks while a nested message is read. */
export class IdReader {
  pos = 0;
  len: number;

  constructor(readonly buf: Uint8Array) {
    this.len = buf.length;
  }

  /** The next byte. */
  byte(): number {
    if (this.pos >= this.len) throw outOfRange(this);
    return this.buf[this.pos++];
  }

  uint32(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value |= (b & 127) << shift;
      if (b < 128) return value >>> 0;
    }
    // A longer varint (a negative int32 takes 10 bytes): its upper 5 bytes are skipped unread.
    if ((this.pos += 5) > this.len) {
      this.pos = this.len;
      throw outOfRange(this, 10);
    }
    return value >>> 0;
  }

  /** Reads a varint of up to 10 bytes as an unsigned 64-bit decimal string. */
  uint64(): string {
    let lo = 0;
    let hi = 0;
    let b: number;
    // Bytes 0-3 fill bits 0-27 of lo; byte 4 straddles the halves (4 bits to lo, 3 to hi).
    for (let i = 0; i < 5; i++) {
      b = this.byte();
      lo = (lo | ((b & 0x7f) << (i * 7))) >>> 0;
      if (i === 4) hi = (b & 0x7f) >>> 4;
      if (b < 0x80) return bitsToDecimal(lo, hi);
    }
    // Bytes 5-9 fill hi from bit 3; bits past 64 are dropped, as every protobuf decoder does.
    for (let i = 0; i < 5; i++) {
      b = this.byte();
      hi = (hi | ((b & 0x7f) << (i * 7 + 3))) >>> 0;
      if (b < 0x80) return bitsToDecimal(lo, hi);
    }
    throw RangeError('invalid varint encoding');
  }

  bytes(): Uint8Array {
    const n = this.uint32();
    if (this.pos + n > this.len) throw outOfRange(this, n);
    return this.buf.subarray(this.pos, (this.pos += n));
  }

  /** UTF-8 as protobufjs reads it: stray continuation bytes are dropped, overlong forms become U+FFFD. */
  string(): string {
    const b = this.bytes();
    const units: number[] = [];
    let out = '';
    for (let i = 0; i < b.length;) {
      const t = b[i++];
      let c: number;
      if (t < 0x80) c = t;
      else if (t < 0xc0) continue;
      else if (t < 0xe0) {
        c = (t & 31) << 6 | b[i++] & 63;
        if (c < 0x80) c = 0xfffd;
      } else if (t < 0xf0) {
        c = (t & 15) << 12 | (b[i++] & 63) << 6 | b[i++] & 63;
        if (c < 0x800) c = 0xfffd;
      } else {
        c = (t & 7) << 18 | (b[i++] & 63) << 12 | (b[i++] & 63) << 6 | b[i++] & 63;
        if (c < 0x10000 || c > 0x10ffff) c = 0xfffd;
        else {
          c -= 0x10000;
          units.push(0xd800 + (c >> 10));
          c = 0xdc00 + (c & 1023);
        }
      }
      units.push(c);
      if (units.length > 8191) out += String.fromCharCode(...units.splice(0));
    }
    return out + String.fromCharCode(...units);
  }

  skip(n: number): void {
    if (this.pos + n > this.len) throw outOfRange(this, n);
    this.pos += n;
  }

  /** Skips an unknown field of wire type `type`; groups nest at most 100 deep. */
  skipType(type: number, depth: number): void {
    if (depth > 100) throw Error('maximum nesting depth exceeded');
    if (type === 0) while (this.byte() & 128);
    else if (type === 1) this.skip(8);
    else if (type === 2) this.skip(this.uint32());
    else if (type === 3) while ((type = this.uint32() & 7) !== 4) this.skipType(type, depth + 1);
    else if (type === 5) this.skip(4);
    else throw Error(`invalid wire type ${type} at offset ${this.pos}`);
  }
}

/** Collects encoded bytes; nested messages are encoded into their own writer, then copied in. */
export class IdWriter {
  b: number[] = [];

  finish(): Uint8Array {
    return new Uint8Array(this.b);
  }

  /** A varint of the 64-bit value hi:lo (both unsigned 32-bit). */
  varint(lo: number, hi = 0): void {
    while (hi || lo > 127) {
      this.b.push((lo & 127) | 128);
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.b.push(lo);
  }

  /** Length-delimited bytes. */
  delimited(bytes: ArrayLike<number>): void {
    this.varint(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.b.push(bytes[i]);
  }

  int32(value: number): void {
    value |= 0;
    // A negative int32 is sign-extended to 64 bits (10 bytes), as the protobuf spec says.
    this.varint(value >>> 0, value < 0 ? 0xffffffff : 0);
  }

  uint64(value: string | number): void {
    const { lo, hi } = decimalToBits(value);
    this.varint(lo, hi);
  }

  string(value: string): void {
    const out: number[] = [];
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push((c >> 6) | 192, (c & 63) | 128);
      else {
        const d = value.charCodeAt(i + 1);
        if ((c & 0xfc00) === 0xd800 && (d & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c & 1023) << 10) + (d & 1023);
          i++;
          out.push((c >> 18) | 240, ((c >> 12) & 63) | 128);
        } else out.push((c >> 12) | 224);
        out.push(((c >> 6) & 63) | 128, (c & 63) | 128);
      }
    }
    this.delimited(out);
  }

  /** Bytes from a Uint8Array or an array of numbers; base64 strings are not supported (as in protobufjs' trimmed runtime). */
  bytes(value: ArrayLike<number> | string): void {
    const n = value.length >>> 0;
    if (n && typeof value === 'string') throw Error('protobuf base64 is not supported');
    this.delimited(n ? new Uint8Array(value as ArrayLike<number>) : []);
  }
}

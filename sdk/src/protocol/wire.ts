/**
 * protobufjs minimal Reader/Writer subclasses that carry 64-bit values as decimal strings.
 * The generated static code calls `reader.uint64()` / `writer.uint64(v)`; overriding those two methods
 * here (instead of patching the shared runtime or installing long.js) keeps ids exact, keeps the
 * runtime untouched for anyone else, and needs no BigInt.
 */
import $protobuf from 'protobufjs/minimal.js';
import { bitsToDecimal, decimalToBits } from './ids';

const { Reader, Writer } = $protobuf;

/** Reader that decodes uint64 fields to decimal strings. */
export class IdReader extends Reader {
  /** Reads a varint of up to 10 bytes as an unsigned 64-bit decimal string. */
  // @ts-expect-error the runtime's typings say Long; this subclass deliberately returns a string.
  uint64(): string {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let b: number;
    // Bytes 0-3 fill bits 0-27 of lo.
    for (let i = 0; i < 4; i++) {
      b = this.next(buf);
      lo = (lo | ((b & 0x7f) << (i * 7))) >>> 0;
      if (b < 0x80) return bitsToDecimal(lo, 0);
    }
    // Byte 4 straddles the halves: 4 bits to lo, 3 bits to hi.
    b = this.next(buf);
    lo = (lo | ((b & 0x7f) << 28)) >>> 0;
    hi = (b & 0x7f) >>> 4;
    if (b < 0x80) return bitsToDecimal(lo, hi);
    // Bytes 5-9 fill hi from bit 3; bits past 64 are dropped, as every protobuf decoder does.
    for (let i = 0; i < 5; i++) {
      b = this.next(buf);
      hi = (hi | ((b & 0x7f) << (i * 7 + 3))) >>> 0;
      if (b < 0x80) return bitsToDecimal(lo, hi);
    }
    throw RangeError('invalid varint encoding');
  }

  private next(buf: Uint8Array): number {
    if (this.pos >= this.len) throw RangeError(`index out of range: ${this.pos} + 1 > ${this.len}`);
    return buf[this.pos++];
  }
}

/** Writer that accepts uint64 fields as decimal strings (or non-negative safe integers). */
export class IdWriter extends Writer {
  uint64(value: string | number | $protobuf.Long): $protobuf.Writer {
    // decimalToBits rejects anything but a decimal string or a safe integer: the runtime would
    // silently write 0 for an object.
    const { lo, hi } = decimalToBits(value as string | number);
    return super.uint64({ low: lo | 0, high: hi | 0, unsigned: true } as $protobuf.Long);
  }
}

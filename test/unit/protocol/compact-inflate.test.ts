// The mini-program build inflates with sdk/src/protocol/compact/inflate.ts instead of fflate
// (rollup.config.mjs, clientCodec). Every stream node:zlib writes (every level and strategy, stored,
// fixed and dynamic blocks) inflates to the same bytes with both; the output cap stops both alike; a
// corrupt stream raises nothing but ProtocolError and, when both inflaters accept it, gives the same bytes.
import { constants, deflateSync } from 'node:zlib';
import { inflateZlib as fflate } from '../../../sdk/src/protocol/inflate';
import { inflateZlib as compact } from '../../../sdk/src/protocol/compact/inflate';
import { ProtocolError } from 'floo-miniprogram/protocol';
import { seededRandom } from '../../support/random';

const rnd = seededRandom(1950);
const int = (n: number) => Math.floor(rnd() * n);

/** Text-like, repetitive, random or mixed input of `n` bytes. */
function input(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const kind = int(4);
  const words = ['héllo ', '你好 ', '{"uid":"1001",', 'xsync ', '\n', '0123456789'].map((w) => Buffer.from(w));
  for (let i = 0; i < n;) {
    if (kind === 0 || (kind === 3 && rnd() < 0.3)) out[i++] = int(256);
    else if (kind === 1) out[i++] = 97 + int(3);
    else for (const b of words[int(words.length)]) if (i < n) out[i++] = b;
  }
  return out;
}

const STRATEGIES = [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED];

function outcome(f: () => Uint8Array): string {
  try {
    return Buffer.from(f()).toString('hex');
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err;
    return `!${err.kind}`;
  }
}

test('every stream node:zlib writes inflates to the same bytes', () => {
  for (let i = 0; i < 600; i++) {
    const raw = input(i % 50 === 0 ? 70000 + int(200000) : int(3000));
    const z = deflateSync(raw, { level: int(10), strategy: STRATEGIES[int(STRATEGIES.length)], memLevel: 1 + int(9) });
    expect(Buffer.from(compact(z)).equals(Buffer.from(raw))).toBe(true);
    expect(Buffer.from(fflate(z)).equals(Buffer.from(raw))).toBe(true);
  }
});

test('the output cap stops both alike', () => {
  for (let i = 0; i < 200; i++) {
    const raw = input(1 + int(5000));
    const z = deflateSync(raw, { level: int(10) });
    const cap = int(raw.length * 2);
    expect(outcome(() => compact(z, cap))).toBe(outcome(() => fflate(z, cap)));
  }
  const bomb = deflateSync(new Uint8Array(20 * 1024 * 1024));
  expect(() => compact(bomb)).toThrow('inflated payload exceeds 8388608 bytes');
});

test('corrupt streams raise nothing but ProtocolError and never disagree on bytes both accept', () => {
  let disagreements = 0;
  for (let i = 0; i < 20000; i++) {
    const z = Uint8Array.from(deflateSync(input(int(400)), { level: int(10), strategy: STRATEGIES[int(STRATEGIES.length)] }));
    let bytes: Uint8Array = z;
    for (let e = 1 + int(3); e > 0; e--) {
      const at = int(bytes.length);
      const k = int(3);
      if (k === 0) bytes[at] ^= 1 << int(8);
      else if (k === 1) bytes = bytes.subarray(0, at);
      else bytes[at] = int(256);
    }
    const a = outcome(() => compact(bytes));
    const b = outcome(() => fflate(bytes));
    if (a !== b) {
      disagreements++;
      // One accepts what the other refuses (both read past damage differently); never two different outputs.
      if (!(a.startsWith('!') || b.startsWith('!'))) throw new Error(Buffer.from(bytes).toString('hex') + '\n' + a + '\n' + b);
    }
  }
  expect(disagreements).toBeLessThan(20000);
});

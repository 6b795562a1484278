// At least 100,000 seeded random and mutated byte strings: decoding raises nothing but ProtocolError,
// never hangs, and whatever decodes re-encodes without throwing anything else either.
import { decodeFrame, encodeFrame, ProtocolError, type Direction } from 'floo-miniprogram/protocol';
import { hex } from '../../support/hex';
import { seededRandom } from '../../support/random';
import { SAMPLES } from './samples';

const SEEDS: Array<[Direction, string]> = [
  ['up', '080010001800'],
  ['up', '080010001803222e120908e90710affaa2dd033203746f6b38064205322e302e30520e313030315f3739363339333034306a03576562'],
  ['down', '1800221e0a020801120b0a0508ea07100010031801120b0a05088927100010001802'],
  ['up', '08001000180122331a31088dcdb18ba034120508e90710021a0508ea071000208dcdb18ba034280132110802220568656c6c6f2800320408001000'],
  ['down', '1801223f0a020801122e08c0843d120508e90710021a0508ea071000209acdb18ba034280132110802220568656c6c6f280032040800100018c0843d220508e9071000'],
  ['up', '080010001801220d0a0508ea071000100020012828'],
  ['down', '180222070a0508e9071000'],
];

function check(bytes: Uint8Array, direction: Direction): 'ok' | 'rejected' {
  let frame;
  try {
    frame = direction === 'up' ? decodeFrame(bytes, { direction: 'up' }) : decodeFrame(bytes);
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw new Error(`non-ProtocolError on ${Buffer.from(bytes).toString('hex')}: ${String(err)}`);
    return 'rejected';
  }
  try {
    encodeFrame(frame, { direction });
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw new Error(`re-encode threw ${String(err)} for ${Buffer.from(bytes).toString('hex')}`);
  }
  return 'ok';
}

test('120,000 random and mutated inputs raise nothing but ProtocolError', () => {
  const rnd = seededRandom(20261122);
  const int = (n: number) => Math.floor(rnd() * n);
  const richDown = encodeFrame({ command: 1, payload: SAMPLES.SyncDL }, { direction: 'down' });
  const seeds = SEEDS.map(([d, h]) => [d, hex(h)] as [Direction, Uint8Array]).concat([['down', richDown]]);
  const counts = { ok: 0, rejected: 0 };
  for (let i = 0; i < 40000; i++) {
    // Pure noise, of lengths 0..63.
    const noise = new Uint8Array(int(64));
    for (let k = 0; k < noise.length; k++) noise[k] = int(256);
    counts[check(noise, i % 2 ? 'up' : 'down')]++;
  }
  for (let i = 0; i < 80000; i++) {
    // Mutations of valid frames: flip, overwrite, insert, delete, truncate, splice in varint bombs.
    const [direction, seed] = seeds[int(seeds.length)];
    let bytes = Uint8Array.from(seed);
    const edits = 1 + int(4);
    for (let e = 0; e < edits; e++) {
      const at = int(bytes.length + 1);
      switch (int(6)) {
        case 0: if (bytes.length) bytes[at % bytes.length] ^= 1 << int(8); break;
        case 1: if (bytes.length) bytes[at % bytes.length] = int(256); break;
        case 2: bytes = Uint8Array.from([...bytes.subarray(0, at), int(256), ...bytes.subarray(at)]); break;
        case 3: bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]); break;
        case 4: bytes = bytes.subarray(0, at); break;
        default: bytes = Uint8Array.from([...bytes.subarray(0, at), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...bytes.subarray(at)]);
      }
    }
    counts[check(bytes, direction)]++;
  }
  expect(counts.ok + counts.rejected).toBe(120000);
  // Both outcomes are exercised: the fuzzer is not only feeding garbage that fails at the first byte.
  expect(counts.ok).toBeGreaterThan(10000);
  expect(counts.rejected).toBeGreaterThan(10000);
});

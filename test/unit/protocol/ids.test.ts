// The BigInt-free 64-bit helpers agree with BigInt (used here, in Node, as the reference only).
import { bitsToDecimal, compareIds, decimalToBits, normalizeId, ProtocolError } from 'floo-miniprogram/protocol';
import { seededRandom } from '../../support/random';

const TWO_32 = BigInt(4294967296);

describe('64-bit ids without BigInt', () => {
  test('bitsToDecimal and decimalToBits agree with BigInt on 20,000 random and edge values', () => {
    const rnd = seededRandom(7);
    const edges: Array<[number, number]> = [[0, 0], [1, 0], [0xffffffff, 0], [0, 1], [0xffffffff, 0x1fffff], [0, 0x200000],
      [0xffffffff, 0xffffffff], [0x89e80000, 0x2386f26f], [0xa7640000, 0x0de0b6b3]];
    const cases = [...edges];
    for (let i = 0; i < 20000; i++) cases.push([Math.floor(rnd() * 2 ** 32), Math.floor(rnd() * 2 ** 32) >>> (i % 33)]);
    for (const [lo, hi] of cases) {
      const expected = (BigInt(hi) * TWO_32 + BigInt(lo)).toString();
      expect(bitsToDecimal(lo, hi)).toBe(expected);
      expect(decimalToBits(expected)).toEqual({ lo, hi });
    }
  });

  test('normalizeId strips leading zeros and accepts safe integers', () => {
    expect(normalizeId('000123')).toBe('123');
    expect(normalizeId(1001)).toBe('1001');
    expect(() => normalizeId('12a')).toThrow(ProtocolError);
  });

  test('compareIds orders decimal strings numerically', () => {
    expect(compareIds('9', '10')).toBe(-1);
    expect(compareIds('18446744073709551615', '18446744073709551614')).toBe(1);
    expect(compareIds('007', '7')).toBe(0);
  });
});

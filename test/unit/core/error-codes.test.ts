// ErrorCode holds every client error code of the seed guide, and the mappings only produce real codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../../sdk/src/core/error-codes';
import { codeFromRest, codeFromStatus, FlooError, InvalidArgumentError, ServerError } from '../../../sdk/src/core/errors';

const SEED = join(__dirname, '../../../../shared/seeds/lanying-im-guide.en.txt');

function seedCodes(): string[] {
  const text = readFileSync(SEED, 'utf8');
  const table = text.slice(text.indexOf('Client Error Code'));
  return Array.from(table.matchAll(/^([A-Za-z]+) \| /gm), (m) => m[1]).filter((c) => c !== 'Error');
}

const haveSeed = (() => { try { readFileSync(SEED); return true; } catch { return false; } })();

(haveSeed ? test : test.skip)('every client error code of the seed guide is in ErrorCode, and nothing else', () => {
  const codes = seedCodes();
  expect(codes.length).toBe(109);
  expect(Object.keys(ErrorCode).sort()).toEqual([...codes].sort());
  for (const c of codes) expect(ErrorCode[c as keyof typeof ErrorCode]).toBe(c);
});

test('status and REST mappings always give a defined ErrorCode', () => {
  for (let s = -1; s <= 25; s++) expect(ErrorCode).toHaveProperty(codeFromStatus(s));
  for (const r of [200, 401, 402, 403, 404, 429, 500, 503, 10001, 10002, 10004, 11001, 11011, 40000, 40001, 99998, 12345]) {
    expect(ErrorCode).toHaveProperty(codeFromRest(r));
  }
  expect(codeFromStatus(7)).toBe('InvalidToken');
  expect(codeFromRest(402)).toBe('InvalidToken');
});

test('error classes carry code, retriable and instanceof', () => {
  const e = new InvalidArgumentError('bad');
  expect(e).toBeInstanceOf(FlooError);
  expect(e).toBeInstanceOf(Error);
  expect([e.name, e.code, e.retriable]).toEqual(['InvalidArgumentError', 'InvalidParam', false]);
  const s = new ServerError('ServerBusy', 'busy', { status: 2 });
  expect([s.retriable, s.status]).toEqual([true, 2]);
});

/** What the file storage adds beyond the contract (test/contract): names on disk, atomic writes. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNameForKey, keyForFileName } from '../../../sdk/src/platform/node/file-names';
import { createFileStorage } from '../../../sdk/src/platform/node/file-storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'floo-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file names', () => {
  test.each([
    ['floo:demo:1001:index', 'floo%3Ademo%3A1001%3Aindex.kv'],
    ['Aa', '%41a.kv'],
    ['../x', '%2E%2E%2Fx.kv'],
    ['你', '%E4%BD%A0.kv'],
    ['', '.kv'],
  ])('%j ↔ %s', (key, name) => {
    expect(fileNameForKey(key)).toBe(name);
    expect(keyForFileName(name)).toBe(key);
  });

  test('keys differing only by case get names that differ by more than case', () => {
    expect(fileNameForKey('Key').toLowerCase()).not.toBe(fileNameForKey('key').toLowerCase());
  });

  test('names are portable: only a-z 0-9 _ - % and the .kv suffix', () => {
    const name = fileNameForKey('a/b\\c:d*e?f"g<h>i|j k.l\u0000m👋');
    expect(name).toMatch(/^[a-z0-9_%A-F-]*\.kv$/);
    expect(keyForFileName(name)).toBe('a/b\\c:d*e?f"g<h>i|j k.l\u0000m👋');
  });

  test.each(['x.kv.abc1.tmp', 'notes.txt', 'UPPER.kv', '%ZZ.kv', '%FF.kv'])('%s is not a key file', (name) => {
    expect(keyForFileName(name)).toBeUndefined();
  });
});

test('writes leave no temp files behind and keys() ignores foreign files', async () => {
  const storage = createFileStorage(dir);
  await Promise.all(Array.from({ length: 30 }, (_, i) => storage.set(`k:${i % 3}`, `v${i}`)));
  await writeFile(join(dir, 'README.txt'), 'not a key');
  await writeFile(join(dir, 'k%3A0.kv.zz9.tmp'), 'a crashed write');
  expect((await readdir(dir)).filter((n) => n.endsWith('.kv')).sort()).toEqual(['k%3A0.kv', 'k%3A1.kv', 'k%3A2.kv']);
  expect((await storage.keys()).sort()).toEqual(['k:0', 'k:1', 'k:2']);
  await expect(storage.get('k:2')).resolves.toBe('v29');
});

test('a missing directory reads as empty', async () => {
  const storage = createFileStorage(join(dir, 'not', 'yet'));
  await expect(storage.get('a')).resolves.toBeUndefined();
  await expect(storage.keys()).resolves.toEqual([]);
  await expect(storage.remove('a')).resolves.toBeUndefined();
});

test('a key too long for a file name rejects on set and reads as missing', async () => {
  const storage = createFileStorage(dir);
  const key = 'k'.repeat(300);
  await expect(storage.set(key, 'v')).rejects.toThrow(/key too long/);
  await expect(storage.get(key)).resolves.toBeUndefined();
  expect(await readdir(dir)).toEqual([]);
});

test('two instances over one directory share data', async () => {
  const a = createFileStorage(dir);
  const b = createFileStorage(dir);
  await a.set('shared', 'from a');
  await expect(b.get('shared')).resolves.toBe('from a');
});

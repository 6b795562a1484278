/** createNodePlatform: storage choices, wiring, per-instance state. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage, createNodePlatform } from '../../../sdk/src/platform/node';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'floo-np-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

test('defaults: memory storage, no lifecycle hooks, host timers, console log', async () => {
  const platform = createNodePlatform();
  expect(platform.name).toBe('node');
  expect([platform.onAppShow, platform.onAppHide, platform.onNetworkChange]).toEqual([undefined, undefined, undefined]);
  expect(typeof platform.upload).toBe('function');
  expect(typeof platform.download).toBe('function');
  await platform.storage.set('k', 'v');
  await expect(platform.storage.get('k')).resolves.toBe('v');
  expect(Math.abs(platform.timers.now() - Date.now())).toBeLessThan(1000);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  platform.log!('error', 'boom');
  expect(error).toHaveBeenCalledWith('[floo]', 'boom');
});

test('two platforms with memory storage do not share data', async () => {
  const a = createNodePlatform();
  const b = createNodePlatform({ storage: 'memory' });
  await a.storage.set('k', 'a');
  await expect(b.storage.get('k')).resolves.toBeUndefined();
});

test('{ dir } stores files that a later platform finds', async () => {
  await createNodePlatform({ storage: { dir } }).storage.set('session', 'token');
  await expect(createNodePlatform({ storage: { dir } }).storage.get('session')).resolves.toBe('token');
});

test('any KeyValueStorage is used as given; log: null logs nothing', () => {
  const storage = createMemoryStorage({ maxValueBytes: 10 });
  const platform = createNodePlatform({ storage, log: null });
  expect(platform.storage).toBe(storage);
  expect(platform.log).toBeUndefined();
});

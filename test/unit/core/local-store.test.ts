// The memory-first store: exactly-once by server id, order by id, per-key and total limits.
import { LocalStore, type LocalStoreOptions } from '../../../sdk/src/core/store/local-store';
import type { KeyValueStorage } from '../../../sdk/src/core/platform';
import type { Message } from '../../../sdk/src/core/types';
import { createWxStorage } from '../../../sdk/src/platform/wx/index';
import { createMemoryStorage } from '../../../sdk/src/platform/memory-storage';
import { createWxShim } from '../../support/wx-shim/index';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now() };
const OPTIONS: LocalStoreOptions = { budgetBytes: 8 * 1024 * 1024, maxPersistedPerConversation: 200, maxInMemoryPerConversation: 1000, flushDelayMs: 5 };

function msg(id: string, content = `m${id}`, from = '2'): Message {
  return { id, conversation: { type: 'user', id: '2' }, from, to: '1', timestamp: Number(id), kind: 'text', ctype: 0, content, status: 'unread', isOwn: from === '1' };
}

function store(kv: KeyValueStorage, options: Partial<LocalStoreOptions> = {}, onDegraded = jest.fn()) {
  return new LocalStore(kv, timers, silent, 'floo:demo:1:', { ...OPTIONS, ...options }, onDegraded);
}

test('duplicates by server id are dropped and messages are kept in id order', async () => {
  const s = store(createMemoryStorage());
  expect((await s.addMessages('user:2', [msg('30'), msg('10')])).map((m) => m.id)).toEqual(['10', '30']);
  expect((await s.addMessages('user:2', [msg('20'), msg('10'), msg('30')])).map((m) => m.id)).toEqual(['20']);
  expect((await s.messages('user:2')).map((m) => m.id)).toEqual(['10', '20', '30']);
  expect(s.getConversation('user:2')).toMatchObject({ unread: 3, lastMessage: { id: '30' } });
});

test('ids compare as 64-bit numbers, not as strings', async () => {
  const s = store(createMemoryStorage());
  await s.addMessages('user:2', [msg('18446744073709551615'), msg('9'), msg('10000000000000000000')]);
  expect((await s.messages('user:2')).map((m) => m.id)).toEqual(['9', '10000000000000000000', '18446744073709551615']);
});

test('what was stored is still known after a restart (so a re-delivered message is still a duplicate)', async () => {
  const kv = createMemoryStorage();
  const a = store(kv);
  await a.addMessages('user:2', [msg('1'), msg('2')]);
  await a.flush();
  const b = store(kv);
  await b.open();
  expect(b.listConversations()).toHaveLength(1);
  expect(await b.addMessages('user:2', [msg('2'), msg('3')])).toHaveLength(1);
});

test('own sends: sending at the end, then settled into id order with the server id', async () => {
  const s = store(createMemoryStorage());
  await s.addMessages('user:2', [msg('5')]);
  await s.addSending('user:2', { ...msg('', 'mine', '1'), clientMid: 'c1', status: 'sending' });
  await s.addMessages('user:2', [msg('7')]);
  expect((await s.messages('user:2')).map((m) => m.id || m.clientMid)).toEqual(['5', '7', 'c1']);
  await s.settleSending('user:2', 'c1', { id: '6', status: 'sent' });
  expect((await s.messages('user:2')).map((m) => `${m.id}:${m.status}`)).toEqual(['5:unread', '6:sent', '7:unread']);
});

test('a shard stays under WeChat\'s 1 MB per key, counted as WeChat counts (JSON of the string)', async () => {
  const { wx, control } = createWxShim();
  const kv = createWxStorage(wx as never);
  const s = store(kv, { maxPersistedPerConversation: 1000 });
  const big = '"\\'.repeat(1500); // quotes and backslashes count double once stored as JSON
  await s.addMessages('user:2', Array.from({ length: 600 }, (_, i) => msg(String(i + 1), big)));
  await s.flush();
  expect(s.degraded).toBe(false);
  const snap = control.storage.snapshot() as Record<string, string>;
  const shard = snap['floo:demo:1:c:user:2'];
  expect(shard).toBeDefined();
  expect(JSON.stringify(shard).length + 'floo:demo:1:c:user:2'.length).toBeLessThan(1024 * 1024);
  const kept = JSON.parse(shard) as Message[];
  expect(kept[kept.length - 1].id).toBe('600'); // the newest are kept
  control.dispose();
});

test('over the budget, the least recently active conversations are evicted first', async () => {
  const kv = createMemoryStorage();
  const s = store(kv, { budgetBytes: 30 * 1024 });
  for (let c = 2; c <= 6; c++) {
    await s.addMessages(`user:${c}`, Array.from({ length: 20 }, (_, i) => ({ ...msg(String(c * 1000 + i), 'x'.repeat(300), String(c)), conversation: { type: 'user' as const, id: String(c) }, timestamp: c * 1000 + i })));
    await s.flush();
  }
  const keys = await kv.keys('floo:demo:1:c:');
  expect(keys).toContain('floo:demo:1:c:user:6');
  expect(keys).not.toContain('floo:demo:1:c:user:2');
  expect(s.storedBytes).toBeLessThanOrEqual(30 * 1024);
  expect(s.listConversations()).toHaveLength(5); // the list survives; evicted history comes from the server
});

test('a failing storage degrades once and the store keeps working from memory', async () => {
  const kv = createMemoryStorage();
  const failing: KeyValueStorage = { ...kv, get: kv.get.bind(kv), keys: kv.keys.bind(kv), remove: kv.remove.bind(kv), set: async () => { throw new Error('disk full'); } };
  const onDegraded = jest.fn();
  const s = store(failing, {}, onDegraded);
  await s.addMessages('user:2', [msg('1')]);
  await s.flush();
  await s.addMessages('user:2', [msg('2')]);
  await s.flush();
  expect(onDegraded).toHaveBeenCalledTimes(1);
  expect(s.degraded).toBe(true);
  expect((await s.messages('user:2')).map((m) => m.id)).toEqual(['1', '2']);
});

test('writes are serialized: a burst of changes becomes ordered, coalesced writes', async () => {
  const kv = createMemoryStorage();
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const spy: KeyValueStorage = {
    ...kv, get: kv.get.bind(kv), keys: kv.keys.bind(kv), remove: kv.remove.bind(kv),
    set: async (k, v) => { inFlight++; maxInFlight = Math.max(maxInFlight, inFlight); calls.push(k); await new Promise((r) => setTimeout(r, 2)); await kv.set(k, v); inFlight--; },
  };
  const s = store(spy);
  await Promise.all(Array.from({ length: 100 }, (_, i) => s.addMessages('user:2', [msg(String(i + 1))])));
  await s.flush();
  expect(maxInFlight).toBe(1);
  expect(calls.length).toBeLessThan(20); // 100 changes, a handful of writes
  expect(JSON.parse((await kv.get('floo:demo:1:c:user:2'))!)).toHaveLength(100);
});

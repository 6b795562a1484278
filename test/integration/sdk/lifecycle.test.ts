// WeChat lifecycle and storage limits, through the wx shim: 50 hide/show cycles (the socket dies
// while suspended) lose and duplicate nothing; storage full degrades to memory and keeps working.
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { Message } from '../../../sdk/src/core/types';
import { makePlatform, type TestPlatform } from './platforms';

jest.setTimeout(120000);

let server: RunningServer;
const cleanup: Array<() => unknown> = [];
beforeAll(async () => { server = await startTestServer(); });
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });
afterAll(async () => { await server.close(); });

const uid = (name: string) => String(server.demo!.users.find((u) => u.username === name)!.userId);
const until = async (cond: () => boolean, what: string, ms = 10000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

function app(tp: TestPlatform, budgetBytes?: number): FlooClient {
  const storage = budgetBytes ? { budgetBytes } : undefined;
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, reconnect: { baseMs: 20, maxMs: 200 }, storage }, tp.platform);
  cleanup.push(() => tp.dispose(), () => c.close());
  return c;
}

test('50 hide/show cycles: the socket dies in the background, every message arrives once, in order', async () => {
  const bobApp = makePlatform('wx', { suspendDelayMs: 10 });
  const bob = app(bobApp);
  const alice = app(makePlatform('node'));
  await alice.login({ username: 'alice', password: 'floo-demo' });
  await bob.login({ username: 'bob', password: 'floo-demo' });
  const got: Message[] = [];
  bob.on('message', (m) => got.push(m));
  const shim = bobApp.shim!;
  let maxOpen = 0;
  for (let i = 0; i < 50; i++) {
    shim.hide();
    shim.suspendNow(); // WeChat suspends ~5 s after hide; the sockets die then
    maxOpen = Math.max(maxOpen, shim.openSockets().length);
    await alice.messages.sendText({ type: 'user', id: uid('bob') }, `while away ${i}`);
    shim.show();
    await until(() => got.length === i + 1 && bob.state === 'connected', `message ${i} after show`);
    maxOpen = Math.max(maxOpen, shim.openSockets().length);
  }
  await new Promise((r) => setTimeout(r, 100));
  expect(got.map((m) => m.content)).toEqual(Array.from({ length: 50 }, (_, i) => `while away ${i}`));
  expect(new Set(got.map((m) => m.id)).size).toBe(50);
  expect(maxOpen).toBeLessThanOrEqual(1); // never more than one live SocketTask (WeChat allows 5)
});

test('a short hide that does not kill the socket keeps it (a heartbeat probes it on show)', async () => {
  const bobApp = makePlatform('wx', { suspendDelayMs: 60000 });
  const bob = app(bobApp);
  await bob.login({ username: 'bob', password: 'floo-demo' });
  const sockets = bobApp.shim!.sockets().length;
  bobApp.shim!.hide();
  bobApp.shim!.show();
  await new Promise((r) => setTimeout(r, 100));
  expect(bob.state).toBe('connected');
  expect(bobApp.shim!.sockets().length).toBe(sockets);
});

test('network loss suspends; network back reconnects and syncs what was missed', async () => {
  const bobApp = makePlatform('wx');
  const bob = app(bobApp);
  const alice = app(makePlatform('node'));
  await alice.login({ username: 'alice', password: 'floo-demo' });
  await bob.login({ username: 'bob', password: 'floo-demo' });
  const got: Message[] = [];
  bob.on('message', (m) => got.push(m));
  bobApp.shim!.setNetwork(false);
  await until(() => bob.state === 'suspended', 'suspended');
  await alice.messages.sendText({ type: 'user', id: uid('bob') }, 'sent during the outage');
  bobApp.shim!.setNetwork(true, 'wifi');
  await until(() => got.length === 1, 'the missed message');
  expect(got[0].content).toBe('sent during the outage');
});

test('a storage budget below the quota: the oldest conversations are evicted to stay inside it, nothing fails', async () => {
  const bobApp = makePlatform('wx', { storageLimits: { perKey: 1024 * 1024, total: 48 * 1024 } });
  const bob = app(bobApp, 40 * 1024);
  const alice = app(makePlatform('node'));
  await alice.login({ username: 'alice', password: 'floo-demo' });
  await bob.login({ username: 'bob', password: 'floo-demo' });
  let degraded = 0;
  bob.on('storageDegraded', () => degraded++);
  const gid = String(server.demo!.groupId);
  for (let i = 0; i < 120; i++) {
    await alice.messages.sendText(i % 2 ? { type: 'group', id: gid } : { type: 'user', id: uid('bob') }, `${i} ${'x'.repeat(300)}`);
  }
  await until(() => bob.conversations.totalUnread() >= 120, 'all messages');
  await bob.flush();
  expect(degraded).toBe(0);
  expect(bobApp.shim!.storageUsage().bytes).toBeLessThanOrEqual(48 * 1024);
  // The newest conversation is still stored; history of evicted ones stays on the server.
  expect(bobApp.shim!.storageUsage().keys).toBeGreaterThan(2);
});

test('storage full (quota taken by someone else): storageDegraded once, and the client keeps working from memory', async () => {
  const bobApp = makePlatform('wx', { storageLimits: { perKey: 1024 * 1024, total: 64 * 1024 } });
  // The host app already filled its storage.
  (bobApp.shim!.storage as unknown as { set(api: string, k: string, v: string): void }).set('setStorageSync', 'host-data', 'y'.repeat(60 * 1024));
  const bob = app(bobApp);
  const alice = app(makePlatform('node'));
  await alice.login({ username: 'alice', password: 'floo-demo' });
  const degraded: unknown[] = [];
  bob.on('storageDegraded', (e) => degraded.push(e));
  await bob.login({ username: 'bob', password: 'floo-demo' });
  const got: Message[] = [];
  bob.on('message', (m) => got.push(m));
  for (let i = 0; i < 30; i++) await alice.messages.sendText({ type: 'user', id: uid('bob') }, `${i} ${'z'.repeat(500)}`);
  await until(() => got.length === 30, 'messages while degraded');
  const reply = await bob.messages.sendText({ type: 'user', id: uid('alice') }, 'still here');
  expect(reply.status).toBe('sent');
  expect(degraded.length).toBe(1);
  expect((await bob.messages.local({ type: 'user', id: uid('alice') })).length).toBeGreaterThanOrEqual(31);
});

// Login variants, offline delivery, the persistent outbox across an app restart, kicks and bad input.
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import { ErrorCode } from '../../../sdk/src/core/error-codes';
import { FlooError, InvalidArgumentError } from '../../../sdk/src/core/errors';
import type { ClientOptions } from '../../../sdk/src/core/options';
import type { Message } from '../../../sdk/src/core/types';
import { KINDS, makePlatform, type TestPlatform } from './platforms';

let server: RunningServer;
const open: FlooClient[] = [];
const platforms: TestPlatform[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const p of platforms.splice(0)) p.dispose();
});
afterAll(async () => { await server.close(); });

describe.each(KINDS)('%s platform', (kind) => {
const fresh = (): TestPlatform => { const p = makePlatform(kind); platforms.push(p); return p; };
const again = (p: TestPlatform): TestPlatform => { const q = p.restart(); platforms.push(q); return q; };
const beside = (p: TestPlatform): TestPlatform => { const q = p.sibling(); platforms.push(q); return q; };
function client(tp: TestPlatform = fresh(), extra: Partial<ClientOptions> = {}): FlooClient {
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, reconnect: { baseMs: 20, maxMs: 100 }, ...extra }, tp.platform);
  open.push(c);
  return c;
}
const uid = (name: string) => String(server.demo!.users.find((u) => u.username === name)!.userId);
const nextMessage = (c: FlooClient, pred: (m: Message) => boolean = () => true) =>
  new Promise<Message>((resolve) => { const off = c.on('message', (m) => { if (pred(m)) { off(); resolve(m); } }); });

test('a group message reaches both other members; the sender\'s other device gets its own copy', async () => {
  const [alice, aliceTablet, bob, carol] = [client(), client(), client(), client()];
  await alice.login({ username: 'alice', password: 'floo-demo' });
  await aliceTablet.login({ userId: uid('alice'), password: 'floo-demo' });
  await bob.login({ username: 'bob', password: 'floo-demo' });
  await carol.login({ username: 'carol', password: 'floo-demo' });
  const gid = String(server.demo!.groupId);
  const waits = [bob, carol, aliceTablet].map((c) => nextMessage(c, (m) => m.conversation.type === 'group'));
  const sent = await alice.messages.sendText({ type: 'group', id: gid }, 'hello group');
  const got = await Promise.all(waits);
  for (const m of got) expect(m).toMatchObject({ id: sent.id, content: 'hello group', conversation: { type: 'group', id: gid } });
  expect(got[2].isOwn).toBe(true);
  expect(got[2].status).toBe('sent');
});

test('messages sent while the receiver is offline arrive at its next login, once each', async () => {
  const bobApp = fresh();
  const bob1 = client(bobApp);
  await bob1.login({ username: 'bob', password: 'floo-demo' });
  await bob1.close();
  const alice = client();
  await alice.login({ username: 'alice', password: 'floo-demo' });
  for (let i = 0; i < 5; i++) await alice.messages.sendText({ type: 'user', id: uid('bob') }, `offline ${i}`);
  const bob2 = client(again(bobApp));
  const got: Message[] = [];
  bob2.on('message', (m) => got.push(m));
  const r = await bob2.resume(); // the saved token: no password needed after an "app restart"
  expect(r?.userId).toBe(uid('bob'));
  expect(got.map((m) => m.content)).toEqual(['offline 0', 'offline 1', 'offline 2', 'offline 3', 'offline 4']);
  expect(bob2.conversations.get({ type: 'user', id: uid('alice') })?.unread).toBeGreaterThanOrEqual(5);
});

test('a send queued while the server is away survives an app restart and is delivered once', async () => {
  const aliceApp = fresh();
  const alice1 = client(aliceApp);
  await alice1.login({ username: 'alice', password: 'floo-demo' });
  // Make the send impossible to deliver now: the socket goes away and cannot come back.
  const deadApp = again(aliceApp);
  const p1 = deadApp.platform;
  const dead = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns` }, { ...p1, connect: (_u, h) => { setTimeout(() => h.onClose(1006, 'down'), 0); return { send() {}, close() {} }; } });
  await alice1.close();
  const resumed = dead.resume().catch((e: FlooError) => e); // never gets online: stays "connecting"
  await new Promise((r) => setTimeout(r, 20));
  const pending = dead.messages.sendText({ type: 'user', id: uid('bob') }, 'queued while away').catch((e: FlooError) => e);
  await new Promise((r) => setTimeout(r, 50));
  await dead.close(); // the "app" dies with the message in its outbox
  expect((await pending) as FlooError).toBeInstanceOf(FlooError);
  expect(((await resumed) as FlooError).code).toBe(ErrorCode.SignInCancelled);
  const bob = client();
  await bob.login({ username: 'bob', password: 'floo-demo' });
  const got: Message[] = [];
  bob.on('message', (m) => got.push(m));
  const alice2 = client(again(deadApp));
  const status = new Promise<Message>((resolve) => alice2.on('messageStatus', (s) => s.message.status === 'sent' && resolve(s.message)));
  await alice2.resume();
  const settled = await status;
  expect(settled.content).toBe('queued while away');
  await new Promise((r) => setTimeout(r, 100));
  expect(got.filter((m) => m.content === 'queued while away')).toHaveLength(1);
});

test('a second login of the same device kicks the first: kicked event, failed state, no reconnect', async () => {
  const carolApp = fresh();
  const first = client(carolApp);
  await first.login({ username: 'carol', password: 'floo-demo' });
  const kicked = new Promise<{ code: string }>((resolve) => first.on('kicked', resolve));
  const second = client(beside(carolApp)); // same storage = same device guid
  await second.login({ username: 'carol', password: 'floo-demo' });
  expect((await kicked).code).toBe(ErrorCode.UserKickedBySameDevice);
  expect(first.state).toBe('failed');
  expect(second.state).toBe('connected');
});

test('a wrong password rejects with UserAuthFailed; a bad saved token fails with InvalidToken and tokenExpired', async () => {
  const c = client();
  await expect(c.login({ username: 'alice', password: 'nope' })).rejects.toMatchObject({ code: ErrorCode.UserAuthFailed });
  const expired = new Promise((resolve) => c.on('tokenExpired', resolve));
  await expect(c.loginWithToken(uid('alice'), 'not-a-token')).rejects.toMatchObject({ code: ErrorCode.InvalidToken });
  await expired;
  expect(c.state).toBe('failed');
});

test('invalid arguments are rejected before anything is sent', async () => {
  const c = client();
  await c.login({ username: 'alice', password: 'floo-demo' });
  const bad: unknown[] = [
    { to: { type: 'user', id: 'abc' }, content: 'x' },
    { to: { type: 'room', id: '1' }, content: 'x' },
    { to: { type: 'user', id: uid('bob') }, content: '' },
    { to: { type: 'user', id: uid('bob') }, content: 42 },
    { to: { type: 'user', id: uid('bob') }, content: 'x'.repeat(70000) },
    { to: { type: 'user', id: uid('bob') }, content: 'x', kind: 'hologram' },
    null,
  ];
  for (const b of bad) {
    await expect(c.messages.send(b as never)).rejects.toBeInstanceOf(InvalidArgumentError);
  }
  await expect(c.messages.history({ type: 'user', id: uid('bob') }, { limit: 0 })).rejects.toMatchObject({ code: ErrorCode.InvalidParam });
  await expect(c.login({ username: 'alice', password: 'floo-demo' })).rejects.toMatchObject({ code: ErrorCode.UserAlreadyLogin });
  const fresh = client();
  await expect(fresh.messages.sendText({ type: 'user', id: uid('bob') }, 'x')).rejects.toMatchObject({ code: ErrorCode.UserNotLogin });
  await expect(fresh.login({ username: '', password: 'x' } as never)).rejects.toBeInstanceOf(InvalidArgumentError);
});

test('register a new account, log in with it; logout forgets the saved token', async () => {
  const app = fresh();
  const c = client(app);
  const name = `newbie_${kind}_${Date.now() % 100000}`;
  const { userId } = await c.register({ username: name, password: 'pw-123456' });
  expect(userId).toMatch(/^[0-9]+$/);
  await expect(c.register({ username: name, password: 'pw-123456' })).rejects.toMatchObject({ code: ErrorCode.UserAlreadyExist });
  const r = await c.login({ username: name, password: 'pw-123456' });
  expect(r.userId).toBe(userId);
  await c.logout();
  expect(c.state).toBe('closed');
  const again2 = client(again(app));
  expect(await again2.resume()).toBeUndefined();
});

test('a send the server refuses fails with a typed error; resend() replaces the failed copy', async () => {
  const app = fresh();
  const c = client(app);
  await c.login({ username: 'alice', password: 'floo-demo' });
  const nobody = { type: 'user' as const, id: '999999999' };
  const err = await c.messages.sendText(nobody, 'into the void').catch((e: FlooError) => e);
  expect((err as FlooError).code).toBe(ErrorCode.InvalidRequestParameter);
  const [failed] = await c.messages.local(nobody);
  expect(failed).toMatchObject({ status: 'failed', isOwn: true, content: 'into the void' });
  await expect(c.messages.resend(failed)).rejects.toMatchObject({ code: ErrorCode.InvalidRequestParameter });
  const after = await c.messages.local(nobody);
  expect(after).toHaveLength(1);
  expect(after[0].clientMid).not.toBe(failed.clientMid);
  await expect(c.messages.resend({ ...after[0], status: 'sent' })).rejects.toMatchObject({ code: ErrorCode.InvalidParam });
  await c.close();
  const reopened = client(again(app));
  await reopened.resume();
  expect(await reopened.messages.local(nobody)).toHaveLength(1); // the replaced copy is gone from storage too
});

test('discovery failing without a cached answer rejects with a typed error', async () => {
  const c = createClient({ appId: 'demo', dnsServer: 'http://127.0.0.1:1/v2/app_dns' }, fresh().platform);
  open.push(c);
  await expect(c.login({ username: 'alice', password: 'floo-demo' })).rejects.toMatchObject({ code: ErrorCode.ServerNotReachable });
});
});

/**
 * Friends over REST against a real floo-server: search, requests under each verification mode,
 * accept/decline, delete, alias and ext, the blocklist and its effect on sending; the notices of each
 * change (docs/social.md) and the refusals with their codes.
 */
import { MessageType, NameSpace, OpType, RosterNoticeType, StatusCode, type Meta } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient } from '../../support/server-client';
import { login, rest, startTestServer } from '../../support/server-harness';

let server: RunningServer;
let seq = 0;
const DAY = 24 * 3600 * 1000;
/** The server's clock, moved by tests that check expiry. */
let clockOffset = 0;

beforeAll(async () => {
  server = await startTestServer({ clock: () => Date.now() + clockOffset });
});

afterAll(async () => {
  await server.close();
});

const open: RawClient[] = [];
afterEach(async () => {
  clockOffset = 0;
  await Promise.all(open.splice(0).map((c) => c.close()));
});

interface User { name: string; userId: number; token: string }

/** A fresh user (password floo-demo), logged in, with friend verification `mode` (default 1, confirm). */
async function newUser(prefix = 'r', mode?: number): Promise<User> {
  const name = `${prefix}_${++seq}_${Math.floor(Math.random() * 1e6)}`;
  const r = await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: name, password: 'floo-demo' } });
  if (r.code !== 200) throw new Error(`register ${name}: ${r.code} ${r.message}`);
  const u = { name, ...(await login(server, name)) };
  if (mode !== undefined) await call(u, 'POST', `/user/authmode?value=${mode}`);
  return u;
}

async function device(u: User, guid = `${u.name}-dev`): Promise<RawClient> {
  const c = await RawClient.connect(server.url);
  open.push(c);
  const reply = await c.provision({ uid: u.userId, token: u.token, guid });
  if (reply.status?.code !== 1) throw new Error(`provision failed: ${JSON.stringify(reply.status)}`);
  return c;
}

type NoticePayload = { type?: number; content?: string; from?: { uid?: string }; to?: { uid?: string }[] };

/** Pulls the own-device queue until a roster notice of `type` arrives; answers its payload. */
async function expectNotice(c: RawClient, type: number): Promise<NoticePayload> {
  for (;;) {
    const { metas } = await c.pullAll(c.uid);
    const hit = metas.find((m) => m.ns === NameSpace.ROSTER_NOTICE && (m as Meta & { payload?: NoticePayload }).payload?.type === type);
    if (hit) return (hit as Meta & { payload: NoticePayload }).payload;
    await c.notice(c.uid);
  }
}

/** Roster notices waiting in the own-device queue now. */
async function pendingNotices(c: RawClient): Promise<NoticePayload[]> {
  const { metas } = await c.pullAll(c.uid);
  return metas.filter((m) => m.ns === NameSpace.ROSTER_NOTICE).map((m) => (m as Meta & { payload: NoticePayload }).payload);
}

function call<T = unknown>(u: User | undefined, method: 'GET' | 'POST', path: string, body?: unknown) {
  return rest<T>(server, method, path, { token: u?.token, appId: 'demo', body });
}

const friendsOf = async (u: User) => (await call<number[]>(u, 'GET', '/roster/list')).data;

test('every roster route needs a token (402)', async () => {
  const routes: ['GET' | 'POST', string][] = [
    ['GET', '/roster/list'], ['POST', '/roster/list'], ['GET', '/roster/name'], ['GET', '/roster/id'], ['POST', '/roster/apply'],
    ['POST', '/roster/accept'], ['POST', '/roster/decline'], ['POST', '/roster/delete'], ['POST', '/roster/ext'],
    ['GET', '/roster/apply/list'], ['GET', '/roster/blocked_list'], ['POST', '/roster/block'], ['POST', '/roster/unblock'],
  ];
  for (const [method, path] of routes) {
    expect([path, (await call(undefined, method, path, method === 'POST' ? {} : undefined)).code]).toEqual([path, 402]);
  }
});

test('search by name and by id: a user view, 10005 for nobody, only within the app', async () => {
  const a = await newUser();
  const b = await newUser();
  const byName = await call<Record<string, unknown>>(a, 'GET', `/roster/name?username=${b.name}`);
  expect(byName.data).toMatchObject({ user_id: b.userId, username: b.name, nick_name: b.name, alias: '', roster_ext: '' });
  expect(byName.data).not.toHaveProperty('mobile');
  expect((await call<Record<string, unknown>>(a, 'GET', `/roster/id?user_id=${b.userId}`)).data).toMatchObject({ user_id: b.userId, username: b.name });
  expect((await call(a, 'GET', '/roster/name?username=nobody_here')).code).toBe(10005);
  expect((await call(a, 'GET', '/roster/id?user_id=99999999')).code).toBe(10005);
  expect((await call(a, 'GET', '/roster/id?user_id=abc')).code).toBe(10002);
  expect((await call(a, 'GET', '/roster/name')).code).toBe(10002);
  expect((await call(a, 'GET', `/roster/name?username=${b.name}&sort=asc`)).code).toBe(10002);
  // A user of another app is unknown here.
  await server.store.ensureApp('other-app', 'Other', Date.now());
  const foreign = await server.store.createUser({ appId: 'other-app', username: `f_${seq}`, passwordHash: 'x', now: Date.now() });
  expect((await call(a, 'GET', `/roster/id?user_id=${foreign?.id}`)).code).toBe(10005);
  expect((await call(a, 'POST', '/roster/apply', { user_id: foreign?.id, alias: 'hi' })).code).toBe(10005);
});

test('confirm mode: apply (pending, APPLIED to both), list both ways, accept (ACCEPTED to both), friends', async () => {
  const a = await newUser('app');
  const b = await newUser('tgt', 1);
  const aDev = await device(a);
  const bDev = await device(b);
  const r = await call<{ result: string }>(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'Hi, it is A' });
  expect(r.data).toEqual({ result: 'pending' });
  const applied = await expectNotice(bDev, RosterNoticeType.APPLIED);
  expect(applied.from?.uid).toBe(String(a.userId));
  expect(applied.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  expect(JSON.parse(applied.content ?? '')).toEqual({ message: 'Hi, it is A' });
  await expectNotice(aDev, RosterNoticeType.APPLIED);

  const incoming = await call<Record<string, unknown>[]>(b, 'GET', '/roster/apply/list?cursor=');
  expect(incoming.data).toEqual([{ user_id: a.userId, applicant_id: a.userId, reason: 'Hi, it is A', status: 0, expired_time: expect.any(Number) }]);
  expect(incoming.data[0].expired_time as number).toBeGreaterThan(Date.now() + 6 * DAY);
  const outgoing = await call<Record<string, unknown>[]>(a, 'GET', '/roster/apply/list');
  expect(outgoing.data).toEqual([expect.objectContaining({ user_id: b.userId, applicant_id: a.userId, status: 0 })]);

  // A repeated request refreshes the one entry.
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, reason: 'Again' });
  const refreshed = (await call<Record<string, unknown>[]>(b, 'GET', '/roster/apply/list')).data;
  expect(refreshed).toHaveLength(1);
  expect(refreshed[0]).toMatchObject({ reason: 'Again', status: 0 });

  // The applicant cannot accept their own request; a third user cannot accept it either.
  const c = await newUser();
  expect((await call(a, 'POST', `/roster/accept?user_id=${b.userId}`)).code).toBe(10015);
  expect((await call(c, 'POST', `/roster/accept?user_id=${a.userId}`)).code).toBe(10015);
  expect(await friendsOf(a)).toEqual([]);

  expect((await call(b, 'POST', `/roster/accept?user_id=${a.userId}`)).code).toBe(200);
  const accepted = await expectNotice(aDev, RosterNoticeType.ACCEPTED);
  expect(accepted.from?.uid).toBe(String(b.userId));
  expect(accepted.to?.map((x) => x.uid)).toEqual([String(a.userId)]);
  await expectNotice(bDev, RosterNoticeType.ACCEPTED);
  expect(await friendsOf(a)).toEqual([b.userId]);
  expect(await friendsOf(b)).toEqual([a.userId]);
  expect((await call<Record<string, unknown>[]>(b, 'GET', '/roster/apply/list')).data[0]).toMatchObject({ status: 1 });
  // Handled: no second accept; applying again is "already a friend".
  expect((await call(b, 'POST', '/roster/accept', { user_id: a.userId })).code).toBe(10015);
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'x' })).code).toBe(10013);
});

test('decline: DECLINED with the reason to both; declining twice or someone else\'s request is 10015', async () => {
  const a = await newUser('app');
  const b = await newUser('tgt');
  const aDev = await device(a);
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'please' });
  const c = await newUser();
  expect((await call(c, 'POST', '/roster/decline', { user_id: a.userId })).code).toBe(10015);
  expect((await call(b, 'POST', '/roster/decline', { user_id: a.userId, reason: 'no thanks' })).code).toBe(200);
  const declined = await expectNotice(aDev, RosterNoticeType.DECLINED);
  expect(JSON.parse(declined.content ?? '')).toEqual({ reason: 'no thanks' });
  expect(declined.to?.map((x) => x.uid)).toEqual([String(a.userId)]);
  expect((await call(b, 'POST', '/roster/decline', { user_id: a.userId })).code).toBe(10015);
  expect((await call(b, 'POST', '/roster/accept', { user_id: a.userId })).code).toBe(10015);
  expect((await call<Record<string, unknown>[]>(a, 'GET', '/roster/apply/list')).data[0]).toMatchObject({ status: 2 });
  // Applying again reopens it.
  expect((await call<{ result: string }>(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'pretty please' })).data).toEqual({ result: 'pending' });
  expect((await call<Record<string, unknown>[]>(b, 'GET', '/roster/apply/list')).data).toEqual([expect.objectContaining({ status: 0, reason: 'pretty please' })]);
});

test('an expired request can no longer be accepted', async () => {
  const a = await newUser('app');
  const b = await newUser('tgt');
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'hi' });
  clockOffset = 8 * DAY;
  expect((await call(b, 'POST', '/roster/accept', { user_id: a.userId })).code).toBe(10015);
  expect((await call(b, 'POST', '/roster/decline', { user_id: a.userId })).code).toBe(10015);
  expect(await friendsOf(b)).toEqual([]);
});

test('anyone mode: friends at once, ADDED to both', async () => {
  const a = await newUser('app');
  const b = await newUser('open', 0);
  const aDev = await device(a);
  const bDev = await device(b);
  expect((await call<{ result: string }>(a, 'POST', '/roster/apply', { user_id: String(b.userId), alias: 'hey' })).data).toEqual({ result: 'added' });
  const added = await expectNotice(bDev, RosterNoticeType.ADDED);
  expect(added.from?.uid).toBe(String(a.userId));
  expect(added.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  await expectNotice(aDev, RosterNoticeType.ADDED);
  expect(await friendsOf(a)).toEqual([b.userId]);
  expect(await friendsOf(b)).toEqual([a.userId]);
});

test('question mode: the answer must match (case and blanks ignored), else 10015', async () => {
  const a = await newUser('app');
  const b = await newUser('quiz');
  await call(b, 'POST', '/user/settings', { auth_mode: 2, auth_question: 'Favourite colour?', auth_answer: 'Blue' });
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'hi' })).code).toBe(10015);
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'hi', answer: 'red' })).code).toBe(10015);
  expect(await friendsOf(a)).toEqual([]);
  expect((await call<{ result: string }>(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'hi', answer: '  bLUE ' })).data).toEqual({ result: 'added' });
  expect(await friendsOf(b)).toEqual([a.userId]);
});

test('refuse-all mode is 10012; self is 10002; unknown is 10005', async () => {
  const a = await newUser('app');
  const b = await newUser('closed', 3);
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'hi' })).code).toBe(10012);
  expect((await call<unknown[]>(b, 'GET', '/roster/apply/list')).data).toEqual([]);
  expect((await call(a, 'POST', '/roster/apply', { user_id: a.userId, alias: 'me' })).code).toBe(10002);
  expect((await call(a, 'POST', '/roster/apply', { user_id: 99999999, alias: 'ghost' })).code).toBe(10005);
});

test('roster info: alias and roster_ext for friends only; /roster/ext needs a friend (10010) and tells own devices', async () => {
  const a = await newUser();
  const b = await newUser('fr', 0);
  const c = await newUser();
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'x' });
  await call(c, 'POST', '/user/profile', { ext: '{"public":true}' });
  const aOther = await device(a, 'a-other');
  const bDev = await device(b);

  expect((await call(a, 'POST', '/roster/ext', { user_id: c.userId, alias: 'Nope' })).code).toBe(10010);
  expect((await call(b, 'POST', '/roster/ext', { user_id: c.userId, ext: 'x' })).code).toBe(10010);
  expect((await call(a, 'POST', '/roster/ext', { user_id: b.userId })).code).toBe(10002);
  expect((await call(a, 'POST', '/roster/ext', { user_id: b.userId, alias: 'x'.repeat(101) })).code).toBe(10002);
  expect((await call(a, 'POST', '/roster/ext', { user_id: b.userId, alias: 'Bestie' })).code).toBe(200);
  const info = await expectNotice(aOther, RosterNoticeType.INFO_UPDATED);
  expect(JSON.parse(info.content ?? '')).toEqual({ user_id: b.userId, alias: 'Bestie', ext: '' });
  expect(info.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  await call(a, 'POST', '/roster/ext', { user_id: b.userId, ext: '{"met":"2024"}' });
  // b is not told about a's private alias and ext.
  expect((await pendingNotices(bDev)).filter((n) => n.type === RosterNoticeType.INFO_UPDATED)).toEqual([]);

  const list = await call<Record<string, unknown>[]>(a, 'POST', '/roster/list', { list: [b.userId, String(c.userId)] });
  expect(list.data).toEqual([
    expect.objectContaining({ user_id: b.userId, alias: 'Bestie', roster_ext: '{"met":"2024"}', ext: '' }),
    expect.objectContaining({ user_id: c.userId, alias: '', roster_ext: '', ext: '{"public":true}' }),
  ]);
  // b sees none of a's notes about b.
  expect((await call<Record<string, unknown>[]>(b, 'POST', '/roster/list', { list: [a.userId] })).data[0]).toMatchObject({ alias: '', roster_ext: '' });
  expect((await call<Record<string, unknown>>(a, 'GET', `/roster/id?user_id=${b.userId}`)).data).toMatchObject({ alias: 'Bestie' });
});

test('delete: REMOVED to both, then not friends; deleting a non-friend is 10010', async () => {
  const a = await newUser();
  const b = await newUser('fr', 0);
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'x' });
  const bDev = await device(b);
  const c = await newUser();
  expect((await call(c, 'POST', `/roster/delete?user_id=${a.userId}`)).code).toBe(10010);
  expect((await call(a, 'POST', `/roster/delete?user_id=${b.userId}`)).code).toBe(200);
  const removed = await expectNotice(bDev, RosterNoticeType.REMOVED);
  expect(removed.from?.uid).toBe(String(a.userId));
  expect(removed.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  expect(await friendsOf(a)).toEqual([]);
  expect(await friendsOf(b)).toEqual([]);
  expect((await call(b, 'POST', '/roster/delete', { user_id: a.userId })).code).toBe(10010);
  expect((await call(a, 'POST', '/roster/ext', { user_id: b.userId, alias: 'gone' })).code).toBe(10010);
});

test('blocklist: block, list, twice is 10011, unblock, not blocked is 10002; notices to the blocker only', async () => {
  const a = await newUser();
  const b = await newUser();
  const c = await newUser();
  const aDev = await device(a);
  const bDev = await device(b);
  expect((await call(a, 'POST', `/roster/block?user_id=${b.userId}`)).code).toBe(200);
  expect((await call(a, 'POST', '/roster/block', { user_id: c.userId })).code).toBe(200);
  const blocked = await expectNotice(aDev, RosterNoticeType.BLOCKED);
  expect(blocked.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  expect((await call<number[]>(a, 'GET', '/roster/blocked_list')).data).toEqual([b.userId, c.userId]);
  expect((await call<number[]>(b, 'GET', '/roster/blocked_list')).data).toEqual([]);
  expect((await call(a, 'POST', '/roster/block', { user_id: b.userId })).code).toBe(10011);
  expect((await call(a, 'POST', '/roster/block', { user_id: a.userId })).code).toBe(10002);
  expect((await call(a, 'POST', '/roster/block', { user_id: 99999999 })).code).toBe(10005);
  const notBlocked = await call(b, 'POST', '/roster/unblock', { user_id: a.userId });
  expect(notBlocked.code).toBe(10002);
  expect(notBlocked.message).toMatch(/not on your blocklist/);
  expect((await call(a, 'POST', `/roster/unblock?user_id=${b.userId}`)).code).toBe(200);
  const unblocked = await expectNotice(aDev, RosterNoticeType.UNBLOCKED);
  expect(unblocked.to?.map((x) => x.uid)).toEqual([String(b.userId)]);
  expect((await call<number[]>(a, 'GET', '/roster/blocked_list')).data).toEqual([c.userId]);
  // The blocked user is never told.
  expect((await pendingNotices(bDev)).filter((n) => n.type === RosterNoticeType.BLOCKED || n.type === RosterNoticeType.UNBLOCKED)).toEqual([]);
});

test('blocks refuse requests and acceptance both ways (10011 mine, 10014 theirs), but keep a friendship', async () => {
  const a = await newUser('blk', 0);
  const b = await newUser('blk', 0);
  await call(a, 'POST', '/roster/block', { user_id: b.userId });
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'x' })).code).toBe(10011);
  expect((await call(b, 'POST', '/roster/apply', { user_id: a.userId, alias: 'x' })).code).toBe(10014);
  await call(a, 'POST', '/roster/unblock', { user_id: b.userId });

  const c = await newUser('cc');
  const d = await newUser('dd');
  await call(c, 'POST', '/roster/apply', { user_id: d.userId, alias: 'x' });
  await call(d, 'POST', '/roster/block', { user_id: c.userId });
  expect((await call(d, 'POST', '/roster/accept', { user_id: c.userId })).code).toBe(10011);
  await call(d, 'POST', '/roster/unblock', { user_id: c.userId });
  await call(c, 'POST', '/roster/block', { user_id: d.userId });
  expect((await call(d, 'POST', '/roster/accept', { user_id: c.userId })).code).toBe(10014);

  // Friends who block each other stay friends.
  expect((await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'x' })).data).toEqual({ result: 'added' });
  await call(a, 'POST', '/roster/block', { user_id: b.userId });
  expect(await friendsOf(a)).toEqual([b.userId]);
});

test('sending: refused with the reason prefix while either side blocks; operations still pass', async () => {
  const a = await newUser('snd');
  const b = await newUser('snd');
  const aDev = await device(a);
  const bDev = await device(b);
  const before = await aDev.sendText(b.userId, 'before the block');
  expect(before.status).toEqual({ code: StatusCode.OK });
  await call(a, 'POST', '/roster/block', { user_id: b.userId });

  const mine = await aDev.sendText(b.userId, 'to someone I blocked');
  expect(mine.status?.code).toBe(StatusCode.UNAUTHORIZED);
  expect(mine.status?.reason).toMatch(/^RosterBlockListExist: /);
  const theirs = await bDev.sendText(a.userId, 'to someone who blocked me');
  expect(theirs.status?.code).toBe(StatusCode.UNAUTHORIZED);
  expect(theirs.status?.reason).toMatch(/^CurrentUserIsInBlocklist: /);
  // Typing is refused too; recalling an earlier message is not.
  const typing = await aDev.upload(aDev.messageMeta(b.userId, { type: MessageType.CHAT, ctype: 0, content: '', qos: 1 }));
  expect(typing.status?.code).toBe(StatusCode.UNAUTHORIZED);
  const recall = aDev.messageMeta(b.userId, {
    type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.RECALL, mid: before.server_mid as string, xid: { uid: String(b.userId), deviceSN: 0 } },
  });
  expect((await aDev.upload(recall)).status).toEqual({ code: StatusCode.OK });
  // Messages to oneself and to others are unaffected.
  const c = await newUser('snd');
  expect((await aDev.sendText(c.userId, 'hello c')).status).toEqual({ code: StatusCode.OK });

  await call(a, 'POST', '/roster/unblock', { user_id: b.userId });
  expect((await bDev.sendText(a.userId, 'after the unblock')).status).toEqual({ code: StatusCode.OK });
  await aDev.notice(b.userId);
});

test('offline devices get roster notices on their next login', async () => {
  const a = await newUser('app');
  const b = await newUser('tgt');
  const first = await device(b, 'b-phone');
  await first.pullAll(first.uid);
  await first.close();
  await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: 'while you slept' });
  const again = await device(b, 'b-phone');
  expect(JSON.parse((await expectNotice(again, RosterNoticeType.APPLIED)).content ?? '')).toEqual({ message: 'while you slept' });
});

test('application list: newest first, paged by cursor', async () => {
  const b = await newUser('popular');
  const applicants: User[] = [];
  for (let i = 0; i < 3; i++) {
    const a = await newUser('fan');
    applicants.push(a);
    clockOffset = i * 1000;
    await call(a, 'POST', '/roster/apply', { user_id: b.userId, alias: `fan ${i}` });
  }
  const list = (await call<{ user_id: number }[]>(b, 'GET', '/roster/apply/list?cursor=')).data;
  expect(list.map((x) => x.user_id)).toEqual(applicants.map((a) => a.userId).reverse());
  expect((await call<{ user_id: number }[]>(b, 'GET', '/roster/apply/list?cursor=2')).data.map((x) => x.user_id)).toEqual([applicants[0].userId]);
  expect((await call<unknown[]>(b, 'GET', '/roster/apply/list?cursor=5')).data).toEqual([]);
  expect((await call(b, 'GET', '/roster/apply/list?cursor=-1')).code).toBe(10002);
  expect((await call(b, 'GET', '/roster/apply/list?cursor=abc')).code).toBe(10002);
});

test('bad input: wrong types, huge strings, unknown fields are 10002 and the server carries on', async () => {
  const a = await newUser();
  const b = await newUser();
  const bad: [string, unknown][] = [
    ['/roster/apply', {}],
    ['/roster/apply', { user_id: 'abc', alias: 'x' }],
    ['/roster/apply', { user_id: 1.5, alias: 'x' }],
    ['/roster/apply', { user_id: [b.userId], alias: 'x' }],
    ['/roster/apply', { user_id: b.userId, alias: 'x'.repeat(501) }],
    ['/roster/apply', { user_id: b.userId, alias: 7 }],
    ['/roster/apply', { user_id: b.userId, alias: 'x', bogus: true }],
    ['/roster/accept', { user_id: -3 }],
    ['/roster/decline', { user_id: b.userId, reason: { r: 1 } }],
    ['/roster/delete', { user_id: '12345678901234567890' }],
    ['/roster/ext', { user_id: b.userId, ext: 'x'.repeat(4001) }],
    ['/roster/block', { user_id: null }],
    ['/roster/unblock', {}],
    ['/roster/list', { list: 'nope' }],
    ['/roster/list', { list: [b.userId], extra: 1 }],
  ];
  for (const [path, body] of bad) expect([path, body, (await call(a, 'POST', path, body)).code]).toEqual([path, body, 10002]);
  for (const body of ['{oops', '[]', '"s"']) expect((await call(a, 'POST', '/roster/apply', body)).code).toBe(10002);
  expect((await call(a, 'GET', '/roster/list')).code).toBe(200);
});

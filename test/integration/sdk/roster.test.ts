// client.roster against a real floo-server, on Node and on wx: search, friend requests in every
// verification mode, accept/decline, removal, alias and ext, the blocklist and its effect on messages,
// the rosterNotice events at the other users' clients and the caches they keep up to date.
import type { RunningServer } from '../../../server/src';
import { rest, startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { ClientEvents } from '../../../sdk/src/core/client-events';
import { FlooError } from '../../../sdk/src/core/errors';
import type { RosterNoticeEvent } from '../../../sdk/src/core/social/types';
import { KINDS, makePlatform, type Kind } from './platforms';

let server: RunningServer;
const clients: FlooClient[] = [];
let serial = 0;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { for (const c of clients) await c.close(); await server.close(); });

interface Account {
  username: string;
  id: string;
  /** A logged-in client of the account (a device of its own). */
  c: FlooClient;
}

function client(kind: Kind): FlooClient {
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off' }, makePlatform(kind).platform);
  clients.push(c);
  return c;
}

/** A new account, logged in on a device of its own. */
async function account(kind: Kind, name: string): Promise<Account> {
  const username = `${name}_${kind}_${++serial}`;
  const r = await rest<{ user_id: number }>(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username, password: 'pw-roster' } });
  if (r.code !== 200) throw new Error(`register ${username}: ${r.code} ${r.message}`);
  return { username, id: String(r.data.user_id), c: await device(kind, username) };
}

async function device(kind: Kind, username: string): Promise<FlooClient> {
  const c = client(kind);
  await c.login({ username, password: 'pw-roster' });
  return c;
}

/** The next `event` of `c` that passes `pick`. */
function next<K extends keyof ClientEvents>(c: FlooClient, event: K, pick: (e: ClientEvents[K]) => boolean = () => true): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const off = c.on(event, (e) => {
      if (!pick(e)) return;
      off();
      resolve(e);
    });
  });
}

/** The next roster notice of that kind at `c`. */
function notice(c: FlooClient, kind: RosterNoticeEvent['kind']): Promise<RosterNoticeEvent> {
  return next(c, 'rosterNotice', (e) => e.kind === kind);
}

async function rejection(p: Promise<unknown>): Promise<FlooError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FlooError);
  return err as FlooError;
}

/** Makes `a` and `b` friends (b accepts anyone for a moment). */
async function befriend(a: Account, b: Account): Promise<void> {
  await b.c.users.updateSettings({ friendVerification: 'anyone' });
  expect(await a.c.roster.apply(b.id)).toBe('added');
  await b.c.users.updateSettings({ friendVerification: 'confirm' });
}

test.each(KINDS)('%s: search by id, by name, a digit-only name, and nobody', async (kind) => {
  const [me, x] = [await account(kind, 'searcher'), await account(kind, 'findme')];
  const found = await me.c.roster.search(x.id);
  expect(found).toEqual({ userId: x.id, username: x.username, nickName: x.username, avatar: '', description: '', ext: '' });
  expect(await me.c.roster.search(x.username)).toEqual(found);
  expect(await me.c.roster.search(` ${x.username} `)).toEqual(found);
  expect(me.c.users.cachedUser(x.id)).toEqual(found);
  expect(await me.c.roster.search('nobody_by_that_name')).toBeUndefined();
  // All digits and no such id (then no such name either: names are never all digits).
  expect(await me.c.roster.search('987654321')).toBeUndefined();
  expect(await me.c.roster.search('0123')).toBeUndefined();
});

test.each(KINDS)('%s: request → applied at the target, accept → accepted at the applicant; both friend lists follow', async (kind) => {
  const [a, b] = [await account(kind, 'applicant'), await account(kind, 'target')];
  expect(await a.c.roster.friends()).toEqual([]);
  expect(await b.c.roster.friends()).toEqual([]);
  const applied = notice(b.c, 'applied');
  expect(await a.c.roster.apply(b.id, { message: 'hello, I am A' })).toBe('pending');
  expect(await applied).toEqual({ kind: 'applied', from: a.id, to: [b.id], content: { message: 'hello, I am A' } });
  expect(b.c.roster.isFriend(a.id)).toBe(false);

  const [incoming] = await b.c.roster.applications();
  expect(incoming).toEqual({ userId: a.id, direction: 'incoming', message: 'hello, I am A', status: 'pending', expiresAt: expect.any(Number) });
  expect((await a.c.roster.applications())[0]).toMatchObject({ userId: b.id, direction: 'outgoing', status: 'pending' });

  const accepted = notice(a.c, 'accepted');
  await b.c.roster.accept(a.id);
  expect(b.c.roster.isFriend(a.id)).toBe(true);
  expect(await accepted).toEqual({ kind: 'accepted', from: b.id, to: [a.id], content: {} });
  expect(a.c.roster.isFriend(b.id)).toBe(true);
  expect(await a.c.roster.friends()).toEqual([{
    userId: b.id, username: b.username, nickName: b.username, avatar: '', description: '', ext: '', alias: '', friendExt: '',
  }]);
  expect((await b.c.roster.friends()).map((f) => f.userId)).toEqual([a.id]);
  expect((await b.c.roster.applications())[0]).toMatchObject({ userId: a.id, status: 'accepted' });

  // Refusals: already friends; accepting or declining with no request pending.
  expect((await rejection(a.c.roster.apply(b.id))).code).toBe('CurrentUserIsInRoster');
  expect((await rejection(b.c.roster.accept(a.id))).code).toBe('AnswerFailed');
  expect((await rejection(a.c.roster.decline(b.id))).code).toBe('AnswerFailed');
});

test.each(KINDS)('%s: decline → declined with the reason at the applicant', async (kind) => {
  const [a, b] = [await account(kind, 'hopeful'), await account(kind, 'picky')];
  await a.c.roster.friends();
  await a.c.roster.apply(b.id, { message: 'me?' });
  const declined = notice(a.c, 'declined');
  await b.c.roster.decline(a.id, 'not now');
  expect(await declined).toEqual({ kind: 'declined', from: b.id, to: [a.id], content: { reason: 'not now' } });
  expect(a.c.roster.cachedFriends()).toEqual([]);
  expect((await a.c.roster.applications())[0]).toMatchObject({ userId: b.id, direction: 'outgoing', status: 'declined' });
});

test.each(KINDS)('%s: verification modes: anyone, question (wrong and right answer), refuse all', async (kind) => {
  const [a, open, quiz, closed] = [await account(kind, 'asker'), await account(kind, 'open'), await account(kind, 'quiz'), await account(kind, 'closed')];
  await a.c.roster.friends();
  await open.c.roster.friends();
  await open.c.users.updateSettings({ friendVerification: 'anyone' });
  await quiz.c.users.updateSettings({ friendVerification: 'question', verificationQuestion: 'Sky?', verificationAnswer: 'Blue' });
  await closed.c.users.updateSettings({ friendVerification: 'refuseAll' });

  const added = notice(open.c, 'added');
  const addedHere = notice(a.c, 'added');
  expect(await a.c.roster.apply(open.id)).toBe('added');
  expect(a.c.roster.isFriend(open.id)).toBe(true);
  expect(await added).toEqual({ kind: 'added', from: a.id, to: [open.id], content: {} });
  await addedHere;
  expect(open.c.roster.isFriend(a.id)).toBe(true);
  // The new friend's profile is loaded by the next friends().
  expect((await open.c.roster.friends())[0]).toMatchObject({ userId: a.id, username: a.username });

  expect((await rejection(a.c.roster.apply(quiz.id, { answer: 'green' }))).code).toBe('AnswerFailed');
  expect((await rejection(a.c.roster.apply(quiz.id))).code).toBe('AnswerFailed');
  expect(await a.c.roster.apply(quiz.id, { answer: 'blue' })).toBe('added');
  expect((await rejection(a.c.roster.apply(closed.id, { message: 'please' }))).code).toBe('RosterRejectApplication');
  expect((await a.c.roster.friends()).map((f) => f.userId).sort()).toEqual([open.id, quiz.id].sort());
});

test.each(KINDS)('%s: alias and ext: set, seen by friends() and by the other own device; only for friends', async (kind) => {
  const [a, b, stranger] = [await account(kind, 'aliaser'), await account(kind, 'aliased'), await account(kind, 'stranger')];
  await befriend(a, b);
  const a2 = await device(kind, a.username);
  await a2.roster.friends();
  const told = notice(a2, 'infoUpdated');
  await a.c.roster.setAlias(b.id, 'Bee');
  expect(await told).toEqual({ kind: 'infoUpdated', from: a.id, to: [b.id], content: { user_id: Number(b.id), alias: 'Bee', ext: '' } });
  expect(a2.roster.cachedFriends()[0]).toMatchObject({ userId: b.id, alias: 'Bee', friendExt: '' });

  const told2 = notice(a2, 'infoUpdated');
  await a.c.roster.setExt(b.id, '{"tag":"work"}');
  await told2;
  expect(a2.roster.cachedFriends()[0]).toMatchObject({ alias: 'Bee', friendExt: '{"tag":"work"}' });
  expect(await a.c.roster.friends({ refresh: true })).toEqual([expect.objectContaining({ userId: b.id, alias: 'Bee', friendExt: '{"tag":"work"}', ext: '' })]);
  // b's own view of a has no alias.
  expect((await b.c.roster.friends())[0]).toMatchObject({ userId: a.id, alias: '', friendExt: '' });

  expect((await rejection(a.c.roster.setAlias(stranger.id, 'S'))).code).toBe('RosterNotFriend');
  expect((await rejection(a.c.roster.setExt(stranger.id, '{}'))).code).toBe('RosterNotFriend');
  expect((await rejection(a.c.roster.remove(stranger.id))).code).toBe('RosterNotFriend');
  expect((await rejection(a.c.roster.setAlias(b.id, 5 as never))).code).toBe('InvalidParam');
});

test.each(KINDS)('%s: a profile change → infoUpdated at the friends, whose caches follow', async (kind) => {
  const [a, b] = [await account(kind, 'changer'), await account(kind, 'watcher')];
  await befriend(a, b);
  await b.c.roster.friends();
  const told = notice(b.c, 'infoUpdated');
  await a.c.users.updateProfile({ nickName: 'New Name', avatar: 'https://example.invalid/n.png' });
  const e = await told;
  expect(e).toMatchObject({ from: a.id, to: [a.id], content: { nick_name: 'New Name', avatar: 'https://example.invalid/n.png' } });
  expect(b.c.roster.cachedFriends()[0]).toMatchObject({ userId: a.id, nickName: 'New Name', avatar: 'https://example.invalid/n.png' });
  expect(b.c.users.cachedUser(a.id)).toMatchObject({ nickName: 'New Name' });
});

test.each(KINDS)('%s: remove → removed at the other user, both caches follow', async (kind) => {
  const [a, b] = [await account(kind, 'remover'), await account(kind, 'removed')];
  await befriend(a, b);
  expect((await b.c.roster.friends()).map((f) => f.userId)).toEqual([a.id]);
  expect((await a.c.roster.friends()).map((f) => f.userId)).toEqual([b.id]);
  const removed = notice(b.c, 'removed');
  await a.c.roster.remove(b.id);
  // The server has it too (a client that never loaded its caches sees it).
  expect(await (await device(kind, a.username)).roster.friends()).toEqual([]);
  expect(a.c.roster.isFriend(b.id)).toBe(false);
  expect(await removed).toEqual({ kind: 'removed', from: a.id, to: [b.id], content: {} });
  expect(b.c.roster.cachedFriends()).toEqual([]);
  expect(await b.c.roster.friends({ refresh: true })).toEqual([]);
});

test.each(KINDS)('%s: blocklist: block, list, refused requests and messages both ways, unblock', async (kind) => {
  const [a, b] = [await account(kind, 'blocker'), await account(kind, 'blockee')];
  await befriend(a, b);
  expect(await a.c.roster.blocklist()).toEqual([]);
  const a2 = await device(kind, a.username);
  await a2.roster.blocklist();
  const told = notice(a2, 'blocked');
  await a.c.roster.block(b.id);
  expect(await a.c.roster.blocklist()).toEqual([b.id]);
  expect(await told).toEqual({ kind: 'blocked', from: a.id, to: [b.id], content: {} });
  expect(await a2.roster.blocklist()).toEqual([b.id]);
  expect(await a.c.roster.blocklist({ refresh: true })).toEqual([b.id]);
  expect((await rejection(a.c.roster.block(b.id))).code).toBe('RosterBlockListExist');
  // Blocking keeps the friendship.
  expect(await a.c.roster.friends({ refresh: true })).toEqual([expect.objectContaining({ userId: b.id })]);

  // Messages: to someone I blocked, and from someone who blocked me.
  const mine = await rejection(a.c.messages.sendText({ type: 'user', id: b.id }, 'hi'));
  expect(mine.code).toBe('RosterBlockListExist');
  const failed = next(b.c, 'messageStatus', (s) => s.message.status === 'failed');
  const theirs = await rejection(b.c.messages.sendText({ type: 'user', id: a.id }, 'hi'));
  expect(theirs.code).toBe('CurrentUserIsInBlocklist');
  expect((await failed).message).toMatchObject({ content: 'hi', status: 'failed' });

  await b.c.roster.remove(a.id);
  expect((await rejection(b.c.roster.apply(a.id))).code).toBe('CurrentUserIsInBlocklist');
  expect((await rejection(a.c.roster.apply(b.id))).code).toBe('RosterBlockListExist');

  // Unblocked from a device that never loaded the blocklist: the others follow the notice.
  const unblocked = notice(a2, 'unblocked');
  const unblockedHere = notice(a.c, 'unblocked');
  await (await device(kind, a.username)).roster.unblock(b.id);
  await unblocked;
  await unblockedHere;
  expect(await a.c.roster.blocklist()).toEqual([]);
  expect(await a2.roster.blocklist()).toEqual([]);
  expect((await a.c.messages.sendText({ type: 'user', id: b.id }, 'hello again')).status).toBe('sent');
});

test.each(KINDS)('%s: without a login every call rejects with UserNotLogin; bad arguments with InvalidParam', async (kind) => {
  const c = client(kind);
  for (const e of await Promise.all([
    c.roster.friends(), c.roster.search('x'), c.roster.apply('1'), c.roster.accept('1'), c.roster.decline('1'), c.roster.remove('1'),
    c.roster.setAlias('1', 'a'), c.roster.setExt('1', 'e'), c.roster.applications(), c.roster.block('1'), c.roster.unblock('1'),
    c.roster.blocklist(),
  ].map(rejection))) {
    expect(e.code).toBe('UserNotLogin');
  }
  for (const e of await Promise.all([
    c.roster.search(''), c.roster.search('   '), c.roster.search(3 as never), c.roster.apply('x'), c.roster.apply('1', { message: 3 as never }),
    c.roster.apply('1', { answer: {} as never }), c.roster.accept(''), c.roster.decline('1', 9 as never), c.roster.remove('-1'),
    c.roster.setAlias('1', 'x'.repeat(4001)), c.roster.setExt('abc', ''), c.roster.block(null as never), c.roster.unblock('1.5'),
  ].map(rejection))) {
    expect(e.code).toBe('InvalidParam');
  }
  expect(c.roster.cachedFriends()).toEqual([]);
  expect(c.roster.isFriend('1')).toBe(false);
});

// client.contacts against a real floo-server: friends, user lookups, joined groups, the own profile.
import type { RunningServer } from '../../../server/src';
import { startTestServer, uidOf } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import { FlooError } from '../../../sdk/src/core/errors';
import { KINDS, makePlatform, type Kind } from './platforms';

let server: RunningServer;
const clients: FlooClient[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { for (const c of clients) await c.close(); await server.close(); });

function client(kind: Kind): FlooClient {
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off' }, makePlatform(kind).platform);
  clients.push(c);
  return c;
}

async function rejection(p: Promise<unknown>): Promise<FlooError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FlooError);
  return err as FlooError;
}

test.each(KINDS)('%s: friends, users, groups and the own profile', async (kind) => {
  const alice = client(kind);
  await alice.login({ username: 'alice', password: 'floo-demo' });
  const [bob, carol] = [uidOf(server, 'bob'), uidOf(server, 'carol')];

  const friends = await alice.contacts.friends();
  expect(friends.map((f) => f.username).sort()).toEqual(['bob', 'carol']);
  expect(friends.find((f) => f.username === 'bob')).toEqual({ userId: bob, username: 'bob', nickName: 'Bob', avatar: '', description: '' });

  const users = await alice.contacts.users([carol, bob, carol, '999999']);
  expect(users.map((u) => u.userId)).toEqual([carol, bob]);
  expect(await alice.contacts.users([])).toEqual([]);

  const groups = await alice.contacts.groups();
  expect(groups).toEqual([{
    groupId: String(server.demo!.groupId), name: 'Floo Demo', avatar: '', description: '', ownerId: uidOf(server, 'alice'), memberCount: 3,
  }]);

  const me = await alice.contacts.profile();
  expect(me).toMatchObject({ userId: uidOf(server, 'alice'), username: 'alice', nickName: 'Alice' });
  expect(typeof me.email).toBe('string');
});

test.each(KINDS)('%s: updateProfile changes only the fields given', async (kind) => {
  const carol = client(kind);
  await carol.login({ username: 'carol', password: 'floo-demo' });
  const updated = await carol.contacts.updateProfile({ nickName: 'Caro', avatar: 'https://example.invalid/c.png' });
  expect(updated).toMatchObject({ username: 'carol', nickName: 'Caro', avatar: 'https://example.invalid/c.png', description: '' });
  expect(await carol.contacts.updateProfile({ description: 'hello' })).toMatchObject({ nickName: 'Caro', description: 'hello' });
  // Others see the change.
  const bob = client(kind);
  await bob.login({ username: 'bob', password: 'floo-demo' });
  expect((await bob.contacts.users([uidOf(server, 'carol')]))[0]).toMatchObject({ nickName: 'Caro' });
  await carol.contacts.updateProfile({ nickName: 'Carol', avatar: '', description: '' });
});

test.each(KINDS)('%s: invalid arguments and missing login reject with FlooErrors', async (kind) => {
  const c = client(kind);
  expect((await rejection(c.contacts.friends())).code).toBe('UserNotLogin');
  expect((await rejection(c.contacts.profile())).code).toBe('UserNotLogin');
  expect((await rejection(c.contacts.users(['1']))).code).toBe('UserNotLogin');
  expect((await rejection(c.contacts.users('1' as never))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.users(['abc']))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.users(Array.from({ length: 1001 }, (_, i) => String(i + 1))))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.updateProfile({}))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.updateProfile({ nickName: 42 as never }))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.updateProfile({ nickName: 'x'.repeat(4001) }))).code).toBe('InvalidParam');
  expect((await rejection(c.contacts.updateProfile(null as never))).code).toBe('InvalidParam');
});

test.each(KINDS)('%s: a new account has no friends and no groups', async (kind) => {
  const c = client(kind);
  const username = `newcomer_${kind}`;
  await c.register({ username, password: 'pw-newcomer' });
  await c.login({ username, password: 'pw-newcomer' });
  expect(await c.contacts.friends()).toEqual([]);
  expect(await c.contacts.groups()).toEqual([]);
  expect(await c.contacts.profile()).toMatchObject({ username });
});

// The contacts tab (friends and groups) and the profile tab (nickname, avatar, language, logout).
import type { RunningServer } from '../../server/src';
import { startTestServer, uidOf } from '../support/server-harness';
import { launchPhone, loginThroughUi, type Phone } from './support/phone';
import { until } from './support/simulate';

interface ContactRow { key: string; id: string; name: string; description: string }

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  for (const p of phones) await p.dispose();
  await server.close();
});

async function loggedIn(name: string): Promise<Phone> {
  const p = launchPhone(server);
  phones.push(p);
  await loginThroughUi(p, name);
  return p;
}

test('contacts: the seeded group and both friends; tapping a friend opens a 1:1 chat', async () => {
  const alice = await loggedIn('alice');
  const contacts = alice.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'contacts');
  expect((contacts.data.groups as ContactRow[]).map((g) => [g.name, g.description])).toEqual([['Floo Demo', '3 人']]);
  const friends = contacts.data.friends as ContactRow[];
  expect(friends.map((f) => [f.name, f.description]).sort()).toEqual([['Bob', 'bob'], ['Carol', 'carol']]);
  await contacts.tap(`#user-${uidOf(server, 'bob')}`);
  expect(alice.lastNavigation()).toBe(`/packages/chat/pages/chat/chat?type=user&id=${uidOf(server, 'bob')}&name=Bob`);
  await contacts.call('onPullDownRefresh');
  expect(alice.calls.some((c) => c.api === 'stopPullDownRefresh')).toBe(true);
  // Names learnt here are used by the other pages.
  expect(alice.app.im.directory.get({ type: 'user', id: uidOf(server, 'carol') }).name).toBe('Carol');
});

test('profile: edit the nickname and avatar URL; others see it', async () => {
  const carol = await loggedIn('carol');
  const profile = carol.open('/pages/profile/profile');
  await until(() => profile.data.username === 'carol', 'the profile');
  expect(profile.data).toMatchObject({ displayName: 'Carol', initial: 'C', userId: uidOf(server, 'carol'), dirty: false });
  await profile.type('#nickname', 'Caro');
  await profile.type('#avatar', 'https://example.invalid/caro.png');
  expect(profile.data.dirty).toBe(true);
  await profile.tap('#save');
  await until(() => profile.data.displayName === 'Caro' && !profile.data.saving, 'the saved profile');
  expect(profile.data).toMatchObject({ avatar: 'https://example.invalid/caro.png', dirty: false });
  const bob = await loggedIn('bob');
  expect((await bob.app.im.client.contacts.users([uidOf(server, 'carol')]))[0].nickName).toBe('Caro');
  await carol.app.im.client.contacts.updateProfile({ nickName: 'Carol', avatar: '' });
});

test('profile: the language switch changes every text, tab names included', async () => {
  const bob = await loggedIn('bob');
  const profile = bob.open('/pages/profile/profile');
  await profile.tap('#language');
  await until(() => profile.data.lang === 'en', 'English');
  expect((profile.data.t as { profile: { logout: string } }).profile.logout).toBe('Log out');
  const tabTexts = bob.calls.filter((c) => c.api === 'setTabBarItem').slice(-3).map((c) => c.args.text);
  expect(tabTexts).toEqual(['Chats', 'Contacts', 'Me']);
  // Pages opened later speak English too; the setting is saved.
  const list = bob.open('/pages/conversations/conversations');
  expect((list.data.t as { conversations: { title: string } }).conversations.title).toBe('Chats');
  expect((bob.control.storage.snapshot()['floo-demo:settings'] as { lang: string }).lang).toBe('en');
  await profile.tap('#language');
  await until(() => profile.data.lang === 'zh', 'Chinese again');
  await profile.tap('#settings');
  expect(bob.lastNavigation()).toBe('/pages/settings/settings');
});

// The contacts tab (entries, groups and friends) and the profile tab (who, entries, language, logout).
import { uidOf } from '../support/server-harness';
import { uiSession } from './support/phone';
import { until } from './support/simulate';

interface ContactRow { key: string; id: string; name: string; description: string }

const ui = uiSession();
const loggedIn = (name: string) => ui.loggedIn(name);

test('contacts: the entries, the seeded group and both friends; a friend opens the detail page, a group the chat', async () => {
  const alice = await loggedIn('alice');
  const contacts = alice.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'contacts');
  expect((contacts.data.groups as ContactRow[]).map((g) => [g.name, g.description])).toEqual([['Floo Demo', '3 人']]);
  const friends = contacts.data.friends as ContactRow[];
  expect(friends.map((f) => [f.name, f.description]).sort()).toEqual([['Bob', 'bob'], ['Carol', 'carol']]);
  await contacts.tap(`#user-${uidOf(ui.server, 'bob')}`);
  expect(alice.lastNavigation()).toBe(`/packages/friends/pages/detail/detail?id=${uidOf(ui.server, 'bob')}`);
  const group = (contacts.data.groups as ContactRow[])[0];
  await contacts.tap(`#group-${group.id}`);
  expect(alice.lastNavigation()).toBe(`/packages/chat/pages/chat/chat?type=group&id=${group.id}&name=Floo%20Demo`);
  const entries: Array<[string, string]> = [
    ['#entry-requests', '/packages/friends/pages/requests/requests'],
    ['#entry-add', '/packages/friends/pages/add/add'],
    ['#entry-blocklist', '/packages/friends/pages/blocklist/blocklist'],
    ['#entry-create-group', '/packages/groups/pages/create/create'],
    ['#entry-join-group', '/packages/groups/pages/join/join'],
  ];
  for (const [selector, url] of entries) {
    await contacts.tap(selector);
    expect(alice.lastNavigation()).toBe(url);
  }
  expect(contacts.data.pending).toBe(0);
  expect(contacts.$('#pending')).toBeFalsy();
  await contacts.call('onPullDownRefresh');
  expect(alice.calls.some((c) => c.api === 'stopPullDownRefresh')).toBe(true);
  // Names learnt here are used by the other pages.
  expect(alice.app.im.directory.get({ type: 'user', id: uidOf(ui.server, 'carol') }).name).toBe('Carol');
});

test('profile: who the user is, and the entries to the profile editor and the account settings', async () => {
  const carol = await loggedIn('carol');
  const profile = carol.open('/pages/profile/profile');
  await until(() => profile.data.username === 'carol', 'the profile');
  expect(profile.data).toMatchObject({ displayName: 'Carol', initial: 'C', userId: uidOf(ui.server, 'carol') });
  await profile.tap('#edit');
  expect(carol.lastNavigation()).toBe('/packages/friends/pages/edit/edit');
  await profile.tap('#account');
  expect(carol.lastNavigation()).toBe('/packages/friends/pages/account/account');
  // A change made elsewhere shows when the tab is shown again.
  await carol.app.im.client.users.updateProfile({ nickName: 'Caro', description: 'hello' });
  profile.call('onShow');
  await until(() => profile.data.displayName === 'Caro', 'the new name');
  expect(profile.data.description).toBe('hello');
  await carol.app.im.client.users.updateProfile({ nickName: 'Carol', description: '' });
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

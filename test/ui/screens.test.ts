// Every page in a realistic state (alice's phone after some chatting), checked for what it shows.
// `npm run screenshots` runs this file with FLOO_SCREENS_DIR set to turn each screen into HTML, which
// headless Chromium then photographs into docs/screenshots/.
import type { RunningServer } from '../../server/src';
import { startTestServer, uidOf } from '../support/server-harness';
import { launchPhone, loginThroughUi, type PageHandle, type Phone } from './support/phone';
import { SCREENS_DIR, showInputText, writeScreen } from './support/screens';
import { until } from './support/simulate';
import { DEFAULT_LOCATION } from '../support/wx-shim/index';
import { fakeFileBytes } from '../support/wx-shim/media-control';

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  for (const p of phones) await p.dispose();
  await server.close();
});

showInputText();

const TABS_ZH = ['消息', '联系人', '我'];

function shoot(name: string, page: PageHandle, phone: Phone, tab?: number, tabs = TABS_ZH) {
  const title = phone.calls.filter((c) => c.api === 'setNavigationBarTitle').pop()?.args.title as string;
  if (SCREENS_DIR) writeScreen(SCREENS_DIR, { name, title, page: page.comp, tab, tabs, badge: phone.tabBadge(), noBack: name === 'login' });
}

test('every page, as a user sees it', async () => {
  const [bob, carol] = [launchPhone(server), launchPhone(server)];
  const alice = launchPhone(server);
  phones.push(bob, carol, alice);

  // Login and register forms.
  const login = alice.open('/pages/login/login');
  await until(() => login.data.resuming === false, 'the form');
  await login.type('#username', 'alice');
  await login.type('#password', 'floo-demo');
  expect(login.$('#username')!.querySelector('.t-input__control')!.dom.textContent).toBe('alice');
  shoot('login', login, alice);
  const register = alice.open('/pages/register/register');
  shoot('register', register, alice);
  register.close();
  const settings = alice.open('/pages/settings/settings');
  shoot('settings', settings, alice);
  settings.close();
  await login.tap('#submit');
  await until(() => alice.lastNavigation() === '/pages/conversations/conversations', 'alice logged in');
  login.close();

  // Some conversation: bob and carol write to alice and to the group.
  await loginThroughUi(bob, 'bob');
  await loginThroughUi(carol, 'carol');
  const group = { type: 'group' as const, id: String(server.demo!.groupId) };
  const toAlice = { type: 'user' as const, id: uidOf(server, 'alice') };
  await alice.app.im.client.messages.sendText(group, '大家好，新版 Floo 小程序演示上线了！');
  await bob.app.im.client.messages.sendText(group, '收到！消息列表和未读数都是实时的');
  await carol.app.im.client.messages.sendText(group, '下拉可以加载更早的消息');
  await carol.app.im.client.messages.sendText(toAlice, '晚上一起吃饭吗？');
  await bob.app.im.client.messages.sendText(toAlice, 'Hi Alice, the demo works on my phone too.');
  await bob.app.im.client.messages.sendText(toAlice, 'See you tomorrow!');

  const list = alice.open('/pages/conversations/conversations');
  await until(() => (list.data.items as unknown[]).length === 3 && (list.data.items as Array<{ name: string }>).every((r) => !/^\d+$/.test(r.name)), 'three named rows');
  expect((list.data.items as Array<{ name: string; unread: number }>).map((r) => [r.name, r.unread])).toEqual([['Bob', 2], ['Carol', 1], ['Floo Demo', 2]]);
  shoot('conversations', list, alice, 0);

  // Then, in bob's chat with alice, a photo, a voice message, a file and a place (files as the shim's pickers make them).
  const toBob = { type: 'user' as const, id: uidOf(server, 'bob') };
  const photo = bob.control.files.saveTemp(fakeFileBytes('png', 40_000, { width: 1200, height: 800 }), '.png');
  await bob.app.im.client.messages.sendFile({ to: toAlice, kind: 'image', path: photo, size: 40_000, width: 1200, height: 800 });
  const voice = alice.control.files.saveTemp(fakeFileBytes('aac', 24_000), '.aac');
  await alice.app.im.client.messages.sendFile({ to: toBob, kind: 'audio', path: voice, duration: 4, size: 24_000 });
  const doc = bob.control.files.saveTemp(fakeFileBytes('pdf', 52_000), '.pdf');
  await bob.app.im.client.messages.sendFile({ to: toAlice, kind: 'file', path: doc, name: '需求文档.pdf', size: 52_000 });
  await alice.app.im.client.messages.send({
    to: toBob, kind: 'location', attachment: { lat: DEFAULT_LOCATION.latitude, lon: DEFAULT_LOCATION.longitude, addr: DEFAULT_LOCATION.address, name: DEFAULT_LOCATION.name },
  });

  const chat = alice.open(`/packages/chat/pages/chat/chat?type=user&id=${toBob.id}&name=Bob`);
  await until(() => {
    const items = (chat.data.blocks as Array<{ items: Array<{ name: string; status: string; own: boolean }> }>)[0]?.items ?? [];
    return items.length === 6 && items.every((b) => !/^\d+$/.test(b.name) && (!b.own || b.status === 'sent' || b.status === 'read'));
  }, 'the chat with names, everything sent');
  const kinds = (chat.data.blocks as Array<{ items: Array<{ kind?: string }> }>)[0].items.map((b) => b.kind);
  expect(kinds).toEqual(['text', 'text', 'image', 'audio', 'file', 'location']);
  await chat.type('#input', '好的，马上看看');
  shoot('chat', chat, alice);
  chat.close();

  const contacts = alice.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'contacts');
  shoot('contacts', contacts, alice, 1);

  const profile = alice.open('/pages/profile/profile');
  await until(() => profile.data.username === 'alice', 'the profile');
  shoot('profile', profile, alice, 2);

  // The same list in English.
  await profile.tap('#language');
  await until(() => profile.data.lang === 'en', 'English');
  list.call('onShow');
  expect((list.data.t as { conversations: { title: string } }).conversations.title).toBe('Chats');
  shoot('conversations-en', list, alice, 0, ['Chats', 'Contacts', 'Me']);
  await profile.tap('#language');
});

test('the friends pages: add friend and friend requests', async () => {
  const [dave, alice] = [launchPhone(server), launchPhone(server)];
  phones.push(dave, alice);
  const r = await fetch(`${server.url}/user/register/v2`, {
    method: 'POST', headers: { 'content-type': 'application/json', app_id: 'demo' }, body: JSON.stringify({ username: 'dave', password: 'floo-demo' }),
  });
  expect(r.status).toBe(200);
  await loginThroughUi(dave, 'dave');
  await loginThroughUi(alice, 'alice');
  await dave.app.im.client.users.updateProfile({ nickName: 'Dave' });
  await dave.app.im.client.roster.apply(uidOf(server, 'alice'), { message: '你好，我是 Dave，我们在群里聊过' });

  const add = alice.open('/packages/friends/pages/add/add');
  await add.type('#query', 'dave');
  await add.tap('#search');
  await until(() => add.data.found, 'dave found');
  await add.type('#message', '你好 Dave');
  shoot('add-friend', add, alice);
  add.close();

  const requests = alice.open('/packages/friends/pages/requests/requests');
  await until(() => (requests.data.requests as Array<{ name: string }>)[0]?.name === 'Dave', 'dave\'s request');
  shoot('friend-requests', requests, alice);
});

test('the group pages: group info and members', async () => {
  const alice = launchPhone(server);
  phones.push(alice);
  await loginThroughUi(alice, 'alice');
  const gid = String(server.demo!.groupId);
  const groups = alice.app.im.client.groups;
  await groups.update(gid, { description: 'Floo 演示群：聊天、群管理和公告都在这里' });
  await groups.editAnnouncement(gid, { title: '欢迎', content: '周五下午发布新版本' });
  await groups.addAdmins(gid, [uidOf(server, 'bob')]);

  const info = alice.open(`/packages/groups/pages/info/info?id=${gid}`);
  await until(() => info.data.loaded && info.data.announcement, 'the group info');
  shoot('group-info', info, alice);
  info.close();
  const members = alice.open(`/packages/groups/pages/members/members?id=${gid}`);
  await until(() => (members.data.rows as unknown[]).length === 3, 'the members');
  shoot('group-members', members, alice);
});

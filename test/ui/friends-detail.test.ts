// The friend detail page (profile, alias, send message, delete with a confirmation, block) and the
// blocklist page (unblock), with the contacts tab following the changes live.
import type { RunningServer } from '../../server/src';
import { login, rest, startTestServer, uidOf } from '../support/server-harness';
import { Phones } from './support/friends';
import type { PageHandle } from './support/phone';
import { until } from './support/simulate';

interface Row { id: string; name: string }

let server: RunningServer;
const phones = new Phones(() => server);
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  await phones.dispose();
  await server.close();
});

const friendNames = (contacts: PageHandle) => Object.fromEntries((contacts.data.friends as Row[]).map((f) => [f.id, f.name]));

/** Taps the confirm button of a TDesign dialog on a page. */
async function confirmDialog(page: PageHandle, selector: string): Promise<void> {
  const dialog = page.$(selector);
  await page.tap(dialog?.querySelector('.t-dialog__button--confirm') ?? null);
}

test('detail: the profile, an alias that every page uses, send message', async () => {
  const bobId = uidOf(server, 'bob');
  const alice = await alicePhone();
  const contacts = alice.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'contacts');
  const detail = alice.open(`/packages/friends/pages/detail/detail?id=${bobId}`);
  await until(() => detail.data.loaded, 'bob\'s detail');
  expect(detail.data).toMatchObject({ name: 'Bob', username: 'bob', nickName: 'Bob', isFriend: true, blocked: false, alias: '', self: false });

  await detail.type('#alias', 'Bobby');
  await detail.tap('#save-alias');
  await until(() => detail.data.alias === 'Bobby' && !detail.data.busy, 'the saved alias');
  expect(detail.data.name).toBe('Bobby');
  expect(alice.calls.some((c) => c.api === 'showToast' && c.args.title === '备注已保存')).toBe(true);
  // The contacts tab and the name directory (conversation list, chat) follow.
  await until(() => friendNames(contacts)[bobId] === 'Bobby', 'the alias on the contacts tab');
  await until(() => alice.app.im.directory.get({ type: 'user', id: bobId }).name === 'Bobby', 'the alias in the directory');

  await detail.tap('#send');
  expect(alice.lastNavigation()).toBe(`/packages/chat/pages/chat/chat?type=user&id=${bobId}&name=Bobby`);

  // Clearing the alias shows the nickname again.
  await detail.type('#alias', '');
  await detail.tap('#save-alias');
  await until(() => detail.data.alias === '' && !detail.data.busy, 'the alias cleared');
  expect(detail.data.name).toBe('Bob');
  await until(() => friendNames(contacts)[bobId] === 'Bob', 'the nickname on the contacts tab');
});

test('block from the detail page, unblock on the blocklist page', async () => {
  const carolId = uidOf(server, 'carol');
  const alice = await alicePhone();
  const detail = alice.open(`/packages/friends/pages/detail/detail?id=${carolId}`);
  await until(() => detail.data.loaded, 'carol\'s detail');
  const blocklist = alice.open('/packages/friends/pages/blocklist/blocklist');
  await until(() => blocklist.data.loaded, 'the blocklist');
  expect(blocklist.$('#empty')).toBeTruthy();

  await detail.tap('#block');
  await until(() => detail.data.blocked && !detail.data.busy, 'carol blocked');
  expect(detail.$('#blocked-tag')).toBeTruthy();
  // The blocklist page, open all along, follows.
  await until(() => (blocklist.data.users as Row[]).length === 1, 'carol on the blocklist');
  expect((blocklist.data.users as Row[])[0]).toMatchObject({ id: carolId, name: 'Carol' });
  expect(await alice.app.im.client.roster.blocklist()).toEqual([carolId]);

  await blocklist.tap(`#unblock-${carolId}`);
  await until(() => (blocklist.data.users as Row[]).length === 0 && blocklist.data.busy === '', 'the blocklist empty');
  expect(blocklist.$('#empty')).toBeTruthy();
  await until(() => !detail.data.blocked, 'the detail page unblocked');
  await detail.tap('#block');
  await until(() => detail.data.blocked && !detail.data.busy, 'blocked again');
  await detail.tap('#block');
  await until(() => !detail.data.blocked && !detail.data.busy, 'unblocked from the detail page');
  expect(await alice.app.im.client.roster.blocklist()).toEqual([]);
});

test('delete a friend after confirming; both contacts tabs follow; the detail page then offers to add', async () => {
  const aliceId = uidOf(server, 'alice');
  const carolId = uidOf(server, 'carol');
  const alice = await alicePhone();
  const carol = await phones.loggedIn('carol');
  const carolContacts = carol.open('/pages/contacts/contacts');
  await until(() => carolContacts.data.loaded, 'carol\'s contacts');
  expect(friendNames(carolContacts)[aliceId]).toBe('Alice');

  const detail = alice.open(`/packages/friends/pages/detail/detail?id=${carolId}`);
  await until(() => detail.data.loaded, 'carol\'s detail');
  await detail.tap('#remove');
  expect(detail.data.confirmRemove).toBe(true);
  // Cancel first: nothing happens.
  await detail.call('onRemoveCancel');
  expect(detail.data.confirmRemove).toBe(false);
  await detail.tap('#remove');
  await confirmDialog(detail, '#remove-dialog');
  await until(() => !detail.data.isFriend && !detail.data.busy && detail.data.loaded, 'carol no longer a friend');
  expect(detail.data.confirmRemove).toBe(false);
  expect(detail.$('#add')).toBeTruthy();
  expect(detail.$('#send')).toBeFalsy();
  await until(() => friendNames(carolContacts)[aliceId] === undefined, 'alice gone from carol\'s contacts');
  expect(alice.app.im.client.roster.isFriend(carolId)).toBe(false);

  await detail.tap('#add');
  expect(alice.lastNavigation()).toBe(`/packages/friends/pages/add/add?q=${carolId}`);
  // The add page searches what it was given and offers the request.
  const add = alice.open(`/packages/friends/pages/add/add?q=${carolId}`);
  await until(() => add.data.found, 'carol found');
  expect(add.data.found).toMatchObject({ id: carolId, relation: 'stranger' });
});

test('a group renamed elsewhere: the contacts tab and the name directory follow the notice', async () => {
  const groupId = String(server.demo!.groupId);
  const bob = await phones.loggedIn('bob');
  const contacts = bob.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'bob\'s contacts');
  const groupName = () => (contacts.data.groups as Row[]).find((g) => g.id === groupId)?.name;
  expect(groupName()).toBe('Floo Demo');
  const { token } = await login(server, 'alice');
  const rename = (name: string) => rest(server, 'POST', '/group/info/name', { appId: 'demo', token, body: { group_id: Number(groupId), value: name } });
  expect((await rename('Floo Friends')).code).toBe(200);
  await until(() => groupName() === 'Floo Friends', 'the new name on the contacts tab');
  await until(() => bob.app.im.directory.get({ type: 'group', id: groupId }).name === 'Floo Friends', 'the new name in the directory');
  expect((await rename('Floo Demo')).code).toBe(200);
  await until(() => groupName() === 'Floo Demo', 'the name back');
});

async function alicePhone() {
  return phones.loggedIn('alice');
}

// Adding friends through the pages: search, apply, the other phone's requests page and contacts tab
// following live, accept and decline, and the target's verification mode (anyone, question, refuse all).
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { Phones, register } from './support/friends';
import type { PageHandle, Phone } from './support/phone';
import { until } from './support/simulate';

interface Row { id: string; name: string }
interface RequestRow extends Row { message: string; direction: string; status: string; actionable: boolean }
interface Found { id: string; name: string; relation: string }

let server: RunningServer;
const phones = new Phones(() => server);
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  await phones.dispose();
  await server.close();
});

const friendIds = (contacts: PageHandle) => (contacts.data.friends as Row[]).map((f) => f.id);
const requestRows = (page: PageHandle) => page.data.requests as RequestRow[];

/** Searches on the add page until the card shows. */
async function search(phone: Phone, query: string): Promise<PageHandle> {
  const add = phone.open('/packages/friends/pages/add/add');
  await add.type('#query', query);
  await add.tap('#search');
  await until(() => !add.data.searching && (add.data.found || add.data.notFound || add.data.error), `the search for ${query}`);
  return add;
}

/** Sends a request from the add page (message and answer optional); resolves when it is answered. */
async function apply(add: PageHandle, options: { message?: string; answer?: string } = {}): Promise<void> {
  if (options.message !== undefined) await add.type('#message', options.message);
  if (options.answer !== undefined) await add.type('#answer', options.answer);
  await add.tap('#apply');
  await until(() => !add.data.applying, 'the request to be answered');
}

test('add friend end to end: search, apply with a message, the requests page and badge follow live, accept; both lists show each other', async () => {
  const daveId = await register(server, 'dave');
  const erinId = await register(server, 'erin');
  const dave = await phones.loggedIn('dave');
  const erin = await phones.loggedIn('erin');
  const erinContacts = erin.open('/pages/contacts/contacts');
  const erinRequests = erin.open('/packages/friends/pages/requests/requests');
  const daveContacts = dave.open('/pages/contacts/contacts');
  await until(() => erinContacts.data.loaded && erinRequests.data.loaded && daveContacts.data.loaded, 'the pages');
  expect(erinRequests.$('#empty')).toBeTruthy();
  expect(friendIds(erinContacts)).toEqual([]);

  // Not found, then found by name.
  const nobody = await search(dave, 'nobody_here');
  expect(nobody.data.notFound).toBe(true);
  const add = await search(dave, 'erin');
  expect(add.data.found).toMatchObject({ id: erinId, name: 'erin', relation: 'stranger' });
  await apply(add, { message: 'hi erin, dave here' });
  expect(add.data.outcome).toBe('pending');
  expect(dave.calls.some((c) => c.api === 'showToast' && c.args.title === '好友申请已发送')).toBe(true);

  // Erin's pages, open all along, follow.
  // The row shows at once, under the applicant's name once it is looked up.
  const incoming = await until(() => requestRows(erinRequests).find((r) => r.id === daveId && r.name === 'dave'), 'the request on erin\'s page');
  expect(incoming).toMatchObject({ name: 'dave', message: 'hi erin, dave here', direction: 'incoming', actionable: true });
  await until(() => erinContacts.data.pending === 1, 'the badge of pending requests');
  expect(erinContacts.$('#pending')).toBeTruthy();

  // Dave sees his own request waiting.
  const daveRequests = dave.open('/packages/friends/pages/requests/requests');
  await until(() => requestRows(daveRequests).length === 1, 'dave\'s sent request');
  expect(requestRows(daveRequests)[0]).toMatchObject({ id: erinId, direction: 'outgoing', status: 'pending', actionable: false });

  const navigations = erin.calls.length;
  await erinRequests.tap(`#accept-${daveId}`);
  await until(() => requestRows(erinRequests)[0]?.status === 'accepted', 'the accepted request');
  // The button does not also open the row.
  expect(erin.calls.slice(navigations).some((c) => c.api === 'navigateTo')).toBe(false);
  await erinRequests.tap(`#incoming-${daveId}`);
  expect(erin.lastNavigation()).toBe(`/packages/friends/pages/detail/detail?id=${daveId}`);
  expect(requestRows(erinRequests)[0].actionable).toBe(false);
  await until(() => friendIds(erinContacts).includes(daveId), 'dave in erin\'s contacts');
  await until(() => erinContacts.data.pending === 0, 'no pending requests');
  await until(() => friendIds(daveContacts).includes(erinId), 'erin in dave\'s contacts');
  await until(() => requestRows(daveRequests)[0]?.status === 'accepted', 'dave\'s request accepted');

  // Searching again shows a friend, with the way to the chat.
  const again = await search(dave, erinId);
  expect((again.data.found as Found).relation).toBe('friend');
  await again.tap('#chat');
  expect(dave.lastNavigation()).toBe(`/packages/chat/pages/chat/chat?type=user&id=${erinId}&name=erin`);
  const self = await search(dave, 'dave');
  expect((self.data.found as Found).relation).toBe('self');
  expect(self.$('#apply')).toBeFalsy();
});

test('decline: the applicant\'s sent request turns declined live, and no friendship', async () => {
  const fionaId = await register(server, 'fiona');
  const gusId = await register(server, 'gus');
  const fiona = await phones.loggedIn('fiona');
  const gus = await phones.loggedIn('gus');
  const sent = fiona.open('/packages/friends/pages/requests/requests');
  const received = gus.open('/packages/friends/pages/requests/requests');
  await until(() => sent.data.loaded && received.data.loaded, 'the pages');
  const add = await search(fiona, 'gus');
  await apply(add);
  await until(() => requestRows(sent)[0]?.status === 'pending', 'fiona\'s request');
  await until(() => requestRows(received)[0]?.actionable, 'gus\'s request');
  expect(requestRows(received)[0].message).toBe('请求添加你为好友');
  await received.tap(`#decline-${fionaId}`);
  await until(() => requestRows(received)[0]?.status === 'declined', 'declined on gus\'s page');
  await until(() => requestRows(sent)[0]?.status === 'declined', 'declined on fiona\'s page');
  expect(fiona.app.im.client.roster.isFriend(gusId)).toBe(false);
  expect(await fiona.app.im.client.roster.friends({ refresh: true })).toEqual([]);
});

test('verification modes set on the account page decide what a third phone\'s request does', async () => {
  const hankId = await register(server, 'hank');
  await register(server, 'ivy');
  await register(server, 'jack');
  const hank = await phones.loggedIn('hank');
  const account = hank.open('/packages/friends/pages/account/account');
  await until(() => account.data.loaded, 'hank\'s settings');
  expect(account.data.mode).toBe('confirm');

  // Anyone: ivy's request makes them friends at once.
  await account.tap('#mode-anyone');
  await until(() => !account.data.saving && account.data.mode === 'anyone', 'mode anyone');
  expect((await hank.app.im.client.users.settings({ refresh: true })).friendVerification).toBe('anyone');
  const ivy = await phones.loggedIn('ivy');
  const ivyAdd = await search(ivy, 'hank');
  await apply(ivyAdd);
  expect(ivyAdd.data.outcome).toBe('added');
  expect((ivyAdd.data.found as Found).relation).toBe('friend');

  // Refuse all: jack is told so.
  await account.tap('#mode-refuseAll');
  await until(() => !account.data.saving && account.data.mode === 'refuseAll', 'mode refuse all');
  const jack = await phones.loggedIn('jack');
  const jackAdd = await search(jack, 'hank');
  await apply(jackAdd);
  expect(jackAdd.data.error).toBe('对方拒绝任何好友申请');
  expect(jackAdd.data.outcome).toBe('');

  // A question: it needs both fields; then jack must answer it.
  await account.tap('#mode-question');
  expect(account.data.mode).toBe('question');
  await account.tap('#save-question');
  expect(account.data.error).toBe('请填写问题和答案');
  await account.type('#question', 'Favourite colour?');
  await account.type('#answer', 'blue');
  await account.tap('#save-question');
  await until(() => !account.data.saving && account.data.error === '' && hank.calls.some((c) => c.args.title === '设置已保存'), 'the question saved');
  const settings = await hank.app.im.client.users.settings({ refresh: true });
  expect(settings).toMatchObject({ friendVerification: 'question', verificationQuestion: 'Favourite colour?' });

  await apply(jackAdd);
  expect(jackAdd.data).toMatchObject({ needAnswer: true, error: '对方设置了验证问题，请填写答案后重新发送' });
  expect(jackAdd.$('#answer')).toBeTruthy();
  await apply(jackAdd, { answer: 'red' });
  expect(jackAdd.data.error).toBe('答案不正确');
  await apply(jackAdd, { answer: 'blue' });
  expect(jackAdd.data.outcome).toBe('added');
  await until(() => jack.app.im.client.roster.isFriend(hankId), 'jack and hank friends');

  // Back to confirm: the page shows it after a reload.
  await account.tap('#mode-confirm');
  await until(() => !account.data.saving && account.data.mode === 'confirm', 'mode confirm');
  const reopened = hank.open('/packages/friends/pages/account/account');
  await until(() => reopened.data.loaded, 'the settings again');
  expect(reopened.data).toMatchObject({ mode: 'confirm', answer: '' });
});

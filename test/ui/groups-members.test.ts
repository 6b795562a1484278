// Group pages, part 3: managing members from the members page (admins, mute, kick, the group blocklist),
// owner transfer, leave and destroy, each confirmed and followed live by the other phones.
import { uidOf } from '../support/server-harness';
import { uiSession, type PageHandle, type Phone } from './support/phone';
import { act, sendFromChat, toasts, watch, type PersonRow } from './support/group-pages';
import { until } from './support/simulate';

const ui = uiSession();
const loggedIn = (name: string) => ui.loggedIn(name);

const info = (p: Phone, gid: string) => p.open(`/packages/groups/pages/info/info?id=${gid}`);
const loaded = (page: PageHandle, what: string) => until(() => page.data.loaded, what);

/** A new group of alice's with bob and carol in it. */
async function groupOfThree(alice: Phone, name: string): Promise<string> {
  const g = await alice.app.im.client.groups.create({ name, members: [uidOf(ui.server, 'bob'), uidOf(ui.server, 'carol')] });
  return g.groupId;
}

const rows = (page: PageHandle) => page.data.rows as PersonRow[];

test('members: the owner makes an admin, mutes and kicks; the kicked phone leaves the group page', async () => {
  const [alice, bob, carol] = [await loggedIn('alice'), await loggedIn('bob'), await loggedIn('carol')];
  const gid = await groupOfThree(alice, 'Crew');
  const [bobId, carolId] = [uidOf(ui.server, 'bob'), uidOf(ui.server, 'carol')];
  const [bobInfo, carolInfo] = [info(bob, gid), info(carol, gid)];
  await loaded(bobInfo, 'bob\'s info page');
  await loaded(carolInfo, 'carol\'s info page');

  const mine = alice.open(`/packages/groups/pages/members/members?id=${gid}`);
  await until(() => rows(mine).length === 3, 'the members');
  expect(mine.data.hasMore).toBe(false);
  expect(rows(mine).map((r) => r.role)).toEqual(['owner', 'member', 'member']);
  // Nothing to do about oneself.
  await mine.tap(`#u-${uidOf(ui.server, 'alice')}`);
  expect((mine.data.sheet as { visible: boolean }).visible).toBe(false);

  await act(mine, bobId, '设为管理员');
  await until(() => bobInfo.data.isAdmin === true, 'bob sees the admin settings');
  expect(bobInfo.$('#manage')).toBeTruthy();
  await until(() => rows(mine).find((r) => r.id === bobId)?.role === 'admin', 'bob tagged admin');

  // An admin manages members but not the owner, and grants no roles.
  const bobs = bob.open(`/packages/groups/pages/members/members?id=${gid}`);
  await until(() => rows(bobs).length === 3, 'bob\'s member list');
  await bobs.tap(`#u-${uidOf(ui.server, 'alice')}`);
  expect((bobs.data.sheet as { visible: boolean }).visible).toBe(false);
  await bobs.tap(`#u-${carolId}`);
  expect((bobs.data.sheet as { items: Array<{ label: string }> }).items.map((i) => i.label)).toEqual(['移出群组', '禁言 1 小时', '加入群黑名单']);
  bobs.call('onSheetClose');

  // Muted: carol's message fails; unmuted, it goes.
  await act(mine, carolId, '禁言 1 小时');
  await until(() => rows(mine).find((r) => r.id === carolId)?.banned, 'carol tagged muted');
  expect((await sendFromChat(carol, gid, 'can I talk?')).status).toBe('failed');
  await act(mine, carolId, '解除禁言');
  await until(() => !rows(mine).find((r) => r.id === carolId)?.banned, 'carol unmuted');
  expect((await sendFromChat(carol, gid, 'thanks')).status).toBe('sent');

  // Kick, after a confirmation (cancelled once).
  await act(mine, carolId, '移出群组');
  expect(mine.data.confirm).toMatchObject({ visible: true, content: '确定将 Carol 移出群组吗？' });
  await mine.tap('#confirm-cancel');
  expect(rows(mine)).toHaveLength(3);
  await act(mine, carolId, '移出群组');
  await mine.tap('#confirm-ok');
  await watch(carol, () => carol.lastNavigation() === '/pages/contacts/contacts', 'carol leaves the group page');
  await until(() => rows(mine).length === 2, 'carol gone from the list');
  expect(toasts(carol)).toContain('你已被移出该群');
  expect((await carol.app.im.client.groups.joined({ refresh: true })).some((g) => g.groupId === gid)).toBe(false);
});

test('blocklist: blocked from the sheet, listed for admins, unblocked', async () => {
  const [alice, carol] = [await loggedIn('alice'), await loggedIn('carol')];
  const gid = await groupOfThree(alice, 'Club');
  const carolId = uidOf(ui.server, 'carol');
  const carolInfo = info(carol, gid);
  await loaded(carolInfo, 'carol\'s info page');
  const mine = alice.open(`/packages/groups/pages/members/members?id=${gid}`);
  await until(() => rows(mine).length === 3, 'the members');
  await act(mine, carolId, '加入群黑名单');
  await mine.tap('#confirm-ok');
  await watch(carol, () => carol.lastNavigation() === '/pages/contacts/contacts', 'carol leaves the group page');

  const aliceInfo = info(alice, gid);
  await loaded(aliceInfo, 'alice\'s info page');
  await aliceInfo.tap('#blocklist');
  const blocked = alice.open(alice.lastNavigation()!);
  await until(() => blocked.data.loaded, 'the blocklist');
  expect((blocked.data.rows as PersonRow[]).map((r) => r.name)).toEqual(['Carol']);
  await blocked.tap(`#unblock-${carolId}`);
  await until(() => (blocked.data.rows as unknown[]).length === 0, 'unblocked');
  expect(blocked.$('#empty')).toBeTruthy();
});

test('transfer, leave and destroy, each confirmed; the other phones follow', async () => {
  const [alice, bob, carol] = [await loggedIn('alice'), await loggedIn('bob'), await loggedIn('carol')];
  const gid = await groupOfThree(alice, 'Handover');
  const bobId = uidOf(ui.server, 'bob');
  const [aliceInfo, bobInfo, carolInfo] = [info(alice, gid), info(bob, gid), info(carol, gid)];
  for (const p of [aliceInfo, bobInfo, carolInfo]) await loaded(p, 'an info page');

  const members = alice.open(`/packages/groups/pages/members/members?id=${gid}`);
  await until(() => rows(members).length === 3, 'the members');
  await act(members, bobId, '转让群主');
  expect(members.data.confirm).toMatchObject({ visible: true, content: '确定将群主转让给 Bob 吗？转让后你将成为普通成员。' });
  await members.tap('#confirm-ok');
  await until(() => bobInfo.data.isOwner === true && bobInfo.$('#destroy'), 'bob the owner');
  await until(() => aliceInfo.data.isOwner === false && aliceInfo.$('#leave'), 'alice a member');

  // Leave: cancelled once, then confirmed.
  await aliceInfo.tap('#leave');
  expect(aliceInfo.data.confirm).toMatchObject({ visible: true, content: '退出后将不再接收该群消息，确定退出吗？' });
  await aliceInfo.tap('#confirm-cancel');
  expect(alice.lastNavigation()).not.toBe('/pages/contacts/contacts');
  await aliceInfo.tap('#leave');
  await aliceInfo.tap('#confirm-ok');
  await until(() => alice.lastNavigation() === '/pages/contacts/contacts', 'alice back on the contacts tab');
  expect(toasts(alice)).toContain('已退出群组');
  await until(() => bobInfo.data.membersTitle === '群成员（2）', 'bob\'s page without alice');

  await bobInfo.tap('#destroy');
  expect(bobInfo.data.confirm).toMatchObject({ visible: true, content: '解散后所有成员将被移出，群消息无法找回，确定解散吗？' });
  await bobInfo.tap('#confirm-ok');
  await watch(carol, () => carolInfo.data.gone, 'carol told the group is gone');
  expect(carol.lastNavigation()).toBe('/pages/contacts/contacts');
  expect(toasts(carol)).toContain('群组已解散');
  // Bob's page closed too (its calls went to whichever phone was current: see watch).
  await until(() => bobInfo.data.gone, 'bob\'s page closed');
  await expect(carol.app.im.client.groups.info(gid, { refresh: true })).rejects.toMatchObject({ code: 'GroupNotExist' });
});

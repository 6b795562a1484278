// Group pages, part 1: create a group picking friends, the chat page's way to the group info, join by
// id (at once, or with an admin accepting from the requests page), invite friends (and the invitee
// accepting from the requests page).
import type { GroupNoticeEvent } from '../../sdk/src/index';
import { uidOf } from '../support/server-harness';
import { uiSession } from './support/phone';
import { toasts, typeArea } from './support/group-pages';
import { until } from './support/simulate';

const ui = uiSession();
const loggedIn = (name: string) => ui.loggedIn(name);

const CREATE = '/packages/groups/pages/create/create';
const JOIN = '/packages/groups/pages/join/join';

test('create: a name, friends picked; the new group\'s chat opens and the friends are told', async () => {
  const [alice, bob] = [await loggedIn('alice'), await loggedIn('bob')];
  const told: GroupNoticeEvent[] = [];
  bob.app.im.client.on('groupNotice', (e) => told.push(e));
  const page = alice.open(CREATE);
  await until(() => page.data.loaded, 'the friends to pick');
  const bobId = uidOf(ui.server, 'bob');
  expect((page.data.friends as Array<{ id: string }>).map((f) => f.id).sort()).toEqual([bobId, uidOf(ui.server, 'carol')].sort());

  // No name: a toast, nothing created.
  await page.tap('#create');
  expect(toasts(alice)).toContain('请输入群名称');

  await page.type('#name', 'Weekend hike');
  await page.tap(`#pick-${bobId}`);
  expect((page.data.friends as Array<{ id: string; checked: boolean }>).find((f) => f.id === bobId)!.checked).toBe(true);
  // Picked twice is not picked.
  await page.tap(`#pick-${uidOf(ui.server, 'carol')}`);
  await page.tap(`#pick-${uidOf(ui.server, 'carol')}`);
  page.call('onType', { detail: { value: 'public' } });
  await page.tap('#create');
  const url = await until(() => alice.lastNavigation()?.startsWith('/packages/chat/pages/chat/chat?type=group') && alice.lastNavigation(), 'the group chat');
  const gid = /id=(\d+)/.exec(url)![1];
  expect(url).toBe(`/packages/chat/pages/chat/chat?type=group&id=${gid}&name=Weekend%20hike`);
  expect(alice.calls.some((c) => c.api === 'redirectTo')).toBe(true);

  const created = await until(() => told.find((e) => e.groupId === gid && e.kind === 'created'), 'bob told of the new group');
  expect(created.from).toBe(uidOf(ui.server, 'alice'));
  const joined = await bob.app.im.client.groups.joined({ refresh: true });
  expect(joined.find((g) => g.groupId === gid)).toMatchObject({ name: 'Weekend hike', type: 'public', memberCount: 2 });
  // Carol was picked and unpicked: not in the group.
  const members = await alice.app.im.client.groups.members(gid);
  expect(members.members.map((m) => m.userId).sort()).toEqual([uidOf(ui.server, 'alice'), bobId].sort());
});

test('chat: a group chat has a way to the group info page; a 1:1 chat does not', async () => {
  const alice = await loggedIn('alice');
  const gid = String(ui.server.demo!.groupId);
  const chat = alice.open(`/packages/chat/pages/chat/chat?type=group&id=${gid}&name=Floo%20Demo`);
  await chat.tap('#group-info');
  expect(alice.lastNavigation()).toBe(`/packages/groups/pages/info/info?id=${gid}`);
  const direct = alice.open(`/packages/chat/pages/chat/chat?type=user&id=${uidOf(ui.server, 'bob')}&name=Bob`);
  expect(direct.$('#group-info')).toBeFalsy();
});

test('join by id: a wrong id, then an open group joined at once', async () => {
  const [alice, carol] = [await loggedIn('alice'), await loggedIn('carol')];
  const group = await alice.app.im.client.groups.create({ name: 'Open house', type: 'public' });
  await alice.app.im.client.groups.updateSettings(group.groupId, { applyApproval: 'acceptAll' });

  const page = carol.open(JOIN);
  await page.type('#gid', 'abc');
  await page.tap('#lookup');
  expect(toasts(carol)).toContain('群 ID 是一串数字');
  await page.type('#gid', '987654321');
  await page.tap('#lookup');
  await until(() => toasts(carol).includes('没有找到这个群'), 'not found');

  await page.type('#gid', group.groupId);
  await page.tap('#lookup');
  const preview = await until(() => page.data.preview as { name: string; members: string } | null, 'the preview');
  expect(preview).toMatchObject({ name: 'Open house', members: '1 人' });
  await page.tap('#apply');
  await until(() => page.data.state === 'joined', 'joined');
  await page.tap('#open');
  expect(carol.lastNavigation()).toBe(`/packages/chat/pages/chat/chat?type=group&id=${group.groupId}&name=Open%20house`);
  expect((await carol.app.im.client.groups.joined({ refresh: true })).some((g) => g.groupId === group.groupId)).toBe(true);
});

test('join with approval: the request waits; an admin accepts it on the requests page', async () => {
  const [alice, bob] = [await loggedIn('alice'), await loggedIn('bob')];
  const group = await alice.app.im.client.groups.create({ name: 'Members only', type: 'public' });
  await alice.app.im.client.groups.updateSettings(group.groupId, { applyApproval: 'adminConfirm' });

  const join = bob.open(`${JOIN}?id=${group.groupId}`);
  await until(() => join.data.preview, 'the preview (id from the query)');
  await typeArea(bob, join, '#reason', 'I know Alice');
  await join.tap('#apply');
  await until(() => join.data.state === 'pending', 'the request sent');
  expect(join.$('#pending')).toBeTruthy();

  const requests = alice.open(`/packages/groups/pages/requests/requests?id=${group.groupId}`);
  const key = `app-${group.groupId}-${uidOf(ui.server, 'bob')}`;
  const row = await until(() => (requests.data.applications as Array<{ key: string; title: string; description: string }>).find((r) => r.key === key), 'bob\'s request');
  expect(row.title).toBe('Bob');
  expect(row.description).toBe('Members only · 申请理由：I know Alice');
  // Invitations are not shown for one group's requests.
  expect(requests.data.showInvitations).toBe(false);
  await requests.tap(`#${key}-accept`);
  // Marked accepted, then gone with the next reload (the notices of the join): only pending ones are listed.
  await until(() => (requests.data.applications as Array<{ key: string; state: string }>).every((r) => r.key !== key || r.state === 'accepted'), 'accepted');
  expect((await bob.app.im.client.groups.joined({ refresh: true })).some((g) => g.groupId === group.groupId)).toBe(true);

  // The join page's own entry to the requests page lists invitations too.
  await join.tap('#requests');
  expect(bob.lastNavigation()).toBe('/packages/groups/pages/requests/requests');
});

test('invite: friends not in the group; an invitee who confirms accepts on the requests page', async () => {
  const [alice, carol] = [await loggedIn('alice'), await loggedIn('carol')];
  await carol.app.im.client.users.updateSettings({ groupInviteConfirm: true });
  const bobId = uidOf(ui.server, 'bob');
  const group = await alice.app.im.client.groups.create({ name: 'Book club', members: [bobId] });

  const info = alice.open(`/packages/groups/pages/info/info?id=${group.groupId}`);
  await until(() => info.data.loaded, 'the info page');
  await info.tap('#invite');
  expect(alice.lastNavigation()).toBe(`/packages/groups/pages/invite/invite?id=${group.groupId}`);
  const invite = alice.open(alice.lastNavigation()!);
  await until(() => invite.data.loaded, 'the friends to invite');
  // Bob is already in: only Carol is offered.
  expect((invite.data.friends as Array<{ id: string }>).map((f) => f.id)).toEqual([uidOf(ui.server, 'carol')]);
  await invite.tap(`#pick-${uidOf(ui.server, 'carol')}`);
  expect(invite.data.sendText).toBe('邀请（1）');
  await invite.tap('#send');
  await until(() => toasts(alice).includes('已加入 0 人，待确认 1 人，未成功 0 人'), 'the invitation result');
  expect(alice.calls.some((c) => c.api === 'navigateBack')).toBe(true);

  const requests = carol.open('/packages/groups/pages/requests/requests');
  const key = `inv-${group.groupId}-${uidOf(ui.server, 'alice')}`;
  const row = await until(() => (requests.data.invitations as Array<{ key: string; title: string; description: string }>).find((r) => r.key === key), 'the invitation');
  expect(row).toMatchObject({ title: 'Book club', description: 'Alice 邀请你加入' });
  await requests.tap(`#${key}-accept`);
  await until(() => (requests.data.invitations as Array<{ key: string; state: string }>).every((r) => r.key !== key || r.state === 'accepted'), 'accepted');
  // Alice's info page follows: three members now.
  await until(() => info.data.membersTitle === '群成员（3）', 'alice\'s info page updated');
  await carol.app.im.client.users.updateSettings({ groupInviteConfirm: false });
});

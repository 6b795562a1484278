// Group pages, part 2: the info page for the owner and for a member (settings switches, ban-all, the
// approval mode, renaming, the user's group nickname and message settings) and announcements, each
// followed live by the other phone.
import { uidOf } from '../support/server-harness';
import { uiSession, type PageHandle, type Phone } from './support/phone';
import { eventually, flip, sendFromChat, toasts, typeArea, type PersonRow } from './support/group-pages';
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

test('info: the owner sees and changes the settings; a member does not see them and follows live', async () => {
  const [alice, bob] = [await loggedIn('alice'), await loggedIn('bob')];
  const gid = await groupOfThree(alice, 'Settings');
  const [mine, theirs] = [info(alice, gid), info(bob, gid)];
  await loaded(mine, 'alice\'s info page');
  await loaded(theirs, 'bob\'s info page');
  expect(mine.data).toMatchObject({ isOwner: true, isAdmin: true, membersTitle: '群成员（3）' });
  expect(mine.$('#manage')).toBeTruthy();
  expect(mine.$('#destroy')).toBeTruthy();
  expect(theirs.data).toMatchObject({ isOwner: false, isAdmin: false, canEdit: false, canInvite: true });
  expect(theirs.$('#manage')).toBeFalsy();
  expect(theirs.$('#leave')).toBeTruthy();
  expect((theirs.data.members as PersonRow[]).map((m) => [m.name, m.role])).toEqual([['Alice', 'owner'], ['Bob', 'member'], ['Carol', 'member']]);

  // Settings switches, the approval choice and ban-all reach the ui.server; bob's page follows.
  await flip(mine, '#s-allowMemberInvitation');
  await flip(mine, '#s-allowMemberModify');
  mine.call('onApproval', { detail: { value: 'rejectAll' } }); // t-radio taps are mut-bind, which j-component lacks
  await until(() => theirs.data.canInvite === false && theirs.data.canEdit === true, 'bob\'s page without invite, with edit');
  expect(theirs.$('#invite')).toBeFalsy();
  const settings = await alice.app.im.client.groups.settings(gid);
  expect(settings).toMatchObject({ allowMemberInvitation: false, allowMemberModify: true, applyApproval: 'rejectAll' });
  await flip(mine, '#s-banAll');
  await eventually(async () => (await bob.app.im.client.groups.settings(gid)).banAllUntil === -1, 'everyone muted');
  expect((await sendFromChat(bob, gid, 'quiet?')).status).toBe('failed');
  await flip(mine, '#s-banAll');
  await eventually(async () => (await bob.app.im.client.groups.settings(gid)).banAllUntil === 0, 'ban-all lifted');
  expect((await sendFromChat(bob, gid, 'back')).status).toBe('sent');

  // A member may edit the group now: bob renames it from the dialog; alice's page follows.
  await theirs.tap('#name');
  expect(theirs.data.edit).toMatchObject({ visible: true, field: 'name', value: 'Settings' });
  await theirs.type('#edit-input', 'Renamed');
  await theirs.tap('#edit-ok');
  await until(() => (mine.data.group as { name: string }).name === 'Renamed', 'the new name at alice');

  // Own settings: a group nickname, message mode and do-not-disturb.
  await theirs.tap('#display-name');
  await theirs.type('#edit-input', 'Bobby');
  await theirs.tap('#edit-ok');
  await until(() => theirs.data.displayName === 'Bobby', 'bob\'s group nickname');
  await until(() => (mine.data.members as PersonRow[]).some((m) => m.name === 'Bobby'), 'the nickname in alice\'s grid');
  theirs.call('onMuteMode', { detail: { value: 1 } });
  await flip(theirs, '#s-dnd');
  await eventually(async () => {
    const s = await bob.app.im.client.groups.settings(gid);
    return s.muteMode === 1 && s.doNotDisturb;
  }, 'bob\'s message settings');
  expect(toasts(bob).filter((t) => t.startsWith('操作失败'))).toEqual([]);
});

test('announcements: the owner publishes and deletes; members read them on the info page', async () => {
  const [alice, bob] = [await loggedIn('alice'), await loggedIn('bob')];
  const gid = await groupOfThree(alice, 'News');
  const theirs = info(bob, gid);
  await loaded(theirs, 'bob\'s info page');
  expect(theirs.data.announcement).toBe('');

  const list = alice.open(`/packages/groups/pages/announcements/announcements?id=${gid}`);
  await until(() => list.data.loaded && list.data.isAdmin, 'alice\'s announcements');
  await list.tap('#publish');
  expect(toasts(alice)).toContain('请填写标题和内容');
  await list.type('#title', 'Picnic');
  await typeArea(alice, list, '#content', 'Saturday at noon');
  await list.tap('#publish');
  const [item] = await until(() => (list.data.items as Array<{ id: string; title: string; meta: string }>).length === 1 && list.data.items as Array<{ id: string; title: string; meta: string }>, 'the announcement listed');
  expect(item.title).toBe('Picnic');
  expect(item.meta).toMatch(/^Alice · /);
  await until(() => theirs.data.announcement === 'Picnic: Saturday at noon', 'the announcement on bob\'s info page');

  await theirs.tap('#announcement');
  const readOnly = bob.open(bob.lastNavigation()!);
  await until(() => readOnly.data.loaded, 'bob\'s announcements');
  expect(readOnly.$('#publish')).toBeFalsy();
  expect(readOnly.$(`#delete-${item.id}`)).toBeFalsy();

  await list.tap(`#delete-${item.id}`);
  await until(() => (list.data.items as unknown[]).length === 0, 'deleted');
  await until(() => theirs.data.announcement === '' && (readOnly.data.items as unknown[]).length === 0, 'gone at bob');
});

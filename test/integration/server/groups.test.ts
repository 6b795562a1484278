/**
 * Group management over REST against a real floo-server: lifecycle and info, members and display
 * names, roles, invitations, applications, announcements, shared files, settings; the GroupNotices
 * they publish (docs/social.md, "Group") at connected and offline devices.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { contentOf, groupKit, toOf } from './groups-support';

let server: RunningServer;
let kit: ReturnType<typeof groupKit>;

beforeAll(async () => {
  server = await startTestServer();
  kit = groupKit(server);
});

afterEach(async () => {
  await kit.closeAll();
});

afterAll(async () => {
  await server.close();
});

test('create, info, batch, joined and public lists; CREATED reaches the members', async () => {
  const [owner, a, b] = [await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const dev = await kit.device(a);
  const g = await kit.ok<Record<string, unknown>>(owner, 'POST', '/group/create', {
    name: 'Team', type: 1, description: 'd', avatar: 'http://a/p.png', user_list: [a.userId, String(b.userId)],
  });
  expect(g).toMatchObject({
    name: 'Team', owner_id: owner.userId, type: 1, description: 'd', avatar: 'http://a/p.png', member_count: 3, capacity: 500, ext: '',
  });
  const gid = g.group_id as number;
  const [notice] = await kit.groupNotices(dev);
  expect(notice).toMatchObject({ type: GroupNoticeType.CREATED, gid: { uid: String(gid) } });
  expect(toOf(notice).sort()).toEqual([owner.userId, a.userId, b.userId].sort());
  expect(await kit.ok(a, 'GET', '/group/info', { group_id: gid })).toMatchObject({ group_id: gid, name: 'Team' });
  // Info needs no membership.
  const outsider = await kit.newUser();
  expect((await kit.call(outsider, 'GET', '/group/info', { group_id: gid })).code).toBe(200);
  expect(await kit.ok(a, 'POST', '/group/info/batch', { group_list: [gid, 999_999_999] })).toHaveLength(1);
  expect(await kit.ok(b, 'GET', '/group/user_joined')).toEqual([gid]);
  const pub = await kit.ok<{ group_id: number }[]>(outsider, 'GET', '/group/public_list');
  expect(pub.map((x) => x.group_id)).toContain(gid);
  const priv = await kit.createGroup(owner, []);
  expect((await kit.ok<{ group_id: number }[]>(outsider, 'GET', '/group/public_list')).map((x) => x.group_id)).not.toContain(priv);
  // Types 2 and 3 are accepted; others are not.
  expect((await kit.call(owner, 'POST', '/group/create', { name: 'x', type: 3 })).code).toBe(200);
  expect((await kit.call(owner, 'POST', '/group/create', { name: 'x', type: 4 })).code).toBe(10002);
  expect((await kit.call(owner, 'GET', '/group/info', { group_id: 424242 })).code).toBe(20001);
});

test('info updates: owner and admins, members only with allow_member_modify; INFO_UPDATED per property', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  const dev = await kit.device(m);
  await kit.groupNotices(dev);
  expect(await kit.ok(owner, 'POST', '/group/info/name', { group_id: gid, value: 'New' })).toMatchObject({ name: 'New' });
  const [n] = await kit.groupNotices(dev);
  expect(n.type).toBe(GroupNoticeType.INFO_UPDATED);
  expect(contentOf(n)).toEqual({ property: 'name', name: 'New' });
  expect((await kit.call(m, 'POST', '/group/info/description', { group_id: gid, value: 'x' })).code).toBe(20006);
  await kit.ok(owner, 'POST', '/group/settings/allow_member_modify', { group_id: gid, value: true });
  expect(await kit.ok(m, 'POST', '/group/info/description', { group_id: gid, value: 'by member' })).toMatchObject({ description: 'by member' });
  expect(await kit.ok(m, 'POST', '/group/info/ext', { group_id: gid, value: '{"k":1}' })).toMatchObject({ ext: '{"k":1}' });
  expect(await kit.ok(m, 'POST', '/group/info/avatar', { group_id: gid, value: 'http://x/y.png' })).toMatchObject({ avatar: 'http://x/y.png' });
  expect((await kit.call(m, 'POST', '/group/info/name', { group_id: gid, value: '' })).code).toBe(10002);
  expect((await kit.call(m, 'POST', '/group/info/name', { group_id: gid })).code).toBe(10002);
});

test('member list: paged in join order with roles and bans; hide_member_info; display names; admin list', async () => {
  const owner = await kit.newUser();
  const members = [await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, members);
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [members[0].userId] });
  await kit.ok(members[1], 'POST', '/group/display_name', { group_id: gid, value: 'Nick1' });
  await kit.ok(members[2], 'POST', '/group/display_name', { group_id: gid, value: 'Nick2' });
  const all = await kit.ok<{ user_id: number; role: string; display_name: string; join_time: number; ban_expire_time: number }[]>(
    members[1], 'GET', '/group/member_list', { group_id: gid });
  expect(all).toHaveLength(4);
  expect(all[0]).toMatchObject({ user_id: owner.userId, role: 'owner', ban_expire_time: 0 });
  expect(all.find((x) => x.user_id === members[0].userId)?.role).toBe('admin');
  expect(all.find((x) => x.user_id === members[2].userId)?.display_name).toBe('Nick2');
  const page1 = await kit.ok<{ user_id: number }[]>(members[1], 'GET', '/group/member_list', { group_id: gid, cursor: 0, limit: 3 });
  const page2 = await kit.ok<{ user_id: number }[]>(members[1], 'GET', '/group/member_list', { group_id: gid, cursor: 3, limit: 3 });
  expect(page1).toHaveLength(3);
  expect([...page1, ...page2].map((x) => x.user_id)).toEqual(all.map((x) => x.user_id));
  expect((await kit.call(members[1], 'GET', '/group/member_list', { group_id: gid, limit: 1001 })).code).toBe(10002);
  expect((await kit.call(members[1], 'GET', '/group/member_list', { group_id: gid, cursor: -1 })).code).toBe(10002);
  const names = await kit.ok(members[1], 'POST', '/group/members/display_name', { group_id: gid, user_list: [members[2].userId, members[1].userId] });
  expect(names).toEqual(expect.arrayContaining([{ user_id: members[2].userId, display_name: 'Nick2' }, { user_id: members[1].userId, display_name: 'Nick1' }]));
  expect(await kit.ok(members[1], 'GET', '/group/admin_list', { group_id: gid })).toEqual([expect.objectContaining({ user_id: members[0].userId, role: 'admin' })]);
  // hide_member_info: ordinary members see other members' display names blank; admins see them.
  await kit.ok(owner, 'POST', '/group/settings/hide_member_info', { group_id: gid, value: true });
  const hidden = await kit.ok<{ user_id: number; display_name: string }[]>(members[1], 'GET', '/group/member_list', { group_id: gid });
  expect(hidden.find((x) => x.user_id === members[2].userId)?.display_name).toBe('');
  expect(hidden.find((x) => x.user_id === members[1].userId)?.display_name).toBe('Nick1');
  const shown = await kit.ok<{ user_id: number; display_name: string }[]>(members[0], 'GET', '/group/member_list', { group_id: gid });
  expect(shown.find((x) => x.user_id === members[2].userId)?.display_name).toBe('Nick2');
  expect(await kit.ok(members[1], 'POST', '/group/members/display_name', { group_id: gid, user_list: [members[2].userId] }))
    .toEqual([{ user_id: members[2].userId, display_name: '' }]);
  const outsider = await kit.newUser();
  expect((await kit.call(outsider, 'GET', '/group/member_list', { group_id: gid })).code).toBe(20002);
});

test('own display name: INFO_UPDATED to every member with the member in `to`', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  const dev = await kit.device(owner);
  await kit.groupNotices(dev);
  await kit.ok(m, 'POST', '/group/display_name', { group_id: gid, value: 'Mm' });
  const [n] = await kit.groupNotices(dev);
  expect(n).toMatchObject({ type: GroupNoticeType.INFO_UPDATED, from: { uid: String(m.userId) } });
  expect(toOf(n)).toEqual([m.userId]);
  expect(contentOf(n)).toEqual({ property: 'display_name', display_name: 'Mm' });
});

test('admins and owner transfer, with their notices', async () => {
  const [owner, a, m] = [await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [a, m]);
  const dev = await kit.device(m);
  await kit.groupNotices(dev);
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [a.userId] });
  await kit.ok(owner, 'POST', '/group/admin/remove', { group_id: gid, user_list: [a.userId] });
  const outsider = await kit.newUser();
  expect((await kit.call(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [outsider.userId] })).code).toBe(20002);
  expect((await kit.call(owner, 'POST', '/group/transfer', { group_id: gid, new_owner: outsider.userId })).code).toBe(20004);
  await kit.ok(owner, 'POST', '/group/transfer', { group_id: gid, new_owner: m.userId });
  const notices = await kit.groupNotices(dev);
  expect(notices.map((n) => n.type)).toEqual([GroupNoticeType.ADMIN_GRANTED, GroupNoticeType.ADMIN_REVOKED, GroupNoticeType.OWNER_ASSIGNED]);
  expect(toOf(notices[0])).toEqual([a.userId]);
  expect(toOf(notices[2])).toEqual([m.userId]);
  expect(await kit.ok(m, 'GET', '/group/info', { group_id: gid })).toMatchObject({ owner_id: m.userId });
  const list = await kit.ok<{ user_id: number; role: string }[]>(m, 'GET', '/group/member_list', { group_id: gid });
  expect(list.find((x) => x.user_id === owner.userId)?.role).toBe('member');
  // The old owner may now leave; the new one may not.
  await kit.ok(owner, 'POST', '/group/leave', { group_id: gid });
  expect((await kit.call(m, 'POST', '/group/leave', { group_id: gid })).code).toBe(20003);
});

test('invite: joined at once, or invited when the invitee confirms (group_confirm); per-invitee results', async () => {
  const [owner, m, direct, confirming, blocked] = [await kit.newUser(), await kit.newUser(), await kit.newUser(), await kit.newUser(), await kit.newUser()];
  await kit.ok(confirming, 'POST', '/user/settings', { group_confirm: true });
  const gid = await kit.createGroup(owner, [m]);
  await kit.ok(owner, 'POST', '/group/block', { group_id: gid, user_list: [blocked.userId] });
  const mDev = await kit.device(m);
  const cDev = await kit.device(confirming);
  await kit.groupNotices(mDev);
  const res = await kit.ok(m, 'POST', '/group/invite', { group_id: gid, user_list: [direct.userId, confirming.userId, owner.userId, blocked.userId, 987_654_321] });
  expect(res).toEqual([
    { user_id: direct.userId, result: 'joined' },
    { user_id: confirming.userId, result: 'invited' },
    { user_id: owner.userId, result: 'refused', reason: 'GroupMemberExist' },
    { user_id: blocked.userId, result: 'refused', reason: 'GroupBlockListExist' },
    { user_id: 987_654_321, result: 'refused', reason: 'UserNotExist' },
  ]);
  const mNotices = await kit.groupNotices(mDev);
  // The inviter hears of the join (as a member) and of the invitation (as the inviter).
  expect(mNotices.map((n) => n.type)).toEqual([GroupNoticeType.JOINED, GroupNoticeType.INVITED]);
  expect(toOf(mNotices[0])).toEqual([direct.userId]);
  const [invited] = await kit.groupNotices(cDev);
  expect(invited).toMatchObject({ type: GroupNoticeType.INVITED, from: { uid: String(m.userId) } });
  const list = await kit.ok<Record<string, unknown>[]>(confirming, 'GET', '/group/invitation_list');
  expect(list).toEqual([expect.objectContaining({ group_id: gid, inviter_id: m.userId, invitee_id: confirming.userId, status: 0 })]);
  expect((list[0].expire_time as number) > Date.now()).toBe(true);
  // Only the invitee can handle it, once.
  expect((await kit.call(direct, 'POST', '/group/invite/handle', { group_id: gid, user_id: m.userId, approval: true })).code).toBe(20009);
  await kit.ok(confirming, 'POST', '/group/invite/handle', { group_id: gid, user_id: m.userId, approval: true });
  expect((await kit.call(confirming, 'POST', '/group/invite/handle', { group_id: gid, user_id: m.userId, approval: true })).code).toBe(20009);
  expect((await kit.groupNotices(mDev)).map((n) => n.type)).toEqual([GroupNoticeType.JOINED, GroupNoticeType.INVITE_ACCEPTED]);
  expect(await kit.ok(confirming, 'GET', '/group/user_joined')).toEqual([gid]);
  // A declined invitation.
  const other = await kit.newUser();
  await kit.ok(other, 'POST', '/user/settings', { group_confirm: true });
  await kit.ok(owner, 'POST', '/group/invite', { group_id: gid, user_list: [other.userId] });
  await kit.ok(other, 'POST', '/group/invite/handle', { group_id: gid, user_id: owner.userId, approval: false });
  expect(await kit.ok(other, 'GET', '/group/invitation_list')).toEqual([expect.objectContaining({ status: 2 })]);
  expect(await kit.ok(other, 'GET', '/group/user_joined')).toEqual([]);
  // Members may invite only with allow_member_invitation (on by default).
  await kit.ok(owner, 'POST', '/group/settings/allow_member_invitation', { group_id: gid, value: false });
  expect((await kit.call(m, 'POST', '/group/invite', { group_id: gid, user_list: [other.userId] })).code).toBe(20006);
});

test('apply: accept all joins, admin approval queues, reject all refuses; application list and handling', async () => {
  const [owner, admin, applicant, second] = [await kit.newUser(), await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [admin]);
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin.userId] });
  const adminDev = await kit.device(admin);
  const applicantDev = await kit.device(applicant);
  await kit.groupNotices(adminDev);
  // Default: an admin confirms.
  expect(await kit.ok(applicant, 'POST', '/group/apply', { group_id: gid, reason: 'let me in' })).toEqual({ result: 'pending' });
  const [applied] = await kit.groupNotices(adminDev);
  expect(applied).toMatchObject({ type: GroupNoticeType.APPLYED });
  expect(contentOf(applied)).toEqual({ reason: 'let me in' });
  expect((await kit.groupNotices(applicantDev)).map((n) => n.type)).toEqual([GroupNoticeType.APPLYED]);
  const apps = await kit.ok(admin, 'POST', '/group/application_list', { group_list: [gid] });
  expect(apps).toEqual([expect.objectContaining({ group_id: gid, applicant_id: applicant.userId, reason: 'let me in', status: 0 })]);
  expect((await kit.call(applicant, 'POST', '/group/application_list', { group_list: [gid] })).code).toBe(20002);
  await kit.ok(admin, 'POST', '/group/apply/handle', { group_id: gid, user_id: applicant.userId, approval: true });
  expect((await kit.call(admin, 'POST', '/group/apply/handle', { group_id: gid, user_id: applicant.userId, approval: true })).code).toBe(20008);
  expect((await kit.groupNotices(applicantDev)).map((n) => n.type)).toEqual([GroupNoticeType.JOINED, GroupNoticeType.APPLY_ACCEPTED]);
  expect((await kit.call(applicant, 'POST', '/group/apply', { group_id: gid })).code).toBe(20010);
  // Declined.
  await kit.ok(second, 'POST', '/group/apply', { group_id: gid });
  await kit.ok(owner, 'POST', '/group/apply/handle', { group_id: gid, user_id: second.userId, approval: false, reason: 'no' });
  expect((await kit.ok<{ applicant_id: number; status: number }[]>(owner, 'POST', '/group/application_list', { group_list: [gid] }))
    .find((x) => x.applicant_id === second.userId)?.status).toBe(2);
  // Accept all.
  await kit.ok(owner, 'POST', '/group/settings/require_admin_approval', { group_id: gid, apply_approval: 0 });
  expect(await kit.ok(second, 'POST', '/group/apply', { group_id: gid })).toEqual({ result: 'joined' });
  // Reject all: 403.
  await kit.ok(owner, 'POST', '/group/settings/require_admin_approval', { group_id: gid, apply_approval: 2 });
  const third = await kit.newUser();
  const refused = await kit.call(third, 'POST', '/group/apply', { group_id: gid });
  expect(refused.code).toBe(403);
  expect(refused.message).toMatch(/applications/);
  expect((await kit.call(owner, 'POST', '/group/settings/require_admin_approval', { group_id: gid, apply_approval: 3 })).code).toBe(10002);
});

test('"Q" routes take their parameters from the query string', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  expect((await kit.call(m, 'POST', `/group/leave?group_id=${gid}`)).code).toBe(200);
  const ann = await kit.ok<{ id: number }>(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 't', content: 'c' });
  expect((await kit.call(owner, 'POST', `/group/announcement/delete?group_id=${gid}&announcement_id=${ann.id}`)).code).toBe(200);
  expect((await kit.call(owner, 'POST', `/group/kick?group_id=${gid}&user_list=${m.userId}`)).code).toBe(20002);
  expect((await kit.call(owner, 'POST', `/group/destroy?group_id=${gid}`)).code).toBe(200);
});

test('announcements: admins edit and delete, members read; ANNOUNCEMENT_UPDATED', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  const dev = await kit.device(m);
  await kit.groupNotices(dev);
  const a = await kit.ok<{ id: number }>(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 'Hello', content: 'World' });
  expect(a).toMatchObject({ title: 'Hello', content: 'World', author: owner.userId });
  const b = await kit.ok<{ id: number }>(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 'Two', content: '2' });
  expect((await kit.ok<{ id: number }[]>(m, 'GET', '/group/announcement/list', { group_id: gid })).map((x) => x.id)).toEqual([b.id, a.id]);
  expect(await kit.ok(m, 'GET', '/group/announcement', { group_id: gid, announcement_id: a.id })).toMatchObject({ id: a.id, title: 'Hello' });
  expect((await kit.call(m, 'GET', '/group/announcement', { group_id: gid, announcement_id: 777 })).code).toBe(20020);
  expect((await kit.call(m, 'POST', '/group/announcement/edit', { group_id: gid, title: 'x', content: 'y' })).code).toBe(20006);
  await kit.ok(owner, 'POST', '/group/announcement/delete', { group_id: gid, announcement_id: a.id });
  expect((await kit.call(owner, 'POST', '/group/announcement/delete', { group_id: gid, announcement_id: a.id })).code).toBe(20020);
  const notices = await kit.groupNotices(dev);
  expect(notices.map((n) => n.type)).toEqual([GroupNoticeType.ANNOUNCEMENT_UPDATED, GroupNoticeType.ANNOUNCEMENT_UPDATED, GroupNoticeType.ANNOUNCEMENT_UPDATED]);
  expect(contentOf(notices[0])).toEqual({ announcement_id: a.id, title: 'Hello' });
  expect(contentOf(notices[2])).toEqual({ announcement_id: a.id, deleted: true });
  expect((await kit.call(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 'x' })).code).toBe(10002);
});

test('shared files: members upload, the uploader or admins delete (20023 else, 20022 unknown)', async () => {
  const [owner, m, n] = [await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m, n]);
  const dev = await kit.device(n);
  await kit.groupNotices(dev);
  const f = await kit.ok<{ file_id: number }>(m, 'POST', '/group/file/upload', { group_id: gid, name: 'a.txt', size: 12, url: 'http://f/a.txt', type: 'text/plain' });
  expect(f).toMatchObject({ name: 'a.txt', size: 12, url: 'http://f/a.txt', type: 'text/plain', uploader: m.userId });
  const g = await kit.ok<{ file_id: number }>(n, 'POST', '/group/file/upload', { group_id: gid, name: 'b', size: 1, url: 'http://f/b' });
  expect((await kit.ok<{ file_id: number }[]>(owner, 'GET', '/group/file/list', { group_id: gid })).map((x) => x.file_id)).toEqual([g.file_id, f.file_id]);
  expect((await kit.call(n, 'POST', '/group/file/delete', { group_id: gid, file_list: [f.file_id] })).code).toBe(20023);
  expect((await kit.call(n, 'POST', '/group/file/delete', { group_id: gid, file_list: [424242] })).code).toBe(20022);
  await kit.ok(m, 'POST', '/group/file/delete', { group_id: gid, file_list: [f.file_id] });
  await kit.ok(owner, 'POST', '/group/file/delete', { group_id: gid, file_list: [g.file_id] });
  expect(await kit.ok(owner, 'GET', '/group/file/list', { group_id: gid })).toEqual([]);
  const notices = await kit.groupNotices(dev);
  expect(notices.map((x) => x.type)).toEqual([GroupNoticeType.FILE_UPLOADED, GroupNoticeType.FILE_UPLOADED, GroupNoticeType.FILE_DELETED, GroupNoticeType.FILE_DELETED]);
  expect(contentOf(notices[0])).toEqual({ file_id: f.file_id, name: 'a.txt' });
  expect(contentOf(notices[2])).toEqual({ file_list: [f.file_id] });
  expect((await kit.call(m, 'POST', '/group/file/upload', { group_id: gid, name: 'x', url: 'u' })).code).toBe(10002);
});

test('settings: read, change (INFO_UPDATED), own mute mode and do-not-disturb (MESSAGE_SETTING to own devices only)', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  expect(await kit.ok(m, 'GET', '/group/settings', { group_id: gid })).toEqual({
    group_id: gid, allow_member_invitation: true, allow_member_modify: false, enable_read_ack: false, history_visible: false,
    hide_member_info: false, apply_approval: 1, ban_expire_time: 0, msg_mute_mode: 0, not_disturb: false,
  });
  const ownerDev = await kit.device(owner);
  const mDev = await kit.device(m);
  await kit.groupNotices(ownerDev);
  await kit.groupNotices(mDev);
  for (const s of ['allow_member_invitation', 'allow_member_modify', 'enable_read_ack', 'history_visible', 'hide_member_info']) {
    const v = s !== 'allow_member_invitation';
    expect(await kit.ok(owner, 'POST', `/group/settings/${s}`, { group_id: gid, value: v })).toMatchObject({ [s]: v });
  }
  const infos = await kit.groupNotices(mDev);
  expect(infos.map((n) => contentOf(n))).toEqual([
    { property: 'allow_member_invitation', allow_member_invitation: false }, { property: 'allow_member_modify', allow_member_modify: true },
    { property: 'enable_read_ack', enable_read_ack: true }, { property: 'history_visible', history_visible: true },
    { property: 'hide_member_info', hide_member_info: true },
  ]);
  expect(await kit.ok(owner, 'GET', '/group/info', { group_id: gid })).toMatchObject({ read_ack: true });
  expect(await kit.ok(m, 'POST', '/group/msg/mute_mode', { group_id: gid, msg_mute_mode: 1 })).toMatchObject({ msg_mute_mode: 1 });
  expect(await kit.ok(m, 'POST', '/group/msg/not_disturb', { group_id: gid, value: true })).toMatchObject({ not_disturb: true });
  expect((await kit.call(m, 'POST', '/group/msg/mute_mode', { group_id: gid, msg_mute_mode: 3 })).code).toBe(20018);
  expect((await kit.call(m, 'POST', '/group/msg/mute_mode', { group_id: gid, msg_mute_mode: 'loud' })).code).toBe(10002);
  const own = await kit.groupNotices(mDev);
  expect(own.map((n) => [n.type, contentOf(n)])).toEqual([
    [GroupNoticeType.MESSAGE_SETTING, { msg_mute_mode: 1 }], [GroupNoticeType.MESSAGE_SETTING, { not_disturb: true }],
  ]);
  expect((await kit.groupNotices(ownerDev)).filter((n) => n.type === GroupNoticeType.MESSAGE_SETTING)).toEqual([]);
  // Per member: the owner's own settings are untouched.
  expect(await kit.ok(owner, 'GET', '/group/settings', { group_id: gid })).toMatchObject({ msg_mute_mode: 0, not_disturb: false, history_visible: true });
  expect((await kit.call(owner, 'POST', '/group/settings/history_visible', { group_id: gid, value: 'maybe' })).code).toBe(10002);
});

test('destroy: DESTROYED reaches every member, then every route answers 20001', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  const dev = await kit.device(m);
  await kit.groupNotices(dev);
  expect((await kit.call(m, 'POST', '/group/destroy', { group_id: gid })).code).toBe(20007);
  await kit.ok(owner, 'POST', '/group/destroy', { group_id: gid });
  expect((await kit.groupNotices(dev)).map((n) => n.type)).toEqual([GroupNoticeType.DESTROYED]);
  expect(await kit.ok(m, 'GET', '/group/user_joined')).toEqual([]);
  expect(await kit.ok(m, 'POST', '/group/info/batch', { group_list: [gid] })).toEqual([]);
  for (const [method, path] of [['GET', '/group/info'], ['GET', '/group/member_list'], ['GET', '/group/settings'], ['POST', '/group/apply'],
    ['POST', '/group/destroy'], ['POST', '/group/leave'], ['GET', '/group/announcement/list'], ['POST', '/group/info/name']] as const) {
    expect([path, (await kit.call(owner, method, path, { group_id: gid, value: 'x' })).code]).toEqual([path, 20001]);
  }
});

test('an offline member receives the notices on the next login', async () => {
  const [owner, m] = [await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [m]);
  await kit.ok(owner, 'POST', '/group/info/name', { group_id: gid, value: 'Later' });
  await kit.ok(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 'T', content: 'C' });
  const dev = await kit.device(m);
  const notices = await kit.groupNotices(dev);
  expect(notices.map((n) => n.type)).toEqual([GroupNoticeType.CREATED, GroupNoticeType.INFO_UPDATED, GroupNoticeType.ANNOUNCEMENT_UPDATED]);
  expect(notices.every((n) => n.gid?.uid === String(gid))).toBe(true);
});

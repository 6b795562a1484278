/**
 * Group moderation and its effects on messaging, against a real floo-server: kick (and the kick
 * limit), leave, the group blocklist, bans and ban-all refusing sends (docs/social.md, "XSYNC
 * refusals"), mute mode 2, history_visible, capacity and ownership limits, bad input.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { textOf } from '../../support/server-client';
import { startTestServer } from '../../support/server-harness';
import { contentOf, groupKit, toOf, type User } from './groups-support';

let server: RunningServer;
let kit: ReturnType<typeof groupKit>;
/** The server's clock (ms): tests move it to let bans run out. */
let now = Date.now();

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  kit = groupKit(server);
});

afterEach(async () => {
  await kit.closeAll();
});

afterAll(async () => {
  await server.close();
});

/** Owner, admin and two members of a fresh group. */
async function team(): Promise<{ gid: number; owner: User; admin: User; m1: User; m2: User }> {
  const [owner, admin, m1, m2] = [await kit.newUser(), await kit.newUser(), await kit.newUser(), await kit.newUser()];
  const gid = await kit.createGroup(owner, [admin, m1, m2]);
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin.userId] });
  return { gid, owner, admin, m1, m2 };
}

test('kick: admins kick members, only the owner kicks admins, nobody kicks the owner; KICKED reaches the kicked', async () => {
  const { gid, owner, admin, m1, m2 } = await team();
  const kickedDev = await kit.device(m1);
  const otherDev = await kit.device(m2);
  await kit.groupNotices(kickedDev);
  await kit.groupNotices(otherDev);
  expect((await kit.call(m2, 'POST', '/group/kick', { group_id: gid, user_list: [m1.userId] })).code).toBe(20006);
  expect((await kit.call(admin, 'POST', '/group/kick', { group_id: gid, user_list: [owner.userId] })).code).toBe(20007);
  expect((await kit.call(owner, 'POST', '/group/kick', { group_id: gid, user_list: [owner.userId] })).code).toBe(10002);
  const admin2 = await kit.newUser();
  await kit.ok(owner, 'POST', '/group/invite', { group_id: gid, user_list: [admin2.userId] });
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin2.userId] });
  expect((await kit.call(admin, 'POST', '/group/kick', { group_id: gid, user_list: [admin2.userId] })).code).toBe(20007);
  await kit.ok(admin, 'POST', '/group/kick', { group_id: gid, user_list: [m1.userId] });
  expect((await kit.call(admin, 'POST', '/group/kick', { group_id: gid, user_list: [m1.userId] })).code).toBe(20002);
  const kicked = (await kit.groupNotices(kickedDev)).find((n) => n.type === GroupNoticeType.KICKED);
  expect(kicked && toOf(kicked)).toEqual([m1.userId]);
  expect((await kit.groupNotices(otherDev)).map((n) => n.type)).toContain(GroupNoticeType.KICKED);
  await kit.ok(owner, 'POST', '/group/kick', { group_id: gid, user_list: [admin2.userId] });
  expect(await kit.ok(m1, 'GET', '/group/user_joined')).toEqual([]);
});

test('a user kicked more than 3 times cannot come back (20016 on apply, GroupKickTooManyTimes on invite)', async () => {
  const { gid, owner, m1 } = await team();
  await kit.ok(owner, 'POST', '/group/settings/require_admin_approval', { group_id: gid, apply_approval: 0 });
  for (let i = 0; i < 4; i++) {
    if (i > 0) expect(await kit.ok(m1, 'POST', '/group/apply', { group_id: gid })).toEqual({ result: 'joined' });
    await kit.ok(owner, 'POST', '/group/kick', { group_id: gid, user_list: [m1.userId] });
  }
  expect((await kit.call(m1, 'POST', '/group/apply', { group_id: gid })).code).toBe(20016);
  expect(await kit.ok(owner, 'POST', '/group/invite', { group_id: gid, user_list: [m1.userId] }))
    .toEqual([{ user_id: m1.userId, result: 'refused', reason: 'GroupKickTooManyTimes' }]);
});

test('leave: LEAVED to the members and the leaver; the owner cannot leave (20003)', async () => {
  const { gid, owner, m1, m2 } = await team();
  const leaverDev = await kit.device(m1);
  const otherDev = await kit.device(m2);
  await kit.groupNotices(leaverDev);
  await kit.groupNotices(otherDev);
  await kit.ok(m1, 'POST', '/group/leave', { group_id: gid });
  for (const dev of [leaverDev, otherDev]) {
    const [n] = await kit.groupNotices(dev);
    expect(n.type).toBe(GroupNoticeType.LEAVED);
    expect(toOf(n)).toEqual([m1.userId]);
  }
  expect((await kit.call(m1, 'POST', '/group/leave', { group_id: gid })).code).toBe(20002);
  expect((await kit.call(owner, 'POST', '/group/leave', { group_id: gid })).code).toBe(20003);
});

test('group blocklist: block removes the member and keeps them out; unblock lets them apply again', async () => {
  const { gid, owner, admin, m1, m2 } = await team();
  const blockedDev = await kit.device(m1);
  await kit.groupNotices(blockedDev);
  const stranger = await kit.newUser();
  await kit.ok(admin, 'POST', '/group/block', { group_id: gid, user_list: [m1.userId, stranger.userId] });
  const [n] = await kit.groupNotices(blockedDev);
  expect(n.type).toBe(GroupNoticeType.BLOCKED);
  expect(toOf(n).sort()).toEqual([m1.userId, stranger.userId].sort());
  expect((await kit.ok<number[]>(owner, 'GET', '/group/blocked_list', { group_id: gid })).sort()).toEqual([m1.userId, stranger.userId].sort());
  expect((await kit.call(m2, 'GET', '/group/blocked_list', { group_id: gid })).code).toBe(20006);
  expect((await kit.call(m1, 'POST', '/group/apply', { group_id: gid })).code).toBe(20011);
  expect((await kit.call(stranger, 'POST', '/group/apply', { group_id: gid })).code).toBe(20011);
  expect((await kit.call(admin, 'POST', '/group/block', { group_id: gid, user_list: [owner.userId] })).code).toBe(20007);
  expect((await kit.call(admin, 'POST', '/group/block', { group_id: gid, user_list: [987_654_321] })).code).toBe(10005);
  await kit.ok(admin, 'POST', '/group/unblock', { group_id: gid, user_list: [m1.userId] });
  expect((await kit.groupNotices(blockedDev)).map((x) => x.type)).toEqual([]);
  expect(await kit.ok(m1, 'POST', '/group/apply', { group_id: gid })).toEqual({ result: 'pending' });
});

test('ban: banned members cannot send (USER_BANNED, GroupMemberBanned) until unbanned or the ban runs out', async () => {
  const { gid, owner, admin, m1, m2 } = await team();
  const m1Dev = await kit.device(m1);
  const m2Dev = await kit.device(m2);
  await kit.groupNotices(m2Dev);
  await kit.ok(admin, 'POST', '/group/ban', { group_id: gid, user_list: [m1.userId], duration: 10 });
  const [banned] = await kit.groupNotices(m2Dev);
  expect(banned.type).toBe(GroupNoticeType.BANNED);
  expect(contentOf(banned)).toEqual({ duration: 10 });
  const list = await kit.ok<{ user_id: number; expired_time: number }[]>(m2, 'GET', '/group/banned_list', { group_id: gid });
  expect(list).toEqual([{ user_id: m1.userId, expired_time: now + 10 * 60_000 }]);
  const refused = await m1Dev.sendText(gid, 'hello?', { group: true });
  expect(refused.status?.code).toBe(11);
  expect(refused.status?.reason).toMatch(/^GroupMemberBanned: /);
  expect((await m2Dev.sendText(gid, 'I may', { group: true })).status).toEqual({ code: 1 });
  // Time passes: a ban for a duration ends by itself.
  now += 11 * 60_000;
  expect((await m1Dev.sendText(gid, 'back', { group: true })).status).toEqual({ code: 1 });
  expect(await kit.ok(m2, 'GET', '/group/banned_list', { group_id: gid })).toEqual([]);
  // Permanent until lifted.
  await kit.ok(owner, 'POST', '/group/ban', { group_id: gid, user_list: [m1.userId, admin.userId], duration: -1 });
  expect((await m1Dev.sendText(gid, 'no', { group: true })).status?.code).toBe(11);
  expect((await kit.call(admin, 'POST', '/group/unban', { group_id: gid, user_list: [admin.userId] })).code).toBe(10002);
  await kit.ok(admin, 'POST', '/group/unban', { group_id: gid, user_list: [m1.userId] });
  await kit.ok(owner, 'POST', '/group/unban', { group_id: gid, user_list: [admin.userId] });
  expect((await m1Dev.sendText(gid, 'yes', { group: true })).status).toEqual({ code: 1 });
  // Admins ban members only; nobody bans the owner.
  expect((await kit.call(m2, 'POST', '/group/ban', { group_id: gid, user_list: [m1.userId], duration: 5 })).code).toBe(20006);
  expect((await kit.call(admin, 'POST', '/group/ban', { group_id: gid, user_list: [owner.userId], duration: 5 })).code).toBe(20007);
  expect((await kit.call(admin, 'POST', '/group/ban', { group_id: gid, user_list: [m1.userId], duration: 0 })).code).toBe(10002);
});

test('ban all: only the owner and admins may speak until it is lifted', async () => {
  const { gid, owner, admin, m1 } = await team();
  const m1Dev = await kit.device(m1);
  const adminDev = await kit.device(admin);
  await kit.groupNotices(m1Dev);
  expect(await kit.ok(owner, 'POST', '/group/settings/ban_all', { group_id: gid, duration: -1 })).toEqual({ ban_expire_time: -1 });
  expect(contentOf((await kit.groupNotices(m1Dev))[0])).toEqual({ property: 'ban_expire_time', ban_expire_time: -1 });
  const refused = await m1Dev.sendText(gid, 'hm', { group: true });
  expect(refused.status?.code).toBe(11);
  expect(refused.status?.reason).toMatch(/^GroupMemberBanned: /);
  expect((await adminDev.sendText(gid, 'admins speak', { group: true })).status).toEqual({ code: 1 });
  expect(await kit.ok(m1, 'GET', '/group/settings', { group_id: gid })).toMatchObject({ ban_expire_time: -1 });
  await kit.ok(admin, 'POST', '/group/settings/unban_all', { group_id: gid });
  expect((await m1Dev.sendText(gid, 'free', { group: true })).status).toEqual({ code: 1 });
  const timed = await kit.ok<{ ban_expire_time: number }>(owner, 'POST', '/group/settings/ban_all', { group_id: gid, duration: 1 });
  expect(timed.ban_expire_time).toBe(now + 60_000);
  now += 2 * 60_000;
  expect((await m1Dev.sendText(gid, 'over', { group: true })).status).toEqual({ code: 1 });
});

test('sending: non-members get GroupNotMemberFound, unknown and destroyed groups GroupNotExist', async () => {
  const { gid, owner } = await team();
  const stranger = await kit.newUser();
  const dev = await kit.device(stranger);
  const notMember = await dev.sendText(gid, 'hi', { group: true });
  expect(notMember.status?.code).toBe(9);
  expect(notMember.status?.reason).toMatch(/^GroupNotMemberFound: /);
  const unknown = await dev.sendText(999_999_999, 'hi', { group: true });
  expect(unknown.status?.code).toBe(8);
  expect(unknown.status?.reason).toMatch(/^GroupNotExist: /);
  const ownerDev = await kit.device(owner);
  await kit.ok(owner, 'POST', '/group/destroy', { group_id: gid });
  const destroyed = await ownerDev.sendText(gid, 'anyone?', { group: true });
  expect(destroyed.status?.code).toBe(8);
  expect(destroyed.status?.reason).toMatch(/^GroupNotExist: /);
});

test('mute mode 2: the member gets no group messages, but still the notices', async () => {
  const { gid, owner, m1, m2 } = await team();
  await kit.ok(m1, 'POST', '/group/msg/mute_mode', { group_id: gid, msg_mute_mode: 2 });
  const m1Dev = await kit.device(m1);
  const m2Dev = await kit.device(m2);
  const ownerDev = await kit.device(owner);
  expect((await ownerDev.sendText(gid, 'quiet please', { group: true })).status).toEqual({ code: 1 });
  await kit.ok(owner, 'POST', '/group/info/name', { group_id: gid, value: 'Renamed' });
  expect((await m2Dev.pullAll(gid)).metas.map(textOf)).toEqual(['quiet please']);
  expect((await m1Dev.pullAll(gid)).metas).toEqual([]);
  expect((await kit.groupNotices(m1Dev)).map((n) => n.type)).toContain(GroupNoticeType.INFO_UPDATED);
  // The muted member may still send, and gets their own copy on other devices.
  expect((await m1Dev.sendText(gid, 'but I talk', { group: true })).status).toEqual({ code: 1 });
  expect((await m2Dev.pullAll(gid)).metas.map(textOf)).toEqual(['but I talk']);
  await kit.ok(m1, 'POST', '/group/msg/mute_mode', { group_id: gid, msg_mute_mode: 0 });
  await ownerDev.sendText(gid, 'welcome back', { group: true });
  expect((await m1Dev.pullAll(gid)).metas.map(textOf)).toEqual(['welcome back']);
});

test('history_visible: a new member sees the earlier group messages only when it is on', async () => {
  const { gid, owner } = await team();
  const ownerDev = await kit.device(owner);
  await ownerDev.sendText(gid, 'early 1', { group: true });
  await ownerDev.sendText(gid, 'early 2', { group: true });
  const late = await kit.newUser();
  await kit.ok(owner, 'POST', '/group/invite', { group_id: gid, user_list: [late.userId] });
  await ownerDev.sendText(gid, 'after join', { group: true });
  const lateDev = await kit.device(late);
  expect((await lateDev.history(gid)).metas?.map(textOf)).toEqual(['after join']);
  await kit.ok(owner, 'POST', '/group/settings/history_visible', { group_id: gid, value: true });
  const all = await lateDev.history(gid);
  expect(all.metas?.map(textOf)).toEqual(['after join', 'early 2', 'early 1']);
  // Paged: ids below the key.
  const older = await lateDev.history(gid, all.metas?.[0]?.id ?? '0', 1);
  expect(older.metas?.map(textOf)).toEqual(['early 2']);
  // A non-member still sees nothing of the group.
  const stranger = await kit.newUser();
  const strangerDev = await kit.device(stranger);
  expect((await strangerDev.history(gid)).metas ?? []).toEqual([]);
});

test('bad input is refused with 10002 naming the field, and the server keeps serving', async () => {
  const { gid, owner } = await team();
  const cases: [string, Record<string, unknown>][] = [
    ['/group/kick', { group_id: 'abc', user_list: [1] }],
    ['/group/kick', { group_id: gid, user_list: 'x' }],
    ['/group/kick', { group_id: gid, user_list: [] }],
    ['/group/ban', { group_id: gid, user_list: [owner.userId] }],
    ['/group/transfer', { group_id: gid, new_owner: -3 }],
    ['/group/settings/allow_member_modify', { group_id: gid, value: 'yes' }],
    ['/group/file/upload', { group_id: gid, name: 5, size: 1, url: 'u' }],
    ['/group/display_name', { group_id: gid, value: 12 }],
    ['/group/create', { name: 'x', capacity: 'lots' }],
    ['/group/application_list', { group_list: 'nope' }],
  ];
  for (const [path, body] of cases) {
    const r = await kit.call(owner, 'POST', path, body);
    expect([path, r.code]).toEqual([path, 10002]);
    expect(r.message.length).toBeGreaterThan(0);
  }
  expect((await kit.call(owner, 'POST', '/group/kick', '{not json' as unknown as Record<string, unknown>)).code).toBe(10002);
  expect((await kit.call(owner, 'GET', '/group/member_list', { group_id: 'x' })).message).toMatch(/group_id/);
  expect((await kit.call(owner, 'GET', '/group/info', { group_id: gid })).code).toBe(200);
});

describe('limits', () => {
  let small: RunningServer;
  let sk: ReturnType<typeof groupKit>;

  beforeAll(async () => {
    small = await startTestServer({ groupCapacity: 3, maxOwnedGroups: 2 });
    sk = groupKit(small);
  });

  afterAll(async () => {
    await small.close();
  });

  test('capacity at creation (20014, 20013), when joining (20015, refused invitees) and groups owned (20017)', async () => {
    const [owner, a, b, c] = [await sk.newUser(), await sk.newUser(), await sk.newUser(), await sk.newUser()];
    expect((await sk.call(owner, 'POST', '/group/create', { name: 'big', user_list: [a.userId, b.userId, c.userId] })).code).toBe(20014);
    expect((await sk.call(owner, 'POST', '/group/create', { name: 'big', capacity: 5 })).code).toBe(20013);
    const g = await sk.ok<{ group_id: number; capacity: number }>(owner, 'POST', '/group/create', { name: 'full', user_list: [a.userId, b.userId] });
    expect(g.capacity).toBe(3);
    expect(await sk.ok(owner, 'POST', '/group/invite', { group_id: g.group_id, user_list: [c.userId] }))
      .toEqual([{ user_id: c.userId, result: 'refused', reason: 'GroupExceedLimitUserJoin' }]);
    await sk.ok(owner, 'POST', '/group/settings/require_admin_approval', { group_id: g.group_id, apply_approval: 0 });
    expect((await sk.call(c, 'POST', '/group/apply', { group_id: g.group_id })).code).toBe(20015);
    // A group's own, lower capacity.
    const two = await sk.ok<{ group_id: number; capacity: number }>(owner, 'POST', '/group/create', { name: 'two', capacity: 2, user_list: [a.userId] });
    expect(two.capacity).toBe(2);
    expect((await sk.call(owner, 'POST', '/group/create', { name: 'third' })).code).toBe(20017);
    // Destroying one frees a slot.
    await sk.ok(owner, 'POST', '/group/destroy', { group_id: two.group_id });
    expect((await sk.call(owner, 'POST', '/group/create', { name: 'third' })).code).toBe(200);
  });
});

/**
 * Users over REST against a real floo-server: profile, avatar, nickname, settings, auth mode, devices,
 * kick, password change; the notices they publish (docs/social.md) and bad input.
 */
import { NameSpace, RosterNoticeType, UserNoticeType, type Meta } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient } from '../../support/server-client';
import { login, rest, startTestServer } from '../../support/server-harness';

let server: RunningServer;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const open: RawClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

interface User { name: string; userId: number; token: string }

/** A fresh user (password floo-demo), logged in. */
async function newUser(prefix = 'u'): Promise<User> {
  const name = `${prefix}_${++seq}_${Math.floor(Math.random() * 1e6)}`;
  const r = await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: name, password: 'floo-demo' } });
  if (r.code !== 200) throw new Error(`register ${name}: ${r.code} ${r.message}`);
  return { name, ...(await login(server, name)) };
}

/** A device of `u` connected with `token` (a new login unless given) and device guid `guid`. */
async function device(u: User, guid: string, token?: string): Promise<RawClient & { token: string }> {
  const t = token ?? (await login(server, u.name)).token;
  const c = await RawClient.connect(server.url);
  open.push(c);
  const reply = await c.provision({ uid: u.userId, token: t, guid });
  if (reply.status?.code !== 1) throw new Error(`provision failed: ${JSON.stringify(reply.status)}`);
  return Object.assign(c, { token: t });
}

type NoticePayload = { type?: number; content?: string; to?: { uid?: string }[] };

/** Pulls the own-device queue until a notice of namespace `ns` and `type` arrives; answers its payload. */
async function expectNotice(c: RawClient, ns: number, type: number): Promise<NoticePayload> {
  for (;;) {
    const { metas } = await c.pullAll(c.uid);
    const hit = metas.find((m) => m.ns === ns && (m as Meta & { payload?: NoticePayload }).payload?.type === type);
    if (hit) return (hit as Meta & { payload: NoticePayload }).payload;
    await c.notice(c.uid);
  }
}

/** Notices of namespace `ns` waiting in the own-device queue now. */
async function pendingNotices(c: RawClient, ns: number): Promise<NoticePayload[]> {
  const { metas } = await c.pullAll(c.uid);
  return metas.filter((m) => m.ns === ns).map((m) => (m as Meta & { payload: NoticePayload }).payload);
}

function call<T = unknown>(u: User | string | undefined, method: 'GET' | 'POST', path: string, body?: unknown) {
  const token = typeof u === 'string' ? u : u?.token;
  return rest<T>(server, method, path, { token, appId: 'demo', body });
}

test('every route needs a token (402)', async () => {
  const routes: ['GET' | 'POST', string][] = [
    ['GET', '/user/profile'], ['POST', '/user/profile'], ['POST', '/user/avatar'], ['POST', '/user/nickname'],
    ['GET', '/user/settings'], ['POST', '/user/settings'], ['POST', '/user/authmode'], ['GET', '/user/device/list'],
    ['POST', '/user/kick'], ['POST', '/user/change_password'],
  ];
  for (const [method, path] of routes) {
    expect([path, (await call(undefined, method, path, method === 'POST' ? {} : undefined)).code]).toEqual([path, 402]);
    expect([path, (await call('bogus', method, path, method === 'POST' ? {} : undefined)).code]).toEqual([path, 402]);
  }
});

test('profile: update all fields, avatar (body), nickname (query string); auth_mode reflects the settings', async () => {
  const u = await newUser();
  const p = await call<Record<string, unknown>>(u, 'GET', '/user/profile');
  expect(p.data).toMatchObject({ user_id: u.userId, username: u.name, nick_name: u.name, auth_mode: 1 });
  const upd = await call<Record<string, unknown>>(u, 'POST', '/user/profile', {
    nick_name: 'Neo', description: 'desc', ext: '{"k":1}', public_info: 'pub', private_info: 'priv', email: 'n@e.o',
    user_id: u.userId, username: 'ignored',
  });
  expect(upd.code).toBe(200);
  expect(upd.data).toMatchObject({ nick_name: 'Neo', description: 'desc', ext: '{"k":1}', public_info: 'pub', private_info: 'priv', email: 'n@e.o', username: u.name });
  const av = await call<Record<string, unknown>>(u, 'POST', '/user/avatar', { avatar: 'https://x/a.png' });
  expect(av.data).toMatchObject({ avatar: 'https://x/a.png', nick_name: 'Neo' });
  const nick = await call<Record<string, unknown>>(u, 'POST', '/user/nickname?nick_name=%E5%B0%8F%E6%98%8E');
  expect(nick.data).toMatchObject({ nick_name: '小明' });
  await call(u, 'POST', '/user/authmode?value=0');
  expect((await call<Record<string, unknown>>(u, 'GET', '/user/profile')).data).toMatchObject({ nick_name: '小明', avatar: 'https://x/a.png', auth_mode: 0 });
});

test('profile: bad input is 10002 and changes nothing', async () => {
  const u = await newUser();
  const bad: [string, unknown][] = [
    ['/user/profile', { nick_name: 5 }],
    ['/user/profile', {}],
    ['/user/profile', { nick_name: 'x'.repeat(101) }],
    ['/user/profile', { description: 'x'.repeat(5000) }],
    ['/user/profile', { nick_name: 'ok', colour: 'red' }],
    ['/user/profile', { ext: { not: 'text' } }],
    ['/user/avatar', {}],
    ['/user/avatar', { avatar: ['x'] }],
    ['/user/nickname', {}],
    ['/user/nickname', { nick_name: '' }],
    ['/user/nickname', { nick_name: 'a', extra: 1 }],
  ];
  for (const [path, body] of bad) {
    const r = await call(u, 'POST', path, body);
    expect([path, body, r.code]).toEqual([path, body, 10002]);
    expect(r.message.length).toBeGreaterThan(0);
  }
  expect((await call<Record<string, unknown>>(u, 'GET', '/user/profile')).data).toMatchObject({ nick_name: u.name, description: '' });
});

test('profile change: friends get RosterNotice INFO_UPDATED (public fields), own other devices UserNotice INFO_UPDATED', async () => {
  const u = await newUser('prof');
  const friend = await newUser('pal');
  const stranger = await newUser('str');
  await server.store.addFriends(u.userId, friend.userId, Date.now());
  const caller = await device(u, 'caller', u.token);
  const other = await device(u, 'other');
  const palDevice = await device(friend, 'pal');
  const strangerDevice = await device(stranger, 'str');

  await call(u, 'POST', '/user/profile', { nick_name: 'Renamed', private_info: 'secret' });
  const seen = await expectNotice(palDevice, NameSpace.ROSTER_NOTICE, RosterNoticeType.INFO_UPDATED);
  expect(JSON.parse(seen.content ?? '')).toEqual({ user_id: u.userId, nick_name: 'Renamed' });
  expect(seen.to?.map((x) => x.uid)).toEqual([String(u.userId)]);
  const own = await expectNotice(other, NameSpace.USER_NOTICE, UserNoticeType.INFO_UPDATED);
  expect(JSON.parse(own.content ?? '')).toEqual({ property: 'profile', nick_name: 'Renamed', private_info: 'secret' });
  // The device that made the change (it logged in with the calling token) is not told; strangers are not told.
  expect(await pendingNotices(caller, NameSpace.USER_NOTICE)).toEqual([]);
  expect(await pendingNotices(strangerDevice, NameSpace.ROSTER_NOTICE)).toEqual([]);

  // A private-only change reaches the own devices only; an unchanged value publishes nothing.
  await call(u, 'POST', '/user/profile', { email: 'a@b.c' });
  expect(JSON.parse((await expectNotice(other, NameSpace.USER_NOTICE, UserNoticeType.INFO_UPDATED)).content ?? '')).toEqual({ property: 'profile', email: 'a@b.c' });
  expect(await pendingNotices(palDevice, NameSpace.ROSTER_NOTICE)).toEqual([]);
  await call(u, 'POST', '/user/avatar', { avatar: 'https://img/1.png' });
  expect(JSON.parse((await expectNotice(palDevice, NameSpace.ROSTER_NOTICE, RosterNoticeType.INFO_UPDATED)).content ?? '')).toEqual({ user_id: u.userId, avatar: 'https://img/1.png' });
});

test('an offline friend device gets the profile notice on its next login', async () => {
  const u = await newUser('prof');
  const friend = await newUser('pal');
  await server.store.addFriends(u.userId, friend.userId, Date.now());
  const first = await device(friend, 'phone');
  await first.pullAll(first.uid);
  await first.close();
  await call(u, 'POST', '/user/nickname', { nick_name: 'While you were away' });
  const again = await device(friend, 'phone');
  const got = await expectNotice(again, NameSpace.ROSTER_NOTICE, RosterNoticeType.INFO_UPDATED);
  expect(JSON.parse(got.content ?? '')).toMatchObject({ nick_name: 'While you were away' });
});

test('settings: defaults, partial updates, write-only answer, auth mode by query string', async () => {
  const u = await newUser();
  const initial = await call<Record<string, unknown>>(u, 'GET', '/user/settings');
  expect(initial.data).toEqual({
    user_id: u.userId, auth_mode: 1, auth_question: '', group_confirm: false, no_push: false, no_push_start_hour: 0, no_push_end_hour: 0,
  });
  const upd = await call<Record<string, unknown>>(u, 'POST', '/user/settings', {
    user_id: u.userId, auth_mode: 2, auth_question: 'Pet?', auth_answer: 'Cat', group_confirm: true, no_push: true,
    no_push_start_hour: 22, no_push_end_hour: 7, no_sounds: true,
  });
  expect(upd.code).toBe(200);
  expect(upd.data).toEqual({
    user_id: u.userId, auth_mode: 2, auth_question: 'Pet?', group_confirm: true, no_push: true, no_push_start_hour: 22, no_push_end_hour: 7,
  });
  // Partial: the rest stays; the answer never shows.
  const part = await call<Record<string, unknown>>(u, 'POST', '/user/settings', { no_push: false });
  expect(part.data).toMatchObject({ auth_mode: 2, auth_question: 'Pet?', no_push: false, group_confirm: true });
  expect(part.data).not.toHaveProperty('auth_answer');
  const mode = await call<Record<string, unknown>>(u, 'POST', '/user/authmode?value=3');
  expect(mode.data).toMatchObject({ auth_mode: 3 });
  expect((await call<Record<string, unknown>>(u, 'POST', '/user/authmode', { value: '0' })).data).toMatchObject({ auth_mode: 0 });
  expect((await call<Record<string, unknown>>(u, 'GET', '/user/settings')).data).toMatchObject({ auth_mode: 0, no_push_start_hour: 22 });
});

test('settings: bad input and another user id are 10002', async () => {
  const u = await newUser();
  const other = await newUser();
  const bad: [string, unknown][] = [
    ['/user/settings', {}],
    ['/user/settings', { user_id: other.userId, no_push: true }],
    ['/user/settings', { auth_mode: 4 }],
    ['/user/settings', { auth_mode: 1.5 }],
    ['/user/settings', { auth_mode: '1' + '0'.repeat(30) }],
    ['/user/settings', { group_confirm: 'yes' }],
    ['/user/settings', { no_push_start_hour: 24 }],
    ['/user/settings', { auth_question: 'q'.repeat(201) }],
    ['/user/settings', { favourite_colour: 'red' }],
    ['/user/authmode', {}],
    ['/user/authmode', { value: -1 }],
    ['/user/authmode', { value: 'abc' }],
  ];
  for (const [path, body] of bad) expect([path, body, (await call(u, 'POST', path, body)).code]).toEqual([path, body, 10002]);
  expect((await call<Record<string, unknown>>(u, 'GET', '/user/settings')).data).toMatchObject({ auth_mode: 1, no_push: false });
});

test('settings change: own other devices get UserNotice INFO_UPDATED without the answer', async () => {
  const u = await newUser();
  const other = await device(u, 'other');
  await call(u, 'POST', '/user/settings', { auth_mode: 2, auth_question: 'Q', auth_answer: 'A' });
  const got = await expectNotice(other, NameSpace.USER_NOTICE, UserNoticeType.INFO_UPDATED);
  expect(JSON.parse(got.content ?? '')).toEqual({ property: 'settings', auth_mode: 2, auth_question: 'Q' });
});

test('device list: every device with platform, info, last login and presence', async () => {
  const u = await newUser();
  const phone = await device(u, 'phone');
  const laptop = await device(u, 'laptop');
  await laptop.close();
  const list = await call<{ device_sn: number; platform: number; device_info: string; last_login_time: number; online: boolean }[]>(u, 'GET', '/user/device/list');
  expect(list.code).toBe(200);
  expect(list.data).toHaveLength(2);
  const bySn = new Map(list.data.map((d) => [d.device_sn, d]));
  expect(bySn.get(phone.deviceSN)).toMatchObject({ platform: 6, device_info: 'Uniapp', online: true });
  expect(bySn.get(laptop.deviceSN)).toMatchObject({ platform: 6, online: false });
  expect(bySn.get(phone.deviceSN)?.last_login_time).toBeGreaterThan(0);
  // Another user's list does not hold them.
  const other = await newUser();
  expect((await call<unknown[]>(other, 'GET', '/user/device/list')).data).toEqual([]);
});

test('kick: the device gets KICKED_BY_OTHER_DEVICE, is closed and its token revoked; others cannot kick it', async () => {
  const u = await newUser();
  const target = await device(u, 'kicked');
  const mine = await device(u, 'mine', u.token);
  const intruder = await newUser();
  // Someone else's device SN is not theirs: refused, nothing happens.
  expect((await call(intruder, 'POST', '/user/kick', { device_sn: target.deviceSN })).code).toBe(10002);
  expect((await call(u, 'POST', '/user/kick', { device_sn: 'abc' })).code).toBe(10002);
  expect((await call(u, 'POST', '/user/kick', {})).code).toBe(10002);
  expect((await call(u, 'POST', '/user/kick', { device_sn: 987654 })).code).toBe(10002);

  const r = await call(u, 'POST', `/user/kick?device_sn=${target.deviceSN}`);
  expect(r.code).toBe(200);
  expect(r.data).toBeNull();
  const kick = await target.nextSync((dl) => dl.metas?.[0]?.ns === NameSpace.USER_NOTICE);
  expect((kick.metas?.[0] as Meta & { ns: 4 }).payload).toMatchObject({ type: UserNoticeType.KICKED_BY_OTHER_DEVICE });
  expect((await target.waitClose()).code).toBe(4001);
  expect((await call(target.token, 'GET', '/user/profile')).code).toBe(402);
  // The calling device is untouched.
  expect((await call(u, 'GET', '/user/profile')).code).toBe(200);
  expect((await server.router.online(u.userId)).map((d) => d.sn)).toEqual([mine.deviceSN]);
});

test('change password: wrong old password is 11002; success logs other devices out and revokes their tokens', async () => {
  const u = await newUser();
  const caller = await device(u, 'caller', u.token);
  const other = await device(u, 'other');
  const otherToken = (await login(server, u.name)).token;

  expect((await call(u, 'POST', '/user/change_password', { old_password: 'nope', new_password: 'new-pw' })).code).toBe(11002);
  expect((await call(u, 'POST', '/user/change_password', { old_password: 'floo-demo' })).code).toBe(10002);
  expect((await call(u, 'POST', '/user/change_password', { old_password: 'floo-demo', new_password: 5 })).code).toBe(10002);
  expect((await call(u, 'POST', '/user/change_password', { old_password: 'floo-demo', new_password: 'x'.repeat(300) })).code).toBe(10002);
  // Nothing changed so far.
  expect((await call(otherToken, 'GET', '/user/profile')).code).toBe(200);

  const r = await call(u, 'POST', '/user/change_password', { old_password: 'floo-demo', new_password: 'new-pw' });
  expect(r.code).toBe(200);
  const notice = await other.nextSync((dl) => dl.metas?.[0]?.ns === NameSpace.USER_NOTICE);
  expect((notice.metas?.[0] as Meta & { ns: 4 }).payload).toMatchObject({ type: UserNoticeType.PASSWORD_CHANGED });
  expect((await other.waitClose()).code).toBe(4001);
  expect((await call(other.token, 'GET', '/user/profile')).code).toBe(402);
  expect((await call(otherToken, 'GET', '/user/profile')).code).toBe(402);
  // The caller's token and device stay.
  expect((await call(u, 'GET', '/user/profile')).code).toBe(200);
  expect((await server.router.online(u.userId)).map((d) => d.sn)).toEqual([caller.deviceSN]);
  // New password in, old out.
  expect((await rest(server, 'POST', '/token/user', { appId: 'demo', body: { name: u.name, password: 'floo-demo' } })).code).toBe(11001);
  expect((await login(server, u.name, 'new-pw')).userId).toBe(u.userId);
});

test('wrong JSON types never crash the server', async () => {
  const u = await newUser();
  for (const body of ['[1]', '"text"', '{bad', 'null', '{"list": {"a": 1}}']) {
    for (const path of ['/user/profile', '/user/settings', '/user/kick', '/user/change_password']) {
      const r = await call(u, 'POST', path, body);
      expect([path, body, r.code]).toEqual([path, body, 10002]);
    }
  }
  expect((await call(u, 'GET', '/user/profile')).code).toBe(200);
});

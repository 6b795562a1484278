// client.users against a real floo-server, on Node and on wx: own profile and settings (with the notices
// to the user's other devices), other users' profiles and their cache, devices, kicking a device,
// changing the password, and the refusals.
import type { RunningServer } from '../../../server/src';
import { rest, startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { ClientEvents } from '../../../sdk/src/core/client-events';
import { FlooError } from '../../../sdk/src/core/errors';
import { KINDS, makePlatform, type Kind } from './platforms';

let server: RunningServer;
const clients: FlooClient[] = [];
let serial = 0;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { for (const c of clients) await c.close(); await server.close(); });

function client(kind: Kind): FlooClient {
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off' }, makePlatform(kind).platform);
  clients.push(c);
  return c;
}

/** A new account, registered over REST. */
async function account(kind: Kind, name: string, password = 'pw-secret'): Promise<{ username: string; password: string; id: string }> {
  const username = `${name}_${kind}_${++serial}`;
  const r = await rest<{ user_id: number }>(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username, password } });
  if (r.code !== 200) throw new Error(`register ${username}: ${r.code} ${r.message}`);
  return { username, password, id: String(r.data.user_id) };
}

/** A logged-in client (a device of its own) of the account. */
async function device(kind: Kind, who: { username: string; password: string }): Promise<FlooClient> {
  const c = client(kind);
  await c.login({ username: who.username, password: who.password });
  return c;
}

/** The next `event` of `c` that passes `pick`. */
function next<K extends keyof ClientEvents>(c: FlooClient, event: K, pick: (e: ClientEvents[K]) => boolean = () => true): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const off = c.on(event, (e) => {
      if (!pick(e)) return;
      off();
      resolve(e);
    });
  });
}

async function rejection(p: Promise<unknown>): Promise<FlooError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FlooError);
  return err as FlooError;
}

test.each(KINDS)('%s: own profile read, updated and followed by the other device', async (kind) => {
  const me = await account(kind, 'prof');
  const [a, b] = [await device(kind, me), await device(kind, me)];
  expect(a.users.cachedProfile()).toBeUndefined();
  const profile = await a.users.profile();
  expect(profile).toEqual({ userId: me.id, username: me.username, nickName: me.username, avatar: '', description: '', ext: '', mobile: '', email: expect.any(String) });
  expect(a.users.cachedProfile()).toEqual(profile);
  await b.users.profile();

  const told = next(b, 'userNotice');
  const updated = await a.users.updateProfile({ nickName: 'Prof', description: 'hi', ext: '{"k":1}' });
  expect(updated).toMatchObject({ nickName: 'Prof', description: 'hi', ext: '{"k":1}', avatar: '' });
  expect(a.users.cachedProfile()).toEqual(updated);
  expect(a.users.cachedUser(me.id)).toMatchObject({ nickName: 'Prof' });
  const notice = await told;
  expect(notice).toEqual({ kind: 'infoUpdated', content: expect.objectContaining({ property: 'profile', nick_name: 'Prof', description: 'hi' }) });
  // The event comes after the cache is updated.
  expect(b.users.cachedProfile()).toMatchObject({ nickName: 'Prof', description: 'hi', ext: '{"k":1}' });
  expect(await b.users.profile({ refresh: true })).toEqual(updated);
  expect(await a.users.updateProfile({ avatar: 'https://example.invalid/a.png' })).toMatchObject({ nickName: 'Prof', avatar: 'https://example.invalid/a.png' });
});

test.each(KINDS)('%s: other users: in the order asked, unknown ids left out, cached until refreshed', async (kind) => {
  const [me, x, y] = [await account(kind, 'getter'), await account(kind, 'gx'), await account(kind, 'gy')];
  const c = await device(kind, me);
  expect(c.users.cachedUser(x.id)).toBeUndefined();
  const got = await c.users.get([y.id, x.id, y.id, '999999999']);
  expect(got.map((u) => u.username)).toEqual([y.username, x.username]);
  expect(got[0]).toEqual({ userId: y.id, username: y.username, nickName: y.username, avatar: '', description: '', ext: '' });
  expect(c.users.cachedUser(x.id)).toEqual(got[1]);
  expect(await c.users.get([])).toEqual([]);

  const other = await device(kind, x);
  await other.users.updateProfile({ nickName: 'Xavier' });
  // Not friends: no notice; the cache answers until asked to refresh.
  expect((await c.users.get([x.id]))[0].nickName).toBe(x.username);
  expect((await c.users.get([x.id], { refresh: true }))[0].nickName).toBe('Xavier');
  expect(c.users.cachedUser(x.id)?.nickName).toBe('Xavier');
});

test.each(KINDS)('%s: settings: defaults, changes, the other device follows, bad values refused', async (kind) => {
  const me = await account(kind, 'settings');
  const [a, b] = [await device(kind, me), await device(kind, me)];
  expect(await a.users.settings()).toEqual({
    friendVerification: 'confirm', verificationQuestion: '', groupInviteConfirm: false, doNotDisturb: false, quietStartHour: 0, quietEndHour: 0,
  });
  await b.users.settings();
  const told = next(b, 'userNotice');
  const changed = await a.users.updateSettings({
    friendVerification: 'question', verificationQuestion: 'Color?', verificationAnswer: 'blue', groupInviteConfirm: true,
    doNotDisturb: true, quietStartHour: 22, quietEndHour: 7,
  });
  expect(changed).toEqual({
    friendVerification: 'question', verificationQuestion: 'Color?', groupInviteConfirm: true, doNotDisturb: true, quietStartHour: 22, quietEndHour: 7,
  });
  expect((await told).content).toMatchObject({ property: 'settings', auth_mode: 2 });
  expect(await b.users.settings()).toEqual(changed);
  expect(await a.users.updateSettings({ friendVerification: 'anyone' })).toMatchObject({ friendVerification: 'anyone', doNotDisturb: true });

  for (const bad of [{}, { friendVerification: 'nobody' }, { doNotDisturb: 'yes' }, { quietStartHour: 24 }, { verificationQuestion: 3 }, null]) {
    expect((await rejection(a.users.updateSettings(bad as never))).code).toBe('InvalidParam');
  }
});

test.each(KINDS)('%s: devices: both listed, this one current; kicking the other logs it out', async (kind) => {
  const me = await account(kind, 'devices');
  const [a, b] = [await device(kind, me), await device(kind, me)];
  const list = await a.users.devices();
  expect(list).toHaveLength(2);
  expect(list.filter((d) => d.current)).toHaveLength(1);
  for (const d of list) expect(d).toEqual({ sn: expect.any(Number), platform: 'web', info: expect.any(String), lastLoginAt: expect.any(Number), online: true, current: d.current });
  const [mine] = (await b.users.devices()).filter((d) => d.current);
  const other = list.find((d) => !d.current)!;
  expect(mine.sn).toBe(other.sn);

  const kicked = next(b, 'kicked');
  await a.users.kickDevice(other.sn);
  expect((await kicked).code).toBe('UserKickedByOtherDevices');
  expect(await a.users.profile()).toMatchObject({ userId: me.id });
  expect((await rejection(a.users.kickDevice(0))).code).toBe('InvalidParam');
  expect((await rejection(a.users.kickDevice(1.5))).code).toBe('InvalidParam');
});

test.each(KINDS)('%s: change password: a wrong old one is refused; the other device is logged out, this one stays', async (kind) => {
  const me = await account(kind, 'passwd', 'old-pass');
  const [a, b] = [await device(kind, me), await device(kind, me)];
  expect((await rejection(a.users.changePassword('not-it', 'new-pass'))).code).toBe('UserOldPasswordNotMatch');

  const kicked = next(b, 'kicked');
  await a.users.changePassword('old-pass', 'new-pass');
  expect((await kicked).code).toBe('UserPasswordChanged');
  expect(await a.users.profile({ refresh: true })).toMatchObject({ userId: me.id });
  // The new password works, the old one does not.
  await device(kind, { username: me.username, password: 'new-pass' });
  expect((await rejection(client(kind).login({ username: me.username, password: 'old-pass' }))).code).toBe('UserAuthFailed');
  expect((await rejection(a.users.changePassword('', 'x'))).code).toBe('InvalidParam');
  expect((await rejection(a.users.changePassword('new-pass', 7 as never))).code).toBe('InvalidParam');
});

test.each(KINDS)('%s: without a login every call rejects with UserNotLogin; bad arguments with InvalidParam', async (kind) => {
  const c = client(kind);
  const calls = await Promise.all([
    c.users.profile(), c.users.updateProfile({ nickName: 'x' }), c.users.get(['1']), c.users.settings(),
    c.users.updateSettings({ doNotDisturb: true }), c.users.devices(), c.users.kickDevice(1), c.users.changePassword('a', 'b'),
  ].map(rejection));
  for (const e of calls) expect(e.code).toBe('UserNotLogin');
  for (const e of await Promise.all([
    c.users.updateProfile({}), c.users.updateProfile(null as never), c.users.updateProfile({ nickName: 42 as never }),
    c.users.updateProfile({ ext: 'x'.repeat(4001) }), c.users.get('1' as never), c.users.get(['abc']), c.users.get(['0']),
    c.users.kickDevice('1' as never),
  ].map(rejection))) {
    expect(e.code).toBe('InvalidParam');
  }
  expect(c.users.cachedUser('1')).toBeUndefined();
  expect(c.users.cachedProfile()).toBeUndefined();
});

// The profile editor and the account settings: toggles, the device list with logging another device
// out, and changing the password.
import type { RunningServer } from '../../server/src';
import { startTestServer, uidOf } from '../support/server-harness';
import { Phones, register } from './support/friends';
import { until } from './support/simulate';

interface DeviceRow { sn: number; current: boolean; online: boolean }

let server: RunningServer;
const phones = new Phones(() => server);
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  await phones.dispose();
  await server.close();
});

test('edit profile: nickname, avatar URL and description; the profile tab and friends see them', async () => {
  const carol = await phones.loggedIn('carol');
  const profile = carol.open('/pages/profile/profile');
  await until(() => profile.data.username === 'carol', 'the profile tab');
  const edit = carol.open('/packages/friends/pages/edit/edit');
  await until(() => edit.data.loaded, 'the editor');
  expect(edit.data).toMatchObject({ username: 'carol', nickName: 'Carol', avatar: '', description: '', dirty: false });
  await edit.type('#nickname', 'Caro');
  await edit.type('#avatar', 'https://example.invalid/caro.png');
  await edit.type('#description', 'Plays the cello');
  expect(edit.data.dirty).toBe(true);
  await edit.tap('#save');
  await until(() => !edit.data.saving && !edit.data.dirty, 'the saved profile');
  expect(edit.data).toMatchObject({ nickName: 'Caro', avatar: 'https://example.invalid/caro.png', description: 'Plays the cello', initial: 'C' });
  expect(carol.calls.some((c) => c.api === 'showToast' && c.args.title === '资料已更新')).toBe(true);
  // Back on the tab.
  profile.call('onShow');
  await until(() => profile.data.displayName === 'Caro', 'the new name on the profile tab');
  expect(profile.data).toMatchObject({ avatar: 'https://example.invalid/caro.png', description: 'Plays the cello' });
  // A friend's contacts tab, open all along, follows the notice.
  const bob = await phones.loggedIn('bob');
  const contacts = bob.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'bob\'s contacts');
  await edit.type('#nickname', 'Carolina');
  await edit.tap('#save');
  await until(() => !edit.data.saving && edit.data.nickName === 'Carolina', 'saved again');
  await until(() => (contacts.data.friends as Array<{ id: string; name: string }>).find((f) => f.id === uidOf(server, 'carol'))?.name === 'Carolina', 'the new name on bob\'s contacts');
  await carol.app.im.client.users.updateProfile({ nickName: 'Carol', avatar: '', description: '' });
});

test('account: group-invitation confirmation and do not disturb are saved', async () => {
  await register(server, 'kate');
  const kate = await phones.loggedIn('kate');
  const account = kate.open('/packages/friends/pages/account/account');
  await until(() => account.data.loaded, 'the settings');
  const before = await kate.app.im.client.users.settings({ refresh: true });
  expect(account.data).toMatchObject({ groupConfirm: before.groupInviteConfirm, doNotDisturb: before.doNotDisturb });
  // A TDesign switch listens on its inner element.
  const toggle = (id: string) => account.tap(account.$(id)?.querySelector('.t-switch') ?? null);
  await toggle('#group-confirm');
  await until(() => account.data.groupConfirm === !before.groupInviteConfirm && !account.data.saving, 'the group setting');
  await toggle('#dnd');
  await until(() => account.data.doNotDisturb === !before.doNotDisturb && !account.data.saving, 'do not disturb');
  const after = await kate.app.im.client.users.settings({ refresh: true });
  expect(after).toMatchObject({ groupInviteConfirm: !before.groupInviteConfirm, doNotDisturb: !before.doNotDisturb });
  await account.tap('#password');
  expect(kate.lastNavigation()).toBe('/packages/friends/pages/password/password');
});

test('devices: both phones listed, this one marked; logging the other out sends it to the login page', async () => {
  await register(server, 'liam');
  const first = await phones.loggedIn('liam');
  const second = await phones.loggedIn('liam');
  const account = first.open('/packages/friends/pages/account/account');
  await until(() => (account.data.devices as DeviceRow[]).length === 2, 'two devices');
  const devices = account.data.devices as DeviceRow[];
  expect(devices[0]).toMatchObject({ current: true, online: true });
  expect(devices[1]).toMatchObject({ current: false, online: true });
  expect(account.$(`#kick-${devices[0].sn}`)).toBeFalsy();
  await account.tap(`#kick-${devices[1].sn}`);
  await until(() => second.lastNavigation() === '/pages/login/login', 'the other phone logged out');
  expect(second.app.im.userId).toBeUndefined();
  await until(() => (account.data.devices as DeviceRow[]).find((d) => d.sn === devices[1].sn)?.online === false
    || (account.data.devices as DeviceRow[]).length === 1, 'the device list updated');
  expect(first.calls.some((c) => c.api === 'showToast' && c.args.title === '该设备已下线')).toBe(true);
  expect(first.app.im.userId).toBeDefined();
});

test('change password: checks in the form, a wrong current password, then success; the new one logs in', async () => {
  await register(server, 'mia', 'old-secret');
  const mia = await phones.loggedIn('mia', 'old-secret');
  const page = mia.open('/packages/friends/pages/password/password');
  await page.tap('#submit');
  expect(page.data.error).toBe('请填写全部三项');
  await page.type('#old', 'wrong-secret');
  await page.type('#new', 'new-secret');
  await page.type('#confirm', 'new-secreT');
  await page.tap('#submit');
  expect(page.data.error).toBe('两次输入的新密码不一致');
  await page.type('#confirm', 'new-secret');
  await page.tap('#submit');
  await until(() => page.data.error && !page.data.busy, 'the refusal');
  expect(page.data.error).toBe('当前密码不正确');
  expect(mia.calls.some((c) => c.api === 'navigateBack')).toBe(false);

  await page.type('#old', 'old-secret');
  await page.tap('#submit');
  await until(() => mia.calls.some((c) => c.api === 'navigateBack'), 'back to the settings');
  expect(page.data).toMatchObject({ error: '', oldPassword: '', newPassword: '', confirm: '' });
  expect(mia.calls.some((c) => c.api === 'showToast' && c.args.title === '密码已修改')).toBe(true);
  // Still logged in here; a new phone logs in with the new password only.
  expect(mia.app.im.userId).toBeDefined();
  await phones.loggedIn('mia', 'new-secret');
});

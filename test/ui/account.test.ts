// Login, register and settings pages: validation, resuming a saved session, no stored password,
// settings that are remembered and a language switch.
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { dnsOf, launchPhone, loginThroughUi, type Phone } from './support/phone';
import { until } from './support/simulate';

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  for (const p of phones) await p.dispose();
  await server.close();
});

function phone(storage?: Phone['control']['storage']): Phone {
  const p = launchPhone(server, { storage });
  phones.push(p);
  return p;
}

test('login: missing fields and a wrong password are explained, nothing navigates', async () => {
  const p = phone();
  const login = p.open('/pages/login/login');
  await until(() => login.data.resuming === false, 'the form');
  expect(login.data.server).toBe(`demo @ ${server.url.replace('http://', '')}`);
  await login.tap('#submit');
  expect(login.data.error).toBe('请输入用户名和密码');
  await login.type('#username', 'alice');
  await login.type('#password', 'wrong');
  expect(login.data.error).toBe('');
  await login.tap('#submit');
  await until(() => login.data.error && !login.data.busy, 'the error');
  expect(login.data.error).toMatch(/^操作失败：/);
  expect(p.lastNavigation()).toBeUndefined();
  await login.tap('#register');
  expect(p.lastNavigation()).toBe('/pages/register/register');
  await login.tap('#settings');
  expect(p.lastNavigation()).toBe('/pages/settings/settings');
});

test('a restarted app resumes the session from the saved token; the password is never stored', async () => {
  const first = phone();
  const reg = first.open('/pages/register/register');
  for (const [field, value] of [['#username', 'erin'], ['#password', 'pw-erin-7341'], ['#confirm', 'pw-erin-7341']]) await reg.type(field, value);
  await reg.tap('#submit');
  await until(() => first.lastNavigation() === '/pages/conversations/conversations', 'erin to log in');
  reg.close();
  expect(reg.data.password).toBe('');
  const stored = JSON.stringify(first.control.storage.snapshot());
  expect(stored).not.toContain('pw-erin-7341');
  expect(stored).toContain('token');
  const erin = first.app.im.userId;
  await first.app.im.client.close();

  const again = phone(first.control.storage);
  const login = again.open('/pages/login/login');
  expect(login.data.resuming).toBe(true);
  await until(() => again.lastNavigation() === '/pages/conversations/conversations', 'the resumed session');
  expect(login.data.resuming).toBe(true);
  expect(again.app.im.userId).toBe(erin);

  // Logging out (profile page) forgets the token: the next start shows the form.
  const profile = again.open('/pages/profile/profile');
  await profile.tap('#logout');
  await until(() => again.lastNavigation() === '/pages/login/login', 'back to login');
  expect(JSON.stringify(again.control.storage.snapshot())).not.toMatch(/"token"/);
});

test('register: passwords must match; a new account lands on an empty app', async () => {
  const p = phone();
  const reg = p.open('/pages/register/register');
  await reg.type('#username', 'dave');
  await reg.type('#password', 'secret-1');
  await reg.type('#confirm', 'secret-2');
  await reg.tap('#submit');
  expect(reg.data.error).toBe('两次输入的密码不一致');
  await reg.type('#confirm', 'secret-1');
  await reg.tap('#submit');
  await until(() => p.lastNavigation() === '/pages/conversations/conversations', 'the new account to log in');
  expect(p.app.im.userId).toMatch(/^\d+$/);
  const contacts = p.open('/pages/contacts/contacts');
  await until(() => contacts.data.loaded, 'contacts');
  expect(contacts.data).toMatchObject({ friends: [], groups: [] });
  expect(contacts.$('.none')).toBeTruthy();
  // The same name cannot be registered twice.
  await p.app.im.logout();
  const again = p.open('/pages/register/register');
  await again.type('#username', 'dave');
  await again.type('#password', 'x');
  await again.type('#confirm', 'x');
  await again.tap('#submit');
  await until(() => again.data.error, 'the refusal');
});

test('settings: remembered across restarts, validated, English available, locked while logged in', async () => {
  const p = phone();
  await until(() => p.app.im.ready, 'launch');
  const settings = p.open('/pages/settings/settings');
  expect(settings.data).toMatchObject({ appId: 'demo', dnsServer: dnsOf(server), lang: 'zh', locked: false });
  await settings.type('#dnsServer', 'ftp://nowhere');
  await settings.tap('#save');
  expect(settings.data.error).toBe('服务发现地址需以 http:// 或 https:// 开头');
  await settings.tap('#reset');
  expect(settings.data.dnsServer).toBe('http://127.0.0.1:9800/v2/app_dns');
  await settings.type('#dnsServer', `${dnsOf(server)}?via=settings`);
  await settings.tap('#lang-en');
  expect((settings.data.t as { settings: { title: string } }).settings.title).toBe('Server settings');
  const before = p.app.im.client;
  await settings.tap('#save');
  await until(() => p.calls.some((c) => c.api === 'navigateBack'), 'the page to close');
  expect(p.app.im.client).not.toBe(before);
  expect(p.control.storage.snapshot()['floo-demo:settings']).toEqual({ appId: 'demo', dnsServer: `${dnsOf(server)}?via=settings`, lang: 'en' });

  // A restart keeps them; the login page speaks English and logs in through the new URL.
  await p.app.im.client.close();
  const again = phone(p.control.storage);
  expect(again.app.im.settings.lang).toBe('en');
  const login = again.open('/pages/login/login');
  await until(() => login.data.resuming === false, 'the form');
  expect((login.data.t as { login: { submit: string } }).login.submit).toBe('Log in');
  await loginThroughUi(again, 'bob');
  const locked = again.open('/pages/settings/settings');
  expect(locked.data.locked).toBe(true);
  await locked.type('#appId', 'other');
  await locked.tap('#save');
  expect(locked.data.error).toMatch(/log out before changing the server/);
});

test('logged out by the server (another device took the seat): back to the login page, told why', async () => {
  const strict = await startTestServer({ maxDevicesPerUser: 1 });
  try {
    const first = launchPhone(strict);
    const second = launchPhone(strict);
    phones.push(first, second);
    await loginThroughUi(first, 'bob');
    const list = first.open('/pages/conversations/conversations');
    await loginThroughUi(second, 'bob');
    await until(() => first.lastNavigation() === '/pages/login/login', 'the first phone to be sent to login');
    expect(first.calls.some((c) => c.api === 'showToast' && c.args.title === '账号已在其他设备登录')).toBe(true);
    expect(first.app.im.userId).toBeUndefined();
    list.close();
    for (const p of [first, second]) await p.dispose();
  } finally {
    await strict.close();
  }
});

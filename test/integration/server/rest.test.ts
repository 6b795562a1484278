/** The ratel REST API: discovery, tokens, registration, roster, groups, profile, errors and CORS. */
import http from 'node:http';
import type { RunningServer } from '../../../server/src';
import { login, rest, startTestServer, uidOf } from '../../support/server-harness';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

function getWithHost(path: string, host: string): Promise<{ data: { dns_list: { clusters: { webim: { host: string }[] }[] }[] } }> {
  return new Promise((resolve, reject) => {
    const req = http.get(server.url + path, { headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
  });
}

test('GET /v2/app_dns: the shape the official clients need, host from the Host header', async () => {
  const r = await rest<Record<string, unknown>>(server, 'GET', '/v2/app_dns?app_id=demo', { appId: 'demo' });
  const host = new URL(server.url).host;
  expect(r.code).toBe(200);
  expect(r.data).toMatchObject({
    app_status: 'normal', dns_server_list: [], link_server_list: [],
    dns_list: [{ group_level: 0, clusters: [{ ratel: [{ protocol: 'http', host }], webim: [{ protocol: 'http', host }], rtc: [{ protocol: 'http', host }] }] }],
  });
  // fetch() may not set Host; node:http may.
  const lan = await getWithHost('/v2/app_dns?app_id=demo', '192.168.1.20:9800');
  expect(lan.data.dns_list[0].clusters[0].webim[0].host).toBe('192.168.1.20:9800');
  const evil = await getWithHost('/v2/app_dns?app_id=demo', 'evil.com/path');
  expect(evil.data.dns_list[0].clusters[0].webim[0].host).not.toContain('/');
  expect((await rest(server, 'GET', '/v2/app_dns?app_id=nope')).code).toBe(40000);
});

test('GET / and GET /app/config answer 200; unknown paths 404', async () => {
  expect((await rest(server, 'GET', '/')).status).toBe(200);
  const cfg = await rest(server, 'GET', '/app/config?platform=6', { appId: 'demo' });
  expect(cfg.code).toBe(200);
  expect(typeof cfg.data).toBe('object');
  const missing = await rest(server, 'GET', '/no/such/thing');
  expect(missing.code).toBe(404);
});

test('POST /token/user and /token/id; wrong passwords refused', async () => {
  const r = await rest<{ token: string; user_id: number; public_key: string }>(server, 'POST', '/token/user', { appId: 'demo', body: { name: 'alice', password: 'floo-demo' } });
  expect(r.code).toBe(200);
  expect(r.data.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  expect(r.data.user_id).toBe(Number(uidOf(server, 'alice')));
  expect(typeof r.data.public_key).toBe('string');
  const byId = await rest<{ user_id: number }>(server, 'POST', '/token/id', { appId: 'demo', body: { user_id: String(r.data.user_id), password: 'floo-demo' } });
  expect(byId.data.user_id).toBe(r.data.user_id);
  expect((await rest(server, 'POST', '/token/user', { appId: 'demo', body: { name: 'alice', password: 'nope' } })).code).toBe(11001);
  expect((await rest(server, 'POST', '/token/user', { appId: 'demo', body: { name: 'nobody', password: 'nope' } })).code).toBe(11001);
  expect((await rest(server, 'POST', '/token/user', { appId: 'other', body: { name: 'alice', password: 'floo-demo' } })).code).toBe(40000);
  expect((await rest(server, 'POST', '/token/user', { appId: 'demo', body: { name: 'alice' } })).code).toBe(10002);
});

test('POST /user/register/v2: creates a user, refuses duplicates and bad names', async () => {
  const r = await rest<{ user_id: number; username: string }>(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'erin_1', password: 'pw-erin' } });
  expect(r.code).toBe(200);
  expect(r.data.username).toBe('erin_1');
  expect(r.data.user_id).toBeGreaterThan(0);
  expect((await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'erin_1', password: 'x' } })).code).toBe(10004);
  expect((await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: '12345', password: 'x' } })).code).toBe(10002);
  expect((await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'a b', password: 'x' } })).code).toBe(10002);
  expect((await login(server, 'erin_1', 'pw-erin')).userId).toBe(r.data.user_id);
});

test('roster: GET is an array of friend ids; POST accepts numbers and decimal strings', async () => {
  const { token } = await login(server, 'alice');
  const list = await rest<number[]>(server, 'GET', '/roster/list?', { token, appId: 'demo' });
  expect(list.code).toBe(200);
  expect(list.data).toEqual([Number(uidOf(server, 'bob')), Number(uidOf(server, 'carol'))]);
  const info = await rest<{ user_id: number; username: string; nick_name: string; avatar: string }[]>(server, 'POST', '/roster/list', {
    token, appId: 'demo', body: { list: [uidOf(server, 'bob'), Number(uidOf(server, 'carol')), '999999999'] },
  });
  expect(info.code).toBe(200);
  expect(info.data.map((u) => u.username)).toEqual(['bob', 'carol']);
  expect(info.data[0]).toMatchObject({ user_id: Number(uidOf(server, 'bob')), nick_name: 'Bob', avatar: '' });
  // A newly registered user has no friends: still an array.
  await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'lonely', password: 'pw' } });
  const lonely = await login(server, 'lonely', 'pw');
  expect((await rest(server, 'GET', '/roster/list?', { token: lonely.token, appId: 'demo' })).data).toEqual([]);
  expect((await rest(server, 'POST', '/roster/list', { token, appId: 'demo', body: { list: 'nope' } })).code).toBe(10002);
  expect((await rest(server, 'POST', '/roster/list', { token, appId: 'demo', body: { list: [1.5] } })).code).toBe(10002);
});

test('groups: joined list, info batch, create, member list', async () => {
  const { token } = await login(server, 'bob');
  const gid = server.demo?.groupId as number;
  expect((await rest(server, 'GET', '/group/user_joined?', { token })).data).toEqual([gid]);
  const batch = await rest<Record<string, unknown>[]>(server, 'POST', '/group/info/batch', { token, body: { group_list: [String(gid)] } });
  expect(batch.data).toEqual([expect.objectContaining({ group_id: gid, name: 'Floo Demo', owner_id: Number(uidOf(server, 'alice')), member_count: 3, read_ack: false })]);
  const created = await rest<{ group_id: number; owner_id: number; member_count: number }>(server, 'POST', '/group/create', {
    token, body: { name: 'Bob & Carol', user_list: [Number(uidOf(server, 'carol'))] },
  });
  expect(created.code).toBe(200);
  expect(created.data).toMatchObject({ owner_id: Number(uidOf(server, 'bob')), member_count: 2 });
  expect((await rest<number[]>(server, 'GET', '/group/user_joined', { token })).data).toEqual([gid, created.data.group_id]);
  const members = await rest<{ user_id: number }[]>(server, 'GET', `/group/member_list?group_id=${created.data.group_id}`, { token });
  expect(members.data.map((m) => m.user_id).sort()).toEqual([Number(uidOf(server, 'bob')), Number(uidOf(server, 'carol'))].sort());
  expect((await rest(server, 'POST', '/group/create', { token, body: { user_list: [] } })).code).toBe(10002);
  expect((await rest(server, 'POST', '/group/create', { token, body: { name: 'x', user_list: [123] } })).code).toBe(10002);
});

test('profile: read and update', async () => {
  const { token } = await login(server, 'carol');
  const p = await rest<Record<string, unknown>>(server, 'GET', '/user/profile', { token, appId: 'demo' });
  expect(p.data).toMatchObject({ user_id: Number(uidOf(server, 'carol')), username: 'carol', nick_name: 'Carol' });
  const u = await rest<Record<string, unknown>>(server, 'POST', '/user/profile', { token, body: { nick_name: 'Caz', description: 'hi' } });
  expect(u.data).toMatchObject({ nick_name: 'Caz', description: 'hi' });
  expect((await rest(server, 'POST', '/user/profile', { token, body: { nick_name: 5 } })).code).toBe(10002);
});

test('402 for missing, unknown and cross-app tokens', async () => {
  expect((await rest(server, 'GET', '/roster/list')).code).toBe(402);
  expect((await rest(server, 'GET', '/roster/list', { token: 'bogus' })).code).toBe(402);
  const { token } = await login(server, 'alice');
  await server.store.ensureApp('other', 'Other', Date.now());
  expect((await rest(server, 'GET', '/roster/list', { token, appId: 'other' })).code).toBe(402);
});

test('bad bodies: non-JSON, non-object, too large', async () => {
  const { token } = await login(server, 'alice');
  expect((await rest(server, 'POST', '/roster/list', { token, body: '{not json' })).code).toBe(10002);
  expect((await rest(server, 'POST', '/roster/list', { token, body: '[1,2]' })).code).toBe(10002);
  expect((await rest(server, 'POST', '/token/user', { appId: 'demo', body: 'x'.repeat(1024 * 1024 + 1) })).code).toBe(10002);
  // The server is still fine.
  expect((await rest(server, 'GET', '/roster/list', { token })).code).toBe(200);
});

test('CORS: preflight answered, headers on every response', async () => {
  const pre = await fetch(`${server.url}/token/user`, {
    method: 'OPTIONS', headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'app_id,access-token,content-type' },
  });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  expect(pre.headers.get('access-control-allow-headers')).toMatch(/app_id/);
  expect(pre.headers.get('access-control-allow-headers')).toMatch(/access-token/);
  const r = await rest(server, 'GET', '/');
  expect(r.headers.get('access-control-allow-origin')).toBe('*');
});

// The showcase seed (`npm start`): every demo page has something to show on first run, and seeding
// again (a restart on the same data folder) changes nothing.
import type { RunningServer } from '../../../server/src';
import { seedShowcase } from '../../../server/src/seed-showcase';
import { login, rest, startTestServer, TEST_SCRYPT } from '../../support/server-harness';

let server: RunningServer;
beforeAll(async () => { server = await startTestServer({ seed: 'showcase' }); });
afterAll(async () => server.close());

test('dave\'s friend request waits for alice; bob administers "Floo Demo", which has an announcement', async () => {
  const alice = await login(server, 'alice');
  const requests = await rest<Array<{ user_id: number; reason: string; status: number }>>(server, 'GET', '/roster/apply/list?cursor=', { token: alice.token });
  const dave = server.demo!.users.find((u) => u.username === 'dave')!.userId;
  expect(requests.data).toEqual([expect.objectContaining({ user_id: dave, status: 0 })]);
  const gid = server.demo!.groupId;
  const admins = await rest<Array<{ user_id: number }>>(server, 'GET', `/group/admin_list?group_id=${gid}`, { token: alice.token });
  expect(admins.data?.map((a) => a.user_id)).toEqual([server.demo!.users.find((u) => u.username === 'bob')!.userId]);
  const notes = await rest<Array<{ title: string }>>(server, 'GET', `/group/announcement/list?group_id=${gid}`, { token: alice.token });
  expect(notes.data?.map((n) => n.title)).toEqual(['Welcome']);
});

test('alice joins the public "Floo Lounge" by id without approval', async () => {
  const alice = await login(server, 'alice');
  const lounge = (await server.store.findGroupsByName('demo', 'Floo Lounge'))[0];
  const joined = await rest<{ result: string }>(server, 'POST', '/group/apply', { token: alice.token, body: { group_id: lounge.id, reason: 'hi' } });
  expect(joined.data).toEqual({ result: 'joined' });
});

test('seeding again changes nothing', async () => {
  const before = await server.store.findGroupsByName('demo', 'Floo Lounge');
  await seedShowcase(server.store, Date.now(), TEST_SCRYPT);
  expect(await server.store.findGroupsByName('demo', 'Floo Lounge')).toHaveLength(before.length);
  expect(await server.store.listGroupAnnouncements(server.demo!.groupId, 10)).toHaveLength(1);
  const alice = await login(server, 'alice');
  const requests = await rest<unknown[]>(server, 'GET', '/roster/apply/list?cursor=', { token: alice.token });
  expect(requests.data).toHaveLength(1);
});

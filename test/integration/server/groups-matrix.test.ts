/**
 * The authorization matrix of the mutating group routes (docs/social.md, "REST business codes"): each
 * route called without a token, by another user (not a member), a member, an admin and the owner, on a
 * fresh group, with the code each must answer. One row per route and caller.
 */
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { groupKit, type User } from './groups-support';

let server: RunningServer;
let kit: ReturnType<typeof groupKit>;

type Caller = 'none' | 'outsider' | 'member' | 'admin' | 'owner';

/** A fresh group: owner, an admin, a member (the caller), a second member (the target), an announcement, a file, a pending application. */
interface Fixture {
  gid: number;
  owner: User; admin: User; member: User; target: User; outsider: User; applicant: User;
  announcementId: number;
  fileId: number;
}

interface Users { owner: User; admin: User; member: User; target: User; outsider: User; applicant: User }
let users: Users;

beforeAll(async () => {
  server = await startTestServer();
  kit = groupKit(server);
  users = {
    owner: await kit.newUser('own'), admin: await kit.newUser('adm'), member: await kit.newUser('mem'),
    target: await kit.newUser('tgt'), outsider: await kit.newUser('out'), applicant: await kit.newUser('app'),
  };
});

afterAll(async () => {
  await server.close();
});

async function fixture(): Promise<Fixture> {
  const { owner, admin, member, target, applicant } = users;
  const gid = await kit.createGroup(owner, [admin, member, target]);
  await kit.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin.userId] });
  const ann = await kit.ok<{ id: number }>(owner, 'POST', '/group/announcement/edit', { group_id: gid, title: 't', content: 'c' });
  const file = await kit.ok<{ file_id: number }>(owner, 'POST', '/group/file/upload', { group_id: gid, name: 'f', size: 1, url: 'http://f' });
  await kit.ok(applicant, 'POST', '/group/apply', { group_id: gid, reason: 'hi' });
  return { gid, ...users, announcementId: ann.id, fileId: file.file_id };
}

/** A mutating route: its path, its parameters on a fixture, and the code per caller. */
interface Row {
  path: string;
  params: (f: Fixture) => Record<string, unknown>;
  codes: Record<Exclude<Caller, 'none'>, number>;
}

const OWNER_ONLY = { outsider: 20002, member: 20007, admin: 20007, owner: 200 };
const ADMINS = { outsider: 20002, member: 20006, admin: 200, owner: 200 };
const MEMBERS = { outsider: 20002, member: 200, admin: 200, owner: 200 };

const g = (f: Fixture) => ({ group_id: f.gid });
const targetList = (f: Fixture) => ({ group_id: f.gid, user_list: [f.target.userId] });

const ROWS: Row[] = [
  { path: '/group/destroy', params: g, codes: OWNER_ONLY },
  { path: '/group/info/name', params: (f) => ({ ...g(f), value: 'n' }), codes: ADMINS },
  { path: '/group/info/avatar', params: (f) => ({ ...g(f), value: 'http://a' }), codes: ADMINS },
  { path: '/group/info/description', params: (f) => ({ ...g(f), value: 'd' }), codes: ADMINS },
  { path: '/group/info/ext', params: (f) => ({ ...g(f), value: 'e' }), codes: ADMINS },
  { path: '/group/display_name', params: (f) => ({ ...g(f), value: 'me' }), codes: MEMBERS },
  { path: '/group/members/display_name', params: targetList, codes: MEMBERS },
  { path: '/group/admin/add', params: targetList, codes: OWNER_ONLY },
  { path: '/group/admin/remove', params: (f) => ({ ...g(f), user_list: [f.admin.userId] }), codes: OWNER_ONLY },
  { path: '/group/transfer', params: (f) => ({ ...g(f), new_owner: f.target.userId }), codes: OWNER_ONLY },
  { path: '/group/invite', params: (f) => ({ ...g(f), user_list: [f.applicant.userId] }), codes: MEMBERS },
  { path: '/group/apply', params: g, codes: { outsider: 200, member: 20010, admin: 20010, owner: 20010 } },
  { path: '/group/application_list', params: (f) => ({ group_list: [f.gid] }), codes: ADMINS },
  { path: '/group/apply/handle', params: (f) => ({ ...g(f), user_id: f.applicant.userId, approval: true }), codes: ADMINS },
  { path: '/group/kick', params: targetList, codes: ADMINS },
  { path: '/group/leave', params: g, codes: { outsider: 20002, member: 200, admin: 200, owner: 20003 } },
  { path: '/group/block', params: targetList, codes: ADMINS },
  { path: '/group/unblock', params: (f) => ({ ...g(f), user_list: [f.outsider.userId] }), codes: ADMINS },
  { path: '/group/ban', params: (f) => ({ ...targetList(f), duration: 10 }), codes: ADMINS },
  { path: '/group/unban', params: targetList, codes: ADMINS },
  { path: '/group/settings/allow_member_invitation', params: (f) => ({ ...g(f), value: false }), codes: ADMINS },
  { path: '/group/settings/allow_member_modify', params: (f) => ({ ...g(f), value: true }), codes: ADMINS },
  { path: '/group/settings/enable_read_ack', params: (f) => ({ ...g(f), value: true }), codes: ADMINS },
  { path: '/group/settings/history_visible', params: (f) => ({ ...g(f), value: true }), codes: ADMINS },
  { path: '/group/settings/hide_member_info', params: (f) => ({ ...g(f), value: true }), codes: ADMINS },
  { path: '/group/settings/require_admin_approval', params: (f) => ({ ...g(f), apply_approval: 0 }), codes: ADMINS },
  { path: '/group/settings/ban_all', params: (f) => ({ ...g(f), duration: -1 }), codes: ADMINS },
  { path: '/group/settings/unban_all', params: g, codes: ADMINS },
  { path: '/group/msg/mute_mode', params: (f) => ({ ...g(f), msg_mute_mode: 1 }), codes: MEMBERS },
  { path: '/group/msg/not_disturb', params: (f) => ({ ...g(f), value: true }), codes: MEMBERS },
  { path: '/group/announcement/edit', params: (f) => ({ ...g(f), title: 'x', content: 'y' }), codes: ADMINS },
  { path: '/group/announcement/delete', params: (f) => ({ ...g(f), announcement_id: f.announcementId }), codes: ADMINS },
  { path: '/group/file/upload', params: (f) => ({ ...g(f), name: 'n', size: 2, url: 'http://u' }), codes: MEMBERS },
  { path: '/group/file/delete', params: (f) => ({ ...g(f), file_list: [f.fileId] }), codes: { outsider: 20002, member: 20023, admin: 200, owner: 200 } },
];

const CALLERS: Exclude<Caller, 'none'>[] = ['outsider', 'member', 'admin', 'owner'];

const cases: [string, Caller, number, Row][] = [];
for (const row of ROWS) {
  cases.push([row.path, 'none', 402, row]);
  for (const caller of CALLERS) cases.push([row.path, caller, row.codes[caller], row]);
}

test.each(cases)('POST %s by %s → %d', async (_path, caller, expected, row) => {
  const f = await fixture();
  const who = caller === 'none' ? undefined : f[caller];
  const r = await kit.call(who, 'POST', row.path, row.params(f));
  expect({ code: r.code, message: r.message }).toEqual({ code: expected, message: expected === 200 ? 'ok' : expect.any(String) });
});

test('POST /group/create without a token → 402', async () => {
  expect((await kit.call(undefined, 'POST', '/group/create', { name: 'x' })).code).toBe(402);
});

test('unknown group → 20001 on every group-scoped route', async () => {
  const f = await fixture();
  for (const row of ROWS) {
    const params: Record<string, unknown> = { ...row.params(f), group_id: 987_654_321 };
    if (row.path === '/group/application_list') params.group_list = [987_654_321];
    expect([row.path, (await kit.call(f.owner, 'POST', row.path, params)).code]).toEqual([row.path, 20001]);
  }
});

/**
 * The official builds on floo-server's friend and group management: roster and group notices decode
 * and reach the official event handlers without a TypeError or flooError, and the official manager
 * calls (REST) work against floo-server.
 */
import { rest } from '../support/server-harness';
import { describeOfficialBuilds } from './support/builds';
import { waitUntil } from './support/clock';
import { CompatSession, DEMO_PASSWORD, idString, sleep } from './support/compat-session';

type Call = (params: Record<string, unknown>) => Promise<unknown>;
const call = (manager: Record<string, unknown>, name: string): Call => manager[name] as Call;

interface RawNotice { payload?: { type?: number; from?: { uid?: unknown }; gid?: { uid?: unknown } } }

describeOfficialBuilds('friends and groups', (build) => {
  let s: CompatSession;
  // The legacy mini-program build fires fewer public events (floo-sdk-reference §2.2).
  const legacy = build.label.startsWith('2.0.0');

  beforeEach(async () => {
    s = await CompatSession.start(build.file, build.label);
  });

  afterEach(async () => {
    const problems = s.problems();
    await s.close();
    expect(problems).toEqual([]);
  });

  test('a friend request and its acceptance reach the official apps as onRosterApplied / onRosterAccepted', async () => {
    const reg = await rest(s.server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'dave', password: DEMO_PASSWORD } });
    expect(reg.code).toBe(200);
    const alice = await s.launch('alice');
    const dave = await s.launch('dave');
    await call(dave.im.rosterManage, 'asyncApply')({ user_id: Number(s.uid('alice')), alias: 'hello from dave' });
    let daveId: string;
    if (legacy) {
      // 2.0.0 has no public event for APPLIED (it only stores the notice): read the application list.
      const list = (await call(alice.im.rosterManage, 'asyncGetApplyList')({ cursor: '' })) as Array<{ user_id: unknown; reason: string }>;
      expect(list[0]?.reason).toBe('hello from dave');
      daveId = idString(list[0]?.user_id);
    } else {
      const applied = await alice.events.waitFor<RawNotice>('onRosterApplied');
      daveId = idString(applied.payload?.from?.uid);
    }
    expect(daveId).not.toBe('');
    await call(alice.im.rosterManage, 'asyncAccept')({ user_id: Number(daveId) });
    await dave.events.waitFor('onRosterAccepted');
    const ids = (await call(dave.im.rosterManage, 'asyncGetRosterIdList')(true as never)) as unknown[];
    expect(ids.map(idString)).toContain(s.uid('alice'));
  });

  test('group create, kick and destroy reach the official apps without errors', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    const group = (await call(alice.im.groupManage, 'asyncCreate')({ name: 'compat group', user_list: [Number(s.uid('bob'))] })) as { group_id: unknown };
    const gid = idString(group.group_id);
    await bob.events.waitFor<RawNotice>('onGroupCreated', (n) => idString(n.payload?.gid?.uid) === gid);
    bob.im.sysManage.sendGroupMessage({ gid, content: 'hi compat group' });
    await alice.events.waitFor<{ content?: string }>('onGroupMessage', (m) => m.content === 'hi compat group');
    const listUpdates = bob.events.all('onGroupListUpdate').length;
    await call(alice.im.groupManage, 'asyncKick')({ group_id: Number(gid), user_list: [Number(s.uid('bob'))] });
    if (legacy) {
      // 2.0.0 drops the group from its cache and fires onGroupListUpdate (no onGroupKicked).
      await waitUntil(() => bob.events.all('onGroupListUpdate').length > listUpdates, 'bob\'s 2.0.0 app updates its group list');
    } else {
      await bob.events.waitFor<RawNotice>('onGroupKicked', (n) => idString(n.payload?.gid?.uid) === gid);
    }
    await call(alice.im.groupManage, 'asyncDestroy')({ group_id: Number(gid) });
    await alice.events.waitFor<RawNotice>('onGroupDestoryed', (n) => idString(n.payload?.gid?.uid) === gid);
    await sleep(100);
  });
});

/**
 * The official builds on floo-server beyond plain chat: a user on two phones, group messages while a
 * member is away, a stranger (not on the roster, so the SDK looks the sender up with string ids),
 * read receipts and recall.
 */
import { connectAs, rest } from '../support/server-harness';
import type { RawClient } from '../support/server-client';
import { describeOfficialBuilds } from './support/builds';
import { CompatSession, DEMO_PASSWORD, idString, received, sleep, type SdkMessage } from './support/compat-session';

const DUPLICATE_WINDOW_MS = 400;

interface RosterApi {
  readRosterMessage(uid: string, mid: string): void;
  recallMessage(uid: string, mid: string): void;
  getAllRosterDetail(): Record<string, { username?: string }>;
}

describeOfficialBuilds('more than chat', (build) => {
  let s: CompatSession;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    s = await CompatSession.start(build.file, build.label);
  });

  afterEach(async () => {
    const problems = s.problems();
    await Promise.all(raws.splice(0).map((c) => c.close()));
    await s.close();
    expect(problems).toEqual([]);
  });

  test('alice on two phones: bob\'s text reaches both once, and what one phone sends shows on the other', async () => {
    const phone1 = await s.launch('alice');
    const phone2 = await s.launch('alice');
    const bob = await s.launch('bob');
    bob.im.sysManage.sendRosterMessage({ uid: s.uid('alice'), content: 'to both phones' });
    for (const phone of [phone1, phone2]) await phone.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'to both phones');
    phone1.im.sysManage.sendRosterMessage({ uid: s.uid('bob'), content: 'sent from phone 1' });
    const mirrored = await phone2.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'sent from phone 1');
    expect(mirrored).toMatchObject({ from: s.uid('alice'), to: s.uid('bob') });
    await bob.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'sent from phone 1');
    await sleep(DUPLICATE_WINDOW_MS);
    for (const phone of [phone1, phone2]) expect(received(phone, 'onRosterMessage', s.uid('bob'))).toHaveLength(1);
    expect(received(phone2, 'onRosterMessage', s.uid('alice'))).toHaveLength(1);
    expect(received(bob, 'onRosterMessage', s.uid('alice'))).toHaveLength(1);
  });

  test('carol\'s app is killed, alice sends 2 group texts, carol\'s app restarts and gets each once', async () => {
    const alice = await s.launch('alice');
    const carol = await s.launch('carol');
    const storage = carol.shim.control.storage;
    s.kill(carol);
    for (const content of ['group while away 1', 'group while away 2']) {
      alice.im.sysManage.sendGroupMessage({ gid: s.groupId, content });
      await sleep(5);
    }
    await alice.events.waitForCount('onSendingMessageStatusChanged', 2, (e) => e.status === 'sent');
    const again = await s.launch('carol', { storage, login: false });
    await again.events.waitForCount<SdkMessage>('onGroupMessage', 2);
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(again, 'onGroupMessage', s.uid('alice')).map((m) => m.content)).toEqual(['group while away 1', 'group while away 2']);
  });

  test('a text from a stranger (not on the roster) arrives once and the SDK can look the stranger up', async () => {
    const reg = await rest(s.server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: 'dave', password: DEMO_PASSWORD } });
    expect(reg.code).toBe(200);
    const alice = await s.launch('alice');
    const dave = await connectAs(s.server, 'dave');
    raws.push(dave);
    expect((await dave.sendText(s.uid('alice'), 'hello from a stranger')).status?.code).toBe(1);
    const m = await alice.events.waitFor<SdkMessage>('onRosterMessage', (x) => x.content === 'hello from a stranger');
    const roster = alice.im.rosterManage as unknown as RosterApi;
    // The SDK fetches the unknown sender with POST /roster/list (2.0.0 sends the id as a string).
    const deadline = Date.now() + 3000;
    while (roster.getAllRosterDetail()[m.from]?.username !== 'dave' && Date.now() < deadline) await sleep(20);
    expect(roster.getAllRosterDetail()[m.from]?.username).toBe('dave');
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(alice, 'onRosterMessage', m.from)).toHaveLength(1);
  });

  test('typing: bob sees alice typing, and the server stores nothing', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    (alice.im.sysManage.sendInputStatusMessage as (uid: string, status: string) => void)(s.uid('bob'), 'typing');
    const typing = await bob.events.waitFor<{ from: unknown; ext: unknown }>('onInputStatusMessage');
    expect(idString(typing.from)).toBe(s.uid('alice'));
    expect(JSON.stringify(typing.ext)).toContain('typing');
    await sleep(DUPLICATE_WINDOW_MS);
    // Both builds also pass the typing item to onRosterMessage (the app filters on ext.input_status).
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(['']);
    const raw = await connectAs(s.server, 'bob');
    raws.push(raw);
    expect((await raw.history(s.uid('alice'))).metas ?? []).toEqual([]);
  });

  test('bob\'s read receipt reaches alice; alice\'s recall reaches bob', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    alice.im.sysManage.sendRosterMessage({ uid: s.uid('bob'), content: 'please read' });
    const got = await bob.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'please read');
    // Alice files her copy under the server id only 20 ms after the ack (a timer in the SDK); a read
    // receipt arriving before that finds nothing to mark. A person does not read that fast.
    await alice.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'please read');
    (bob.im.rosterManage as unknown as RosterApi).readRosterMessage(s.uid('alice'), got.id);
    await alice.events.waitFor('onMessageStatusChanged', (e) => idString(e.mid) === got.id);
    const status = (alice.im.sysManage.getMessageStatus as (uid: string, mid: string) => string)(s.uid('bob'), got.id);
    // 2.0.0 looks the acknowledged message up with `id == mid`, where mid is a plain {low, high} object
    // (its bundled protobufjs never builds Longs): the lookup fails and the copy stays unread whatever
    // the server sends. A client bug, listed in docs/compat.md.
    expect(status).toBe(build.major === 2 ? 'unread' : 'read');

    (alice.im.rosterManage as unknown as RosterApi).recallMessage(s.uid('bob'), got.id);
    const recalled = await bob.events.waitFor<{ uid: unknown; mid: unknown }>('onMessageRecalled');
    expect(idString(recalled.mid)).toBe(got.id);
    expect(idString(recalled.uid)).toBe(s.uid('alice'));
  });
});

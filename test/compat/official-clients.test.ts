/**
 * The official Lanying mini-program SDK builds against floo-server: each bundle found in
 * `.official-bundles/` runs unmodified in Node vm contexts (one per app instance) on the wx shim, and
 * must log in, chat 1:1 and in the demo group, receive what was sent while it was away exactly once,
 * and page through history. Without the bundles (they are not in the repository) every case is skipped
 * with a pointer to docs/compat.md.
 */
import { connectAs } from '../support/server-harness';
import { textOf } from '../support/server-client';
import { describeOfficialBuilds } from './support/builds';
import type { OfficialApp } from './support/official-app';
import { CompatSession, received, sleep, type SdkMessage } from './support/compat-session';

/** Time given to a duplicate to show up before "exactly once" is asserted. */
const DUPLICATE_WINDOW_MS = 400;

/** The official client uses Date.now() as client message id: two sends in one millisecond collide. */
const SEND_SPACING_MS = 5;

function isZeroKey(v: unknown): boolean {
  if (v === undefined || v === null || v === 0 || v === '0') return true;
  const l = v as { low?: number; high?: number };
  return typeof l === 'object' && l.low === 0 && l.high === 0;
}

async function sendTexts(app: OfficialApp, to: string, texts: string[]): Promise<void> {
  for (const content of texts) {
    app.im.sysManage.sendRosterMessage({ uid: to, content });
    await sleep(SEND_SPACING_MS);
  }
}

describeOfficialBuilds('messaging', (build) => {
  let s: CompatSession;

  beforeEach(async () => {
    s = await CompatSession.start(build.file, build.label);
  });

  afterEach(async () => {
    const problems = s.problems();
    await s.close();
    expect(problems).toEqual([]);
  });

  test('alice and bob log in as two separate app instances', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    expect(String(alice.im.userManage.getUid())).toBe(s.uid('alice'));
    expect(String(bob.im.userManage.getUid())).toBe(s.uid('bob'));
    expect(alice.shim.control.openSockets()).toHaveLength(1);
    expect(bob.shim.control.openSockets()).toHaveLength(1);
  });

  test('a 1:1 text from alice reaches bob once, under the id alice was acknowledged with', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    alice.im.sysManage.sendRosterMessage({ uid: s.uid('bob'), content: 'hello bob' });
    const got = await bob.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'hello bob');
    expect(got).toMatchObject({ from: s.uid('alice'), to: s.uid('bob'), type: 'text', toType: 'roster' });
    // The sender's copy is re-keyed with the server id from the ack; both sides must agree on it.
    const own = await alice.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'hello bob');
    expect(own.id).toBe(got.id);
    await alice.events.waitFor('onSendingMessageStatusChanged', (e) => e.status === 'sent');
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(bob, 'onRosterMessage', s.uid('alice'))).toHaveLength(1);
  });

  test('a group text in "Floo Demo" reaches bob and carol once each', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    const carol = await s.launch('carol');
    alice.im.sysManage.sendGroupMessage({ gid: s.groupId, content: 'hello group' });
    for (const member of [bob, carol]) {
      const m = await member.events.waitFor<SdkMessage>('onGroupMessage', (x) => x.content === 'hello group');
      expect(m).toMatchObject({ from: s.uid('alice'), to: s.groupId, toType: 'group' });
    }
    const own = await alice.events.waitFor<SdkMessage>('onGroupMessage', (m) => m.content === 'hello group');
    await sleep(DUPLICATE_WINDOW_MS);
    for (const member of [bob, carol]) {
      const got = received(member, 'onGroupMessage', s.uid('alice'));
      expect(got).toHaveLength(1);
      expect(got[0].id).toBe(own.id);
    }
  });

  test('bob\'s app is killed, alice sends 3 texts, bob\'s app restarts (auto-login from storage) and gets each once', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    const storage = bob.shim.control.storage;
    s.kill(bob);
    const texts = ['offline 1', 'offline 2', 'offline 3'];
    await sendTexts(alice, s.uid('bob'), texts);
    await alice.events.waitForCount('onSendingMessageStatusChanged', 3, (e) => e.status === 'sent');
    const again = await s.launch('bob', { storage, login: false });
    await again.events.waitForCount<SdkMessage>('onRosterMessage', 3, (m) => texts.includes(m.content));
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(again, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(texts);
  });

  test('bob logs out, alice sends 3 texts, bob logs in again and gets each once', async () => {
    const alice = await s.launch('alice');
    const bob = await s.launch('bob');
    bob.im.logout();
    await sleep(100);
    const texts = ['while out 1', 'while out 2', 'while out 3'];
    await sendTexts(alice, s.uid('bob'), texts);
    await alice.events.waitForCount('onSendingMessageStatusChanged', 3, (e) => e.status === 'sent');
    const before = bob.events.all('loginSuccess').length;
    bob.im.login({ name: 'bob', password: 'floo-demo' });
    await bob.events.waitForCount('loginSuccess', before + 1);
    await bob.events.waitForCount<SdkMessage>('onRosterMessage', 3, (m) => texts.includes(m.content));
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(texts);
  });

  test('history of a 25-message conversation comes in pages of 10, newest first, without gaps or repeats', async () => {
    // alice writes from a raw protocol client: quick, and a second kind of client in the conversation.
    const rawAlice = await connectAs(s.server, 'alice');
    const texts = Array.from({ length: 25 }, (_, i) => `history ${String(i + 1).padStart(2, '0')}`);
    try {
      for (const t of texts) expect((await rawAlice.sendText(s.uid('bob'), t)).status?.code).toBe(1);
    } finally {
      await rawAlice.close();
    }
    const bob = await s.launch('bob');
    await bob.events.waitForCount<SdkMessage>('onRosterMessage', 25, (m) => texts.includes(m.content));

    const pages: SdkMessage[][] = [];
    let key: unknown = 0;
    for (let i = 0; i < 6; i++) {
      const mark = bob.events.entries.length;
      const answers = bob.events.all('onReceiveHistoryMsg').length;
      bob.im.sysManage.requireHistoryMessage(s.uid('alice'), key as number, 10);
      await bob.events.waitForCount('onReceiveHistoryMsg', answers + 1);
      const fresh = bob.events.entries.slice(mark);
      pages.push(fresh.filter((e) => e.name === 'onRosterMessage').map((e) => e.payload as SdkMessage));
      const answer = fresh.filter((e) => e.name === 'onReceiveHistoryMsg').pop()!.raw as { next: unknown };
      if (isZeroKey(answer.next) || pages[pages.length - 1].length === 0) break;
      key = answer.next;
    }
    const nonEmpty = pages.filter((p) => p.length > 0);
    expect(nonEmpty.map((p) => p.length)).toEqual([10, 10, 5]);
    const newestFirst = nonEmpty.map((p) => {
      // 3.0.x reverses each page (oldest first) and flags it; 2.0.0 keeps the server's order.
      const order = p[0].content > p[p.length - 1].content ? p : [...p].reverse();
      return order.map((m) => m.content);
    }).flat();
    expect(newestFirst).toEqual([...texts].reverse());
    if (build.major === 3) expect(nonEmpty.flat().every((m) => m.isHistory === true)).toBe(true);
  });

  test('an official client and a raw protocol client talk both ways', async () => {
    const alice = await s.launch('alice');
    const carol = await connectAs(s.server, 'carol');
    try {
      alice.im.sysManage.sendRosterMessage({ uid: s.uid('carol'), content: 'to the raw client' });
      await carol.notice(s.uid('alice'));
      const { metas } = await carol.pullAll(s.uid('alice'));
      expect(metas.map(textOf)).toEqual(['to the raw client']);
      expect((await carol.sendText(s.uid('alice'), 'from the raw client')).status?.code).toBe(1);
      await alice.events.waitFor<SdkMessage>('onRosterMessage', (m) => m.content === 'from the raw client');
      await sleep(DUPLICATE_WINDOW_MS);
      expect(received(alice, 'onRosterMessage', s.uid('carol'))).toHaveLength(1);
    } finally {
      await carol.close();
    }
  });
});

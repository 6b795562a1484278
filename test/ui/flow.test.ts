// The demo end to end on one machine: two phones (alice and bob) run app.ts with a real SDK client
// each, through the wx shim, against a real floo-server; pages are rendered by miniprogram-simulate.
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { launchPhone, loginThroughUi, type PageHandle, type Phone } from './support/phone';
import { until } from './support/simulate';

interface Row { key: string; name: string; preview: string; unread: number }
interface Bubble { key: string; text: string; status: string; own: boolean; name: string; showName: boolean }

const rows = (page: PageHandle) => page.data.items as Row[];
const bubbles = (page: PageHandle) => ((page.data.order as number[]) ?? [])
  .flatMap((b) => (page.data.blocks as Array<{ items: Bubble[] }>)[b].items);

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  for (const p of phones) await p.dispose();
  await server.close();
});

test('alice logs in, finds the seeded group, sends; bob sees the badge, opens the chat and gets it live', async () => {
  const alice = launchPhone(server);
  const bob = launchPhone(server);
  phones.push(alice, bob);
  await loginThroughUi(alice, 'alice');
  await loginThroughUi(bob, 'bob');

  // Bob waits on his conversation list (empty: the seed has no messages).
  const bobList = bob.open('/pages/conversations/conversations');
  await until(() => bobList.data.loaded, 'bob\'s list');
  expect(rows(bobList)).toEqual([]);

  // Alice finds the seeded group among her contacts and opens it.
  const contacts = alice.open('/pages/contacts/contacts');
  const groups = await until(() => (contacts.data.groups as Array<{ id: string; name: string }>).length > 0 && contacts.data.groups as Array<{ id: string; name: string }>, 'alice\'s groups');
  expect(groups.map((g) => g.name)).toEqual(['Floo Demo']);
  await contacts.tap(`#group-${groups[0].id}`);
  const chatUrl = alice.lastNavigation()!;
  expect(chatUrl).toBe(`/packages/chat/pages/chat/chat?type=group&id=${server.demo!.groupId}&name=Floo%20Demo`);
  const aliceChat = alice.open(chatUrl);
  expect(alice.calls.filter((c) => c.api === 'setNavigationBarTitle').pop()?.args.title).toBe('Floo Demo');

  // She types and sends: her bubble goes from sending to sent, on the right.
  await aliceChat.type('#input', 'hello from alice');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  const sent = await until(() => bubbles(aliceChat).find((m) => m.text === 'hello from alice' && m.status === 'sent'), 'alice\'s message to be sent');
  expect(sent).toMatchObject({ own: true, showName: false });
  expect(aliceChat.data.anchor).toBe(`b-${sent.key}`);

  // Bob's list shows the group with one unread message, and his first tab's badge says 1.
  await until(() => rows(bobList).length === 1 && rows(bobList)[0].name === 'Floo Demo' && rows(bobList)[0].preview === 'Alice: hello from alice', 'the group row on bob\'s list');
  expect(rows(bobList)[0].unread).toBe(1);
  expect(bob.tabBadge()).toBe('1');

  // He opens it: the message is there, on the left, and the badge goes.
  await bobList.tap(bobList.$(`#conv-${rows(bobList)[0].key}`)!.querySelector('.row'));
  const bobChat = bob.open(bob.lastNavigation()!);
  await until(() => bubbles(bobChat).some((m) => m.text === 'hello from alice' && !m.own), 'the message on bob\'s chat page');
  await until(() => rows(bobList)[0].unread === 0, 'the unread badge to clear');
  expect(bob.tabBadge()).toBe('');

  // Alice writes again: it arrives live on bob's open chat page, under her name.
  await aliceChat.type('#input', 'are you there?');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  await until(() => bubbles(bobChat).find((m) => m.text === 'are you there?' && m.name === 'Alice' && m.showName && !m.own), 'the live message with its sender\'s name');
  // Read on arrival, because the page is open.
  await until(() => rows(bobList)[0].unread === 0 && rows(bobList)[0].preview === 'Alice: are you there?', 'the list to follow');
});

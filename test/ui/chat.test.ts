// The chat page: bubbles left and right, history paged by pulling down, a refused message shown as
// failed and sent again on tap.
import { uidOf } from '../support/server-harness';
import { uiSession, type PageHandle } from './support/phone';
import { until } from './support/simulate';

interface Bubble { key: string; text: string; status: string; own: boolean; hidden: boolean; time: string }
const bubbles = (page: PageHandle) => (page.data.order as number[])
  .flatMap((b) => (page.data.blocks as Array<{ items: Bubble[] }>)[b].items);

const ui = uiSession();
const loggedIn = (name: string) => ui.loggedIn(name);

const chatWith = (name: string, label = name) => `/packages/chat/pages/chat/chat?type=user&id=${uidOf(ui.server, name)}&name=${label}`;

test('1:1: own messages on the right, the peer\'s on the left, newest scrolled into view', async () => {
  const [alice, bob] = [await loggedIn('alice'), await loggedIn('bob')];
  const aliceChat = alice.open(chatWith('bob', 'Bob'));
  const bobChat = bob.open(chatWith('alice', 'Alice'));
  await aliceChat.type('#input', 'ping');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  await until(() => bubbles(bobChat).find((b) => b.text === 'ping' && !b.own), 'ping at bob');
  await bobChat.type('#input', 'pong');
  await bobChat.tap(bobChat.$('#input')!.querySelector('#send'));
  const pong = await until(() => bubbles(aliceChat).find((b) => b.text === 'pong'), 'pong at alice');
  expect(pong.own).toBe(false);
  expect(bubbles(aliceChat).map((b) => [b.text, b.own])).toEqual([['ping', true], ['pong', false]]);
  expect(aliceChat.data.anchor).toBe(`b-${pong.key}`);
  // The first bubble carries a time separator; the second, a moment later, does not.
  expect(bubbles(aliceChat)[0].time).not.toBe('');
  expect(bubbles(aliceChat)[1].time).toBe('');
  // Drawn right and left.
  expect(aliceChat.$(`#b-${bubbles(aliceChat)[0].key} .message >>> .row--own`)).toBeTruthy();
  expect(aliceChat.$(`#b-${pong.key} .message >>> .row--own`)).toBeFalsy();
  expect(aliceChat.$(`#b-${pong.key} .message >>> .row`)).toBeTruthy();
});

test('pulling down pages through the history, newest page first, without duplicates', async () => {
  const carol = await loggedIn('carol');
  const to = { type: 'user' as const, id: uidOf(ui.server, 'bob') };
  for (let i = 1; i <= 45; i++) await carol.app.im.client.messages.sendText(to, `m${i}`);

  // Bob on a new device: his local store starts empty, the page fetches the newest page itself.
  const bob = await loggedIn('bob');
  const chat = bob.open(chatWith('carol', 'Carol'));
  await until(() => bubbles(chat).length > 0 && !chat.data.loadingOlder, 'the first messages');
  const texts = () => bubbles(chat).map((b) => b.text);
  expect(texts()[texts().length - 1]).toBe('m45');
  while (chat.data.hasMore) {
    const before = texts().length;
    await chat.call('onLoadOlder');
    expect(texts().length).toBeGreaterThanOrEqual(before);
  }
  expect(texts()).toEqual(Array.from({ length: 45 }, (_, i) => `m${i + 1}`));
  expect(chat.data.order).toEqual(expect.arrayContaining([0]));
});

test('a message the ui.server refuses is shown as failed; tapping it sends it again', async () => {
  const alice = await loggedIn('alice');
  const chat = alice.open('/packages/chat/pages/chat/chat?type=user&id=999999&name=nobody');
  await until(() => chat.data.hasMore === false || bubbles(chat).length === 0, 'the empty chat');
  await chat.type('#input', 'anyone?');
  await chat.tap(chat.$('#input')!.querySelector('#send'));
  const failed = await until(() => bubbles(chat).find((b) => b.text === 'anyone?' && b.status === 'failed'), 'the failed bubble');
  await chat.tap(chat.$(`#b-${failed.key} .message >>> .state--failed`));
  await until(() => bubbles(chat).filter((b) => b.text === 'anyone?').length === 2, 'the second attempt');
  const [first, second] = bubbles(chat).filter((b) => b.text === 'anyone?');
  expect(first.hidden).toBe(true);
  expect(second.hidden).toBe(false);
  await until(() => bubbles(chat).filter((b) => b.text === 'anyone?')[1].status === 'failed', 'the second refusal');
});

// A recall the server refuses: with a recall window of 1 ms every recall is too late, and the chat
// page says so in words (MessageOutRecallTime) while the message stays on both phones.
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { launchPhone, loginThroughUi, type Phone } from './support/phone';
import { until } from './support/simulate';
import { bubbleWhere, isSent, longPress, userChat } from './support/chat-page';

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer({ recallWindowMs: 1 }); });
afterAll(async () => {
  for (const p of phones) await p.dispose();
  await server.close();
});

async function phoneOf(name: string): Promise<Phone> {
  const p = launchPhone(server);
  phones.push(p);
  await loginThroughUi(p, name);
  return p;
}

test('recall after the server\'s window: a toast says it is too late, and nothing changes', async () => {
  const alice = await phoneOf('alice');
  const bob = await phoneOf('bob');
  const aliceChat = alice.open(userChat(server, 'bob', 'Bob'));
  const bobChat = bob.open(userChat(server, 'alice', 'Alice'));
  await aliceChat.type('#input', 'too late to take back');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  const mine = await bubbleWhere(aliceChat, (b) => b.text === 'too late to take back' && isSent(b), 'the sent text');
  await bubbleWhere(bobChat, (b) => b.text === 'too late to take back', 'the text at bob');
  await new Promise((r) => setTimeout(r, 5));
  await longPress(alice, aliceChat, mine.key, '撤回');
  const toast = await until(() => alice.calls.find((c) => c.api === 'showToast'), 'the toast');
  expect(toast.args.title).toBe('发送时间超过 5 分钟，无法撤回');
  await new Promise((r) => setTimeout(r, 50));
  expect((await bubbleWhere(aliceChat, (b) => b.key === mine.key, 'alice\'s bubble')).kind).toBe('text');
  expect((await bubbleWhere(bobChat, (b) => b.text === 'too late to take back', 'bob\'s bubble')).kind).toBe('text');
});

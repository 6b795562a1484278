import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { Message } from '../../../sdk/src/core/types';
import { KINDS, makePlatform } from './platforms';

let server: RunningServer;
const clients: FlooClient[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { for (const c of clients) await c.close(); await server.close(); });

function client(kind: (typeof KINDS)[number]) {
  const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'warn' }, makePlatform(kind).platform);
  clients.push(c);
  return c;
}

test.each(KINDS)('%s: alice and bob chat 1:1 and in the group, mark read, page history', async (kind) => {
  const alice = client(kind);
  const bob = client(kind);
  const a = await alice.login({ username: 'alice', password: 'floo-demo' });
  const b = await bob.login({ username: 'bob', password: 'floo-demo' });
  const got = new Promise<Message>((resolve) => bob.on('message', resolve));
  const sent = await alice.messages.sendText({ type: 'user', id: b.userId }, 'hi bob');
  expect(sent.status).toBe('sent');
  expect(sent.id).toMatch(/^[0-9]+$/);
  const m = await got;
  expect(m).toMatchObject({ id: sent.id, content: 'hi bob', from: a.userId, conversation: { type: 'user', id: a.userId }, status: 'unread' });
  expect(bob.conversations.list()[0]).toMatchObject({ unread: 1 });
  await bob.conversations.markRead({ type: 'user', id: a.userId });
  expect(bob.conversations.totalUnread()).toBe(0);
  const gid = String(server.demo!.groupId);
  const gotGroup = new Promise<Message>((resolve) => bob.on('message', (mm) => mm.conversation.type === 'group' && resolve(mm)));
  await alice.messages.sendText({ type: 'group', id: gid }, 'hi all');
  expect((await gotGroup).content).toBe('hi all');
  const page = await bob.messages.history({ type: 'user', id: a.userId }, { limit: 10 });
  expect(page.messages.map((x) => x.content)).toContain('hi bob');
});

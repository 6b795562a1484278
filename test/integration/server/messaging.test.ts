/** 1:1 and group messaging among raw protocol clients: send, ack, notice, pull, history, operations. */
import { Command, ConvType, MessageType, NameSpace, OpType, QoS, type Meta } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient, textOf } from '../../support/server-client';
import { connectAs, login, rest, startTestServer, uidOf } from '../../support/server-harness';

let server: RunningServer;
const open: RawClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.close();
});

async function as(name: string, guid?: string): Promise<RawClient> {
  const c = await connectAs(server, name, guid);
  open.push(c);
  return c;
}

test('provision assigns a real device SN and UNREAD lists the demo group', async () => {
  const alice = await as('alice');
  expect(alice.uid).toBe(uidOf(server, 'alice'));
  expect(alice.deviceSN).toBeGreaterThan(0);
  expect(alice.deviceSN).toBeLessThan(999_999_999);
  const unread = await alice.unread();
  expect(unread.status?.code).toBe(1);
  expect(unread.unread).toEqual([{ xid: { uid: String(server.demo?.groupId), deviceSN: 0 }, n: 0, type: ConvType.GROUPCHAT }]);
});

test('1:1 message: ack at once, notice to the peer, pull with ack, no redelivery', async () => {
  const alice = await as('alice');
  const bob = await as('bob');
  const a = uidOf(server, 'alice');
  const b = uidOf(server, 'bob');

  const ack = await alice.sendText(b, 'hello bob');
  expect(ack.status).toEqual({ code: 1 });
  expect(ack.xid).toEqual({ uid: b, deviceSN: 0 });
  expect(Number(ack.server_mid)).toBeGreaterThan(0);
  expect(Number(ack.server_mid)).toBeLessThan(2 ** 53);
  expect(Number(ack.server_time)).toBeGreaterThan(0);

  await bob.notice(a);
  const unread = await bob.unread();
  expect(unread.unread).toContainEqual({ xid: { uid: a, deviceSN: 0 }, n: 1, type: ConvType.CHAT });

  const first = await bob.pullOnce(a);
  expect(first.status).toEqual({ code: 1 });
  expect(first.xid).toEqual({ uid: a, deviceSN: 0 });
  expect(first.metas).toHaveLength(1);
  const meta = first.metas?.[0] as Meta & { ns: 1 };
  expect(meta.id).toBe(ack.server_mid);
  expect(meta.from).toEqual({ uid: a, deviceSN: alice.deviceSN });
  expect(meta.to).toEqual({ uid: b, deviceSN: 0 });
  expect(meta.ns).toBe(NameSpace.MESSAGE);
  expect(meta.payload?.content).toBe('hello bob');
  expect(meta.payload?.status).toBe(0);
  expect(first.next_key).toBe(ack.server_mid);

  const done = await bob.pullOnce(a, first.next_key);
  expect(done.metas ?? []).toHaveLength(0);
  expect(done.next_key).toBe('0');
  expect(done.status).toEqual({ code: 1 });
  expect(done.xid).toEqual({ uid: a, deviceSN: 0 });
  expect((await bob.pullAll(a)).metas).toHaveLength(0);
  expect((await bob.unread()).unread).toContainEqual({ xid: { uid: a, deviceSN: 0 }, n: 0, type: ConvType.CHAT });
  // The sending device never gets its own message back.
  expect((await alice.pullAll(b)).metas).toHaveLength(0);
});

test("the sender's other device receives the copy, filed under the peer", async () => {
  const phone = await as('alice', 'alice-phone');
  const laptop = await as('alice', 'alice-laptop');
  expect(laptop.deviceSN).not.toBe(phone.deviceSN);
  const b = uidOf(server, 'bob');
  const ack = await phone.sendText(b, 'from my phone');
  await laptop.notice(b);
  const { metas } = await laptop.pullAll(b);
  expect(metas.map((m) => m.id)).toEqual([ack.server_mid]);
  // Own copies come marked read.
  expect((metas[0] as Meta & { ns: 1 }).payload?.status).toBe(2);
});

test('group message among three: every other member gets it, the sender device does not', async () => {
  const alice = await as('alice');
  const bob = await as('bob');
  const carol = await as('carol');
  const gid = String(server.demo?.groupId);
  const ack = await bob.sendText(gid, 'hi all', { group: true });
  expect(ack.status).toEqual({ code: 1 });
  expect(ack.xid).toEqual({ uid: gid, deviceSN: 0 });
  await Promise.all([alice.notice(gid), carol.notice(gid)]);
  for (const c of [alice, carol]) {
    const { metas } = await c.pullAll(gid);
    expect(metas.map(textOf)).toEqual(['hi all']);
    expect(metas[0].from?.uid).toBe(uidOf(server, 'bob'));
    expect(metas[0].to?.uid).toBe(gid);
  }
  expect((await bob.pullAll(gid)).metas).toHaveLength(0);
});

test('sending to a group one is not in is refused with client_mid and stores nothing', async () => {
  const alice = await as('alice');
  const dave = await registerAndConnect('dave');
  const gid = String(server.demo?.groupId);
  const ack = await dave.sendText(gid, 'let me in', { group: true, clientMid: '123456' });
  expect(ack.client_mid).toBe('123456');
  expect(ack.status?.code).toBe(9);
  expect(ack.xid).toEqual({ uid: gid, deviceSN: 0 });
  expect(ack.server_mid).toBeUndefined();
  const history = await alice.history(gid);
  expect(history.metas ?? []).toHaveLength(0);
  // Unknown recipients are refused too.
  const bad = await dave.sendText('999999999', 'anyone?');
  expect(bad.status?.code).toBe(8);
});

async function registerAndConnect(name: string): Promise<RawClient> {
  expect((await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: name, password: 'secret-pw' } })).code).toBe(200);
  const { token, userId } = await login(server, name, 'secret-pw');
  const c = await RawClient.connect(server.url);
  open.push(c);
  await c.provision({ uid: userId, token });
  return c;
}

test('paging: more than three pages, ascending, each acknowledged exactly once', async () => {
  await server.close();
  server = await startTestServer({ syncBatchSize: 5 });
  const alice = await as('alice');
  const b = uidOf(server, 'bob');
  const sent: string[] = [];
  for (let i = 0; i < 18; i++) sent.push((await alice.sendText(b, `m${i}`)).server_mid as string);
  const bob = await as('bob');
  const unread = await bob.unread();
  expect(unread.unread).toContainEqual({ xid: { uid: uidOf(server, 'alice'), deviceSN: 0 }, n: 18, type: ConvType.CHAT });
  const { metas, pages } = await bob.pullAll(uidOf(server, 'alice'));
  expect(pages).toBe(5); // 5 + 5 + 5 + 3, then the empty closing page
  expect(metas.map(textOf)).toEqual(sent.map((_, i) => `m${i}`));
  expect(metas.map((m) => m.id)).toEqual(sent);
  const ids = sent.map(Number);
  expect([...ids].sort((x, y) => x - y)).toEqual(ids);
});

test('a retried send (same device, same client_mid) returns the same server_mid and is stored once', async () => {
  const alice = await as('alice');
  const b = uidOf(server, 'bob');
  const meta = alice.messageMeta(b, { type: MessageType.CHAT, ctype: 0, content: 'once' }, '1795320211085');
  const first = await alice.upload(meta);
  const second = await alice.upload(meta);
  expect(second.status).toEqual({ code: 1 });
  expect(second.server_mid).toBe(first.server_mid);
  // Same millisecond id, different content: a different message (the official client's ids collide).
  const other = await alice.upload(alice.messageMeta(b, { type: MessageType.CHAT, ctype: 0, content: 'twice' }, '1795320211085'));
  expect(other.server_mid).not.toBe(first.server_mid);
  const bob = await as('bob');
  expect((await bob.pullAll(uidOf(server, 'alice'))).metas.map(textOf)).toEqual(['once', 'twice']);
});

test('history: newest first, paged by key, READ status on copies the user has read', async () => {
  const alice = await as('alice');
  const bob = await as('bob');
  const a = uidOf(server, 'alice');
  const b = uidOf(server, 'bob');
  const mids: string[] = [];
  for (let i = 0; i < 5; i++) mids.push((await alice.sendText(b, `h${i}`)).server_mid as string);
  await bob.pullAll(a);
  // Bob reads h1: READ_ACK to the original sender.
  const readAck = bob.messageMeta(a, { type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.READ_ACK, mid: mids[1] } });
  expect((await bob.upload(readAck)).status).toEqual({ code: 1 });
  await alice.notice(b);
  const ops = (await alice.pullAll(b)).metas;
  expect(ops).toHaveLength(1);
  expect((ops[0] as Meta & { ns: 1 }).payload?.operation).toEqual({ type: OpType.READ_ACK, mid: mids[1] });

  const page1 = await bob.history(a, '0', 3);
  expect(page1.is_full_sync).toBe(true);
  expect(page1.status).toEqual({ code: 1 });
  expect(page1.metas?.map(textOf)).toEqual(['h4', 'h3', 'h2']);
  expect(page1.next_key).toBe(mids[2]);
  const page2 = await bob.history(a, page1.next_key, 3);
  expect(page2.metas?.map(textOf)).toEqual(['h1', 'h0']);
  expect(page2.metas?.map((m) => (m as Meta & { ns: 1 }).payload?.status)).toEqual([2, 0]);
  const page3 = await bob.history(a, page2.next_key, 3);
  expect(page3.metas ?? []).toHaveLength(0);
  expect(page3.next_key).toBe('0');
  // The sender's history holds its own messages, read.
  const own = await alice.history(b, '0', 10);
  expect(own.metas?.map(textOf)).toEqual(['h4', 'h3', 'h2', 'h1', 'h0']);
});

test('READ_ALL and DELETE go to own other devices; RECALL reaches the peer and hides the message', async () => {
  const phone = await as('alice', 'p');
  const laptop = await as('alice', 'l');
  const bob = await as('bob');
  const a = uidOf(server, 'alice');
  const b = uidOf(server, 'bob');
  const m1 = (await bob.sendText(a, 'one')).server_mid as string;
  const m2 = (await bob.sendText(a, 'two')).server_mid as string;
  await phone.pullAll(b);
  await laptop.pullAll(b);

  const readAll = phone.messageMeta(a, { type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.READ_ALL, mid: m2, xid: { uid: b, deviceSN: 0 } } });
  expect((await phone.upload(readAll)).status).toEqual({ code: 1 });
  await laptop.notice(a);
  const own = await laptop.pullAll(a);
  expect((own.metas[0] as Meta & { ns: 1 }).payload?.operation?.type).toBe(OpType.READ_ALL);
  expect((await phone.history(b)).metas?.map((m) => (m as Meta & { ns: 1 }).payload?.status)).toEqual([2, 2]);

  const recall = bob.messageMeta(a, { type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.RECALL, mid: m1, xid: { uid: a, deviceSN: 0 } } });
  expect((await bob.upload(recall)).status).toEqual({ code: 1 });
  await phone.notice(b);
  const recalled = await phone.pullAll(b);
  expect((recalled.metas[0] as Meta & { ns: 1 }).payload?.operation).toMatchObject({ type: OpType.RECALL, mid: m1 });
  expect((await phone.history(b)).metas?.map(textOf)).toEqual(['two']);
  // Only the author may recall.
  const foreign = phone.messageMeta(b, { type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.RECALL, mid: m2 } });
  expect((await phone.upload(foreign)).status?.code).not.toBe(1);

  const del = phone.messageMeta(a, { type: MessageType.OPER, ctype: 6, content: '', operation: { type: OpType.DELETE, mid: m2, xid: { uid: b, deviceSN: 0 } } });
  expect((await phone.upload(del)).status).toEqual({ code: 1 });
  expect((await phone.history(b)).metas ?? []).toHaveLength(0);
  expect((await bob.history(a)).metas?.map(textOf)).toEqual(['two']);
});

test('typing (AT_MOST_ONCE) reaches online devices only and is not stored', async () => {
  const alice = await as('alice');
  const bob = await as('bob');
  const a = uidOf(server, 'alice');
  const b = uidOf(server, 'bob');
  const typing = alice.messageMeta(b, { type: MessageType.CHAT, ctype: 0, content: '', ext: '{"input_status":"typing"}', qos: QoS.AT_MOST_ONCE });
  const ack = await alice.upload(typing);
  expect(ack.status).toEqual({ code: 1 });
  const eager = await bob.nextSync((dl) => (dl.metas ?? []).length === 1);
  expect(eager.status).toEqual({ code: 1 });
  expect(eager.xid).toEqual({ uid: a, deviceSN: 0 });
  expect(eager.next_key).toBe('0');
  expect((eager.metas?.[0] as Meta & { ns: 1 }).payload?.ext).toBe('{"input_status":"typing"}');
  expect((await bob.pullAll(a)).metas).toHaveLength(0);
  expect((await bob.history(a)).metas ?? []).toHaveLength(0);
});

test('odd but valid uploads are acknowledged: ctype -1, conversation ops without to, RTC with an empty to', async () => {
  const alice = await as('alice');
  const laptop = await as('alice');
  const b = uidOf(server, 'bob');
  const custom = await alice.upload(alice.messageMeta(b, { type: MessageType.CHAT, ctype: -1, content: 'custom' }));
  expect(custom.status).toEqual({ code: 1 });

  const convOp: Meta = {
    id: '1795320211999', from: { uid: alice.uid, deviceSN: alice.deviceSN }, timestamp: String(Date.now()), ns: NameSpace.CONVERSATION,
    payload: { type: 1, operation: { type: 2, xid: { uid: b, deviceSN: 0 } } },
  };
  const convAck = await alice.upload(convOp);
  expect(convAck.status).toEqual({ code: 1 });
  expect(convAck.xid).toEqual({ uid: '0', deviceSN: 0 });
  await laptop.notice(alice.uid);
  const synced = await laptop.pullAll(alice.uid);
  expect(synced.metas.map((m) => m.ns)).toContain(NameSpace.CONVERSATION);
  // The deleted conversation leaves the list (until a newer message arrives).
  expect((await alice.unread()).unread?.some((u) => u.xid?.uid === b)).toBe(false);

  const rtc: Meta = {
    id: '1795320211998', from: { uid: alice.uid, deviceSN: alice.deviceSN }, to: {}, timestamp: String(Date.now()), ns: NameSpace.RTC_SIGNAL,
    payload: { type: 1, content: '{"janus":"create"}', media_server: 'ws://x' },
  };
  expect((await alice.upload(rtc)).status).toEqual({ code: 1 });
  // Explicit zeros everywhere still work.
  alice.send({ command: Command.SYNC, payload: { xid: { uid: b, deviceSN: 0 }, key: '0', is_full_sync: false, full_sync_num: 0 } });
  expect((await alice.nextSync((dl) => dl.xid?.uid === b)).status).toEqual({ code: 1 });
});

/**
 * Message operations against a real floo-server (docs/rich-messages.md, "Operations"): recall (window,
 * sender, group owner and admins, non-members), edit, delete for me, group read receipts and typing.
 * The server clock is moved past the recall window instead of waiting.
 */
import { ConvType, OpType, QoS } from 'floo-miniprogram/protocol';
import type { User } from './groups-support';
import { body, historyIds, messageServer, op, pulled, reasonCode, send, WINDOW_MS } from './message-support';

let k: Awaited<ReturnType<typeof messageServer>>;

afterEach(async () => {
  await k.stop();
});

const text = (content: string) => ({ ctype: 0 as const, content });

describe('recall', () => {
  beforeEach(async () => {
    k = await messageServer();
  });

  test('within the window: the peer, the other own device and a device online later are told; history forgets it', async () => {
    const alice = await k.newUser('alice');
    const bob = await k.newUser('bob');
    // Bob's tablet exists before the conversation, then stays offline.
    await (await k.deviceAs(bob, 'tablet')).close();
    const a1 = await k.deviceAs(alice, 'phone');
    const a2 = await k.deviceAs(alice, 'laptop');
    const b1 = await k.deviceAs(bob, 'phone');
    const gone = await send(a1, bob.userId, text('oops'));
    const keep = await send(a1, bob.userId, text('keep'));
    expect((await pulled(b1, alice.userId)).map((m) => m.id)).toEqual([gone.server_mid, keep.server_mid]);

    const recall = await op(a1, bob.userId, OpType.RECALL, gone.server_mid);
    expect(recall.status).toEqual({ code: 1 });
    await b1.notice(alice.userId);
    const told = await pulled(b1, alice.userId);
    expect(told.map((m) => body(m).operation)).toEqual([{ type: OpType.RECALL, mid: gone.server_mid, xid: { uid: String(bob.userId), deviceSN: 0 } }]);
    // The laptop had not pulled yet: it never gets the recalled content, only the recall.
    expect((await pulled(a2, bob.userId)).map((m) => m.id)).toEqual([keep.server_mid, recall.server_mid]);

    expect(await historyIds(a1, bob.userId)).toEqual([keep.server_mid]);
    expect(await historyIds(b1, alice.userId)).toEqual([keep.server_mid]);
    const tablet = await k.deviceAs(bob, 'tablet');
    expect((await pulled(tablet, alice.userId)).map((m) => m.id)).toEqual([keep.server_mid, recall.server_mid]);
    expect(await historyIds(tablet, alice.userId)).toEqual([keep.server_mid]);
    expect((await tablet.unread()).unread).toContainEqual({ xid: { uid: String(alice.userId), deviceSN: 0 }, n: 0, type: ConvType.CHAT });
    // A repeated recall (a retry after a lost ack) is fine.
    expect((await op(a1, bob.userId, OpType.RECALL, gone.server_mid)).status).toEqual({ code: 1 });
  });

  test('a device online later skips whole pages of recalled messages', async () => {
    await k.stop();
    k = await messageServer({ syncBatchSize: 2 });
    const alice = await k.newUser('alice');
    const bob = await k.newUser('bob');
    await (await k.deviceAs(bob, 'tablet')).close();
    const a1 = await k.deviceAs(alice, 'phone');
    const sent = [];
    for (const t of ['a', 'b', 'c']) sent.push((await send(a1, bob.userId, text(t))).server_mid);
    const recalls = [];
    for (const mid of sent) recalls.push((await op(a1, bob.userId, OpType.RECALL, mid)).server_mid);
    const tablet = await k.deviceAs(bob, 'tablet');
    expect((await pulled(tablet, alice.userId)).map((m) => m.id)).toEqual(recalls);
    expect((await tablet.unread()).unread).toContainEqual({ xid: { uid: String(alice.userId), deviceSN: 0 }, n: 0, type: ConvType.CHAT });
    expect(await historyIds(tablet, alice.userId)).toEqual([]);
  });

  test('after the window the sender is refused with MessageOutRecallTime; others with UserPermissionDenied or MessageInvalid', async () => {
    const alice = await k.newUser('alice');
    const bob = await k.newUser('bob');
    const carol = await k.newUser('carol');
    const a1 = await k.deviceAs(alice, 'phone');
    const b1 = await k.deviceAs(bob, 'phone');
    const c1 = await k.deviceAs(carol, 'phone');
    const m = await send(a1, bob.userId, text('late'));

    const byBob = await op(b1, alice.userId, OpType.RECALL, m.server_mid);
    expect(byBob.status?.code).toBe(9);
    expect(reasonCode(byBob)).toBe('UserPermissionDenied');
    const byCarol = await op(c1, alice.userId, OpType.RECALL, m.server_mid);
    expect(byCarol.status?.code).toBe(8);
    expect(reasonCode(byCarol)).toBe('MessageInvalid');
    const unknown = await op(a1, bob.userId, OpType.RECALL, '123456789');
    expect(unknown.status?.code).toBe(8);
    expect(reasonCode(unknown)).toBe('MessageInvalid');

    k.advance(WINDOW_MS + 1000);
    const late = await op(a1, bob.userId, OpType.RECALL, m.server_mid);
    expect(late.status?.code).toBe(9);
    expect(reasonCode(late)).toBe('MessageOutRecallTime');
    expect(late.client_mid).toBeDefined();
    expect(await historyIds(b1, alice.userId)).toEqual([m.server_mid]);
    expect(await historyIds(a1, bob.userId)).toEqual([m.server_mid]);
    // Nothing was queued for the refused operations.
    expect(await pulled(b1, alice.userId)).toHaveLength(1);
  });

  test('in a group: the owner recalls anyone, admins ordinary members at any time, members only their own in time', async () => {
    const [owner, admin, admin2, m1, m2, outsider] = await users(['owner', 'admin', 'admin2', 'm1', 'm2', 'out']);
    const gid = await k.createGroup(owner, [admin, admin2, m1, m2]);
    await k.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin.userId, admin2.userId] });
    const [o, a, a2, d1, d2, x] = await Promise.all([owner, admin, admin2, m1, m2, outsider].map((u) => k.deviceAs(u, 'phone')));
    const ofM1 = await send(d1, gid, text('m1 says'), true);
    const ofM2 = await send(d2, gid, text('m2 says'), true);
    const ofOwner = await send(o, gid, text('owner says'), true);
    const ofAdmin2 = await send(a2, gid, text('admin2 says'), true);
    k.advance(WINDOW_MS + 1000);

    const expectRefused = async (p: Promise<{ status?: { code?: number; reason?: string } }>, code: number, name: string) => {
      const dl = await p;
      expect(dl.status?.code).toBe(code);
      expect(dl.status?.reason?.split(':')[0]).toBe(name);
    };
    await expectRefused(op(d1, gid, OpType.RECALL, ofM2.server_mid), 9, 'UserPermissionDenied');
    await expectRefused(op(d1, gid, OpType.RECALL, ofM1.server_mid), 9, 'MessageOutRecallTime');
    await expectRefused(op(a, gid, OpType.RECALL, ofOwner.server_mid), 9, 'UserPermissionDenied');
    await expectRefused(op(a, gid, OpType.RECALL, ofAdmin2.server_mid), 9, 'UserPermissionDenied');
    await expectRefused(op(x, gid, OpType.RECALL, ofM2.server_mid), 8, 'MessageInvalid');

    const byAdmin = await op(a, gid, OpType.RECALL, ofM1.server_mid);
    expect(byAdmin.status).toEqual({ code: 1 });
    await d2.notice(gid);
    const told = await pulled(d2, gid);
    expect(told.map((m) => body(m).operation?.type)).toContain(OpType.RECALL);
    expect(told.find((m) => body(m).operation?.type === OpType.RECALL)?.from?.uid).toBe(String(admin.userId));
    expect((await op(o, gid, OpType.RECALL, ofAdmin2.server_mid)).status).toEqual({ code: 1 });
    for (const c of [o, d1, d2]) expect(await historyIds(c, gid)).toEqual([ofOwner.server_mid, ofM2.server_mid]);

    // Someone who left keeps no rights over their messages; the admin may still recall them.
    await k.ok(m2, 'POST', '/group/leave', { group_id: gid });
    await expectRefused(op(d2, gid, OpType.RECALL, ofM2.server_mid), 9, 'GroupNotMemberFound');
    expect((await op(a, gid, OpType.RECALL, ofM2.server_mid)).status).toEqual({ code: 1 });
    expect(await historyIds(d1, gid)).toEqual([ofOwner.server_mid]);
  });
});

async function users(names: string[]): Promise<User[]> {
  const out: User[] = [];
  for (const n of names) out.push(await k.newUser(n));
  return out;
}

describe('edit and delete', () => {
  beforeEach(async () => {
    k = await messageServer();
  });

  test('edit: the sender only, text and custom only, no time limit, not once recalled', async () => {
    const [alice, bob] = await users(['alice', 'bob']);
    const a1 = await k.deviceAs(alice, 'phone');
    const b1 = await k.deviceAs(bob, 'phone');
    const t = await send(a1, bob.userId, text('helo'));
    const image = await send(a1, bob.userId, { ctype: 1, content: '', attachment: '{"url":"u","dName":"a.png","fLen":1}' });
    const custom = await send(a1, bob.userId, { ctype: -1, content: 'custom', ext: '{"custom_type":"poll"}' });
    const recalled = await send(a1, bob.userId, text('never mind'));
    expect((await op(a1, bob.userId, OpType.RECALL, recalled.server_mid)).status).toEqual({ code: 1 });
    await pulled(b1, alice.userId);

    const edit = await op(a1, bob.userId, OpType.REPLACE, t.server_mid, { content: 'hello' });
    expect(edit.status).toEqual({ code: 1 });
    expect(Number(edit.edit_timestamp)).toBeGreaterThan(0);
    await b1.notice(alice.userId);
    const told = await pulled(b1, alice.userId);
    expect(told.map((m) => [body(m).operation?.type, body(m).content])).toEqual([[OpType.REPLACE, 'hello']]);
    expect(body(told[0]).edit_timestamp).toBe(edit.edit_timestamp);

    const byBob = await op(b1, alice.userId, OpType.REPLACE, t.server_mid, { content: 'mine now' });
    expect(byBob.status?.code).toBe(9);
    expect(reasonCode(byBob)).toBe('UserPermissionDenied');
    const onImage = await op(a1, bob.userId, OpType.REPLACE, image.server_mid, { content: 'x' });
    expect(onImage.status?.code).toBe(8);
    expect(reasonCode(onImage)).toBe('MessageInvalidType');
    const onRecalled = await op(a1, bob.userId, OpType.REPLACE, recalled.server_mid, { content: 'x' });
    expect(onRecalled.status?.code).toBe(8);
    expect(reasonCode(onRecalled)).toBe('MessageInvalid');

    k.advance(WINDOW_MS * 10);
    expect((await op(a1, bob.userId, OpType.APPEND, custom.server_mid, { content: ' (closed)' })).status).toEqual({ code: 1 });
    const byBobAppend = await op(b1, alice.userId, OpType.APPEND, custom.server_mid, { content: '!' });
    expect(reasonCode(byBobAppend)).toBe('UserPermissionDenied');
    const page = (await b1.history(alice.userId, '0', 10)).metas ?? [];
    expect(page.map((m) => body(m).content)).toEqual(['custom (closed)', '', 'hello']);
    expect(body(page[0]).ext).toBe('{"custom_type":"poll"}');
    expect(body(page[0]).ctype).toBe(-1);
  });

  test('delete for me hides the message for the deleter on all their devices only', async () => {
    const [alice, bob] = await users(['alice', 'bob']);
    await (await k.deviceAs(bob, 'tablet')).close();
    const a1 = await k.deviceAs(alice, 'phone');
    const b1 = await k.deviceAs(bob, 'phone');
    const b2 = await k.deviceAs(bob, 'laptop');
    const m1 = await send(a1, bob.userId, text('one'));
    const m2 = await send(a1, bob.userId, text('two'));
    await pulled(b1, alice.userId);
    await pulled(b2, alice.userId);

    const del = await op(b1, alice.userId, OpType.DELETE, m1.server_mid);
    expect(del.status).toEqual({ code: 1 });
    await b2.notice(bob.userId);
    expect((await pulled(b2, bob.userId)).map((m) => body(m).operation?.type)).toEqual([OpType.DELETE]);
    for (const c of [b1, b2]) expect(await historyIds(c, alice.userId)).toEqual([m2.server_mid]);
    expect(await historyIds(a1, bob.userId)).toEqual([m2.server_mid, m1.server_mid]);

    const tablet = await k.deviceAs(bob, 'tablet');
    expect((await pulled(tablet, alice.userId)).map((m) => m.id)).toEqual([m2.server_mid]);
    expect((await pulled(tablet, bob.userId)).map((m) => body(m).operation?.type)).toEqual([OpType.DELETE]);
    expect(await historyIds(tablet, alice.userId)).toEqual([m2.server_mid]);
  });
});

describe('group read receipts', () => {
  beforeEach(async () => {
    k = await messageServer();
  });

  test('read_list before and after members read; who may ask', async () => {
    const [owner, admin, m1, m2, outsider] = await users(['owner', 'admin', 'm1', 'm2', 'out']);
    const gid = await k.createGroup(owner, [admin, m1, m2], { read_ack: true });
    await k.ok(owner, 'POST', '/group/admin/add', { group_id: gid, user_list: [admin.userId] });
    const [o, d1, d2] = await Promise.all([owner, m1, m2].map((u) => k.deviceAs(u, 'phone')));
    const msg = await send(o, gid, text('please read'), true);
    const ofM1 = await send(d1, gid, text('mine'), true);
    const list = (u: User, mid: unknown, gidParam: unknown = gid) =>
      k.call<{ read: number[]; unread: number[] }>(u, 'GET', '/message/read_list', { group_id: gidParam, message_id: mid });
    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

    let r = await list(owner, msg.server_mid);
    expect(r.code).toBe(200);
    expect(r.data.read).toEqual([]);
    expect(sorted(r.data.unread)).toEqual(sorted([admin.userId, m1.userId, m2.userId]));

    for (const c of [d1, d2]) {
      await pulled(c, gid);
      expect((await op(c, gid, OpType.READ_ACK, msg.server_mid)).status).toEqual({ code: 1 });
    }
    // A repeated ack changes nothing.
    expect((await op(d1, gid, OpType.READ_ACK, msg.server_mid)).status).toEqual({ code: 1 });
    const acks = (await pulled(o, gid)).filter((m) => body(m).operation?.type === OpType.READ_ACK);
    expect(acks.map((m) => m.from?.uid).sort()).toEqual([m1.userId, m1.userId, m2.userId].map(String).sort());

    r = await list(owner, msg.server_mid);
    expect(sorted(r.data.read)).toEqual(sorted([m1.userId, m2.userId]));
    expect(r.data.unread).toEqual([admin.userId]);
    expect((await list(admin, msg.server_mid)).data).toEqual(r.data);
    r = await list(m1, ofM1.server_mid);
    expect(r.code).toBe(200);
    expect(sorted(r.data.unread)).toEqual(sorted([owner.userId, admin.userId, m2.userId]));

    expect((await list(m2, msg.server_mid)).code).toBe(20006);
    expect((await list(outsider, msg.server_mid)).code).toBe(20002);
    expect((await list(owner, '123456789')).code).toBe(10002);
    expect((await list(owner, 'abc')).code).toBe(10002);
    expect((await list(owner, msg.server_mid, 99_999_999)).code).toBe(20001);
    const missing = await k.call(owner, 'GET', '/message/read_list', { group_id: gid });
    expect(missing.code).toBe(10002);
    expect(missing.message).toContain('message_id');
  });

  test('a group with read_ack off takes the READ_ACK and tells nobody', async () => {
    const [owner, m1, m2] = await users(['owner', 'm1', 'm2']);
    const gid = await k.createGroup(owner, [m1, m2]);
    const [o, d1, d2] = await Promise.all([owner, m1, m2].map((u) => k.deviceAs(u, 'phone')));
    const msg = await send(o, gid, text('hi'), true);
    await pulled(d1, gid);
    expect((await op(d1, gid, OpType.READ_ACK, msg.server_mid)).status).toEqual({ code: 1 });
    // The reader's own copy is read all the same.
    expect(((await d1.history(gid)).metas ?? []).map((m) => body(m).status)).toEqual([2]);
    expect(await pulled(o, gid)).toEqual([]);
    const r = await k.call<{ read: number[]; unread: number[] }>(owner, 'GET', '/message/read_list', { group_id: gid, message_id: msg.server_mid });
    expect(r.data.read).toEqual([]);

    // Turned on later: acks from then on count.
    await k.ok(owner, 'POST', '/group/settings/enable_read_ack', { group_id: gid, value: true });
    await pulled(d2, gid);
    expect((await op(d2, gid, OpType.READ_ACK, msg.server_mid)).status).toEqual({ code: 1 });
    await o.notice(gid);
    expect((await pulled(o, gid)).map((m) => m.from?.uid)).toEqual([String(m2.userId)]);
    const after = await k.call<{ read: number[]; unread: number[] }>(owner, 'GET', '/message/read_list', { group_id: gid, message_id: msg.server_mid });
    expect(after.data).toEqual({ read: [m2.userId], unread: [m1.userId] });
  });
});

describe('typing', () => {
  beforeEach(async () => {
    k = await messageServer();
  });

  test('is never stored: a device that logs in later gets nothing', async () => {
    const [alice, bob, carol] = await users(['alice', 'bob', 'carol']);
    const gid = await k.createGroup(alice, [carol]);
    await (await k.deviceAs(bob, 'phone')).close();
    await (await k.deviceAs(carol, 'phone')).close();
    const a1 = await k.deviceAs(alice, 'phone');
    const typing = { ctype: 0 as const, content: '', ext: '{"input_status":"typing"}', qos: QoS.AT_MOST_ONCE };
    expect((await send(a1, bob.userId, typing)).status).toEqual({ code: 1 });
    expect((await send(a1, gid, typing, true)).status).toEqual({ code: 1 });

    const b1 = await k.deviceAs(bob, 'phone');
    expect((await b1.unread()).unread?.some((u) => u.xid?.uid === String(alice.userId))).toBe(false);
    expect(await pulled(b1, alice.userId)).toEqual([]);
    expect(await historyIds(b1, alice.userId)).toEqual([]);
    const c1 = await k.deviceAs(carol, 'phone');
    expect((await c1.unread()).unread).toContainEqual({ xid: { uid: String(gid), deviceSN: 0 }, n: 0, type: ConvType.GROUPCHAT });
    expect(await pulled(c1, gid)).toEqual([]);
    expect(await historyIds(c1, gid)).toEqual([]);
  });
});

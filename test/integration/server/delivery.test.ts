/** Offline delivery, per-device cursors, device SNs and the device policy. */
import { Command, ConvType, UserNoticeType, type Meta, type UnreadDL } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient, textOf } from '../../support/server-client';
import { connectAs, login, startTestServer, uidOf } from '../../support/server-harness';

let server: RunningServer;
const open: RawClient[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.close();
});

async function as(name: string, guid?: string): Promise<RawClient> {
  const c = await connectAs(server, name, guid);
  open.push(c);
  return c;
}

test('messages to a user who never logged in arrive at the first login, exactly once', async () => {
  server = await startTestServer();
  const alice = await as('alice');
  const gid = String(server.demo?.groupId);
  await alice.sendText(uidOf(server, 'carol'), 'direct');
  await alice.sendText(gid, 'group', { group: true });

  const carol = await as('carol', 'carol-1');
  const unread = await carol.unread();
  expect(unread.unread).toEqual(expect.arrayContaining([
    { xid: { uid: alice.uid, deviceSN: 0 }, n: 1, type: ConvType.CHAT },
    { xid: { uid: gid, deviceSN: 0 }, n: 1, type: ConvType.GROUPCHAT },
  ]));
  expect((await carol.pullAll(alice.uid)).metas.map(textOf)).toEqual(['direct']);
  expect((await carol.pullAll(gid)).metas.map(textOf)).toEqual(['group']);
  await carol.close();

  // Same device again: nothing is delivered twice.
  const again = await as('carol', 'carol-1');
  expect((await again.unread()).unread?.every((u) => u.n === 0)).toBe(true);
  expect((await again.pullAll(alice.uid)).metas).toHaveLength(0);
});

test('offline device: queued while away, delivered after reconnect; unacked batches are re-sent', async () => {
  server = await startTestServer();
  const bob = await as('bob', 'bob-phone');
  const bobSn = bob.deviceSN;
  await bob.close();
  const alice = await as('alice');
  await alice.sendText(uidOf(server, 'bob'), 'while you were away 1');
  await alice.sendText(uidOf(server, 'bob'), 'while you were away 2');

  const back = await as('bob', 'bob-phone');
  expect(back.deviceSN).toBe(bobSn);
  const first = await back.pullOnce(alice.uid);
  expect(first.metas?.map(textOf)).toEqual(['while you were away 1', 'while you were away 2']);
  // Not acknowledged (no follow-up key): a reconnect gets the same batch again.
  await back.close();
  const third = await as('bob', 'bob-phone');
  expect((await third.pullAll(alice.uid)).metas.map(textOf)).toEqual(['while you were away 1', 'while you were away 2']);
  await third.close();
  const fourth = await as('bob', 'bob-phone');
  expect((await fourth.pullAll(alice.uid)).metas).toHaveLength(0);
});

test('each device has its own cursor; a brand-new device starts from what no device has received', async () => {
  server = await startTestServer();
  const alice = await as('alice');
  const phone = await as('bob', 'phone');
  const tablet = await as('bob', 'tablet');
  await alice.sendText(uidOf(server, 'bob'), 'm1');
  await phone.notice(alice.uid);
  expect((await phone.pullAll(alice.uid)).metas.map(textOf)).toEqual(['m1']);
  // The tablet has not pulled yet: its own queue still holds m1.
  await tablet.close();
  await alice.sendText(uidOf(server, 'bob'), 'm2');
  const tabletAgain = await as('bob', 'tablet');
  expect((await tabletAgain.pullAll(alice.uid)).metas.map(textOf)).toEqual(['m1', 'm2']);
  // A new device: m1 and m2 were received by some device already; only m3 is new.
  await alice.sendText(uidOf(server, 'bob'), 'm3');
  await phone.notice(alice.uid);
  const fresh = await as('bob', 'laptop');
  expect((await fresh.pullAll(alice.uid)).metas.map(textOf)).toEqual(['m3']);
  // History still has everything.
  expect((await fresh.history(alice.uid)).metas?.map(textOf)).toEqual(['m3', 'm2', 'm1']);
});

test('the device SN is stable per device_guid; temporary SNs are never kept', async () => {
  server = await startTestServer();
  const { token, userId } = await login(server, 'alice');
  const c1 = await RawClient.connect(server.url);
  open.push(c1);
  const r1 = await c1.provision({ uid: userId, token, guid: 'g-1', deviceSN: 1_000_500_000 });
  expect(r1.xid?.deviceSN).toBeLessThan(999_999_999);
  await c1.close();
  const c2 = await RawClient.connect(server.url);
  open.push(c2);
  expect((await c2.provision({ uid: userId, token, guid: 'g-1', deviceSN: 0 })).xid?.deviceSN).toBe(r1.xid?.deviceSN);
  const c3 = await RawClient.connect(server.url);
  open.push(c3);
  expect((await c3.provision({ uid: userId, token, guid: 'g-2' })).xid?.deviceSN).not.toBe(r1.xid?.deviceSN);
});

test('the same device_guid connecting again kicks the old connection with KICK_BY_SAME_DEVICE', async () => {
  server = await startTestServer();
  const old = await as('alice', 'same-guid');
  const fresh = await as('alice', 'same-guid');
  const kick = await old.nextSync((dl) => dl.metas?.[0]?.ns === 4);
  expect(kick.status).toEqual({ code: 1 });
  expect((kick.metas?.[0] as Meta & { ns: 4 }).payload?.type).toBe(UserNoticeType.KICK_BY_SAME_DEVICE);
  expect((await old.waitClose()).code).toBe(4001);
  // The new connection is the live one.
  const bob = await as('bob');
  await bob.sendText(fresh.uid, 'still there?');
  await fresh.notice(bob.uid);
});

test('device limit, kick-oldest (default): the oldest session is logged out', async () => {
  server = await startTestServer({ maxDevicesPerUser: 2 });
  const d1 = await as('alice', 'd1');
  await as('alice', 'd2');
  await as('alice', 'd3');
  const kick = await d1.nextSync((dl) => dl.metas?.[0]?.ns === 4);
  expect((kick.metas?.[0] as Meta & { ns: 4 }).payload?.type).toBe(UserNoticeType.KICKED_BY_OTHER_DEVICE);
  expect((await d1.waitClose()).code).toBe(4001);
  expect((await server.router.online(Number(d1.uid))).length).toBe(2);
});

test('device limit, reject: the extra login gets TOO_MANY_DEVICES with an xid', async () => {
  server = await startTestServer({ maxDevicesPerUser: 1, devicePolicy: 'reject' });
  const d1 = await as('alice', 'd1');
  const { token, userId } = await login(server, 'alice');
  const extra = await RawClient.connect(server.url);
  open.push(extra);
  const reply = await extra.provision({ uid: userId, token, guid: 'd2' });
  expect(reply.status?.code).toBe(13);
  expect(reply.xid).toBeDefined();
  // The first device is untouched.
  expect((await d1.unread()).status).toEqual({ code: 1 });
  // And the rejected connection is not logged in.
  extra.send({ command: Command.UNREAD });
  expect(((await extra.next((f) => f.command === Command.UNREAD)).payload as UnreadDL).status).toEqual({ code: 9, reason: 'you must login first' });
});

/**
 * Every message kind of docs/rich-messages.md through a real floo-server: stored and delivered as sent
 * (attachment, ext and config intact) to one and two peers and the sender's other device; commands are
 * delivered once but never unread, never in history and never list a conversation by themselves; the
 * custom ctype -1 round-trips as a 10-byte varint; mention config round-trips.
 */
import { ConvType, decodeMessage, encodeMessage, type MessageBody, type Meta } from 'floo-miniprogram/protocol';
import { body, historyIds, messageServer, pulled, send } from './message-support';

let k: Awaited<ReturnType<typeof messageServer>>;

beforeEach(async () => {
  k = await messageServer();
});

afterEach(async () => {
  await k.stop();
});

const ext = '{"app":"x","forward":{"from":"1","mid":"2"}}';
const config = '{"senderNickname":"Al"}';

/** One body per kind, each with ext and config. */
const KINDS: Record<string, MessageBody> = {
  text: { ctype: 0, content: 'hello' },
  image: { ctype: 1, content: '', attachment: '{"url":"http://h/f/1","dName":"a.png","fLen":123,"width":640,"height":480,"tUrl":"http://h/f/1?image_type=2"}' },
  audio: { ctype: 2, content: '', attachment: '{"url":"http://h/f/2","dName":"v.mp3","fLen":4000,"duration":3}' },
  video: { ctype: 3, content: '', attachment: '{"url":"http://h/f/3","dName":"c.mp4","fLen":90000,"width":320,"height":240,"duration":12,"tUrl":"http://h/f/4"}' },
  file: { ctype: 4, content: '', attachment: '{"url":"http://h/f/5","dName":"report.pdf","fLen":2048}' },
  location: { ctype: 5, content: '', attachment: '{"lat":31.23,"lon":121.47,"addr":"Shanghai"}' },
  command: { ctype: 6, content: '{"cmd":"refresh"}' },
  custom: { ctype: -1, content: 'poll', attachment: '{"q":"lunch?"}', ext: '{"custom_type":"poll"}', config: '{"mentionAll":true}' },
};

function sent(b: MessageBody): MessageBody {
  return { ext, config, ...b };
}

/** The fields of a delivered body that must equal what was sent. */
function fields(b: MessageBody) {
  return { ctype: b.ctype ?? 0, content: b.content ?? '', attachment: b.attachment, ext: b.ext, config: b.config };
}

function contentOf(metas: Meta[]) {
  return metas.map((m) => fields(body(m)));
}

test('custom ctype -1 is a 10-byte varint on the wire and decodes back', () => {
  const bytes = encodeMessage('MessageBody', { ctype: -1 });
  expect(Array.from(bytes)).toEqual([5 << 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  expect(decodeMessage('MessageBody', bytes).ctype).toBe(-1);
});

test('1:1: every kind reaches the peer and the sender\'s other device intact', async () => {
  const [alice, bob] = [await k.newUser('alice'), await k.newUser('bob')];
  const phone = await k.deviceAs(alice, 'phone');
  const laptop = await k.deviceAs(alice, 'laptop');
  const b1 = await k.deviceAs(bob, 'phone');
  const bodies = Object.values(KINDS).map(sent);
  const ids: string[] = [];
  for (const b of bodies) {
    const ack = await send(phone, bob.userId, b);
    expect(ack.status).toEqual({ code: 1 });
    ids.push(ack.server_mid as string);
  }
  const expected = bodies.map(fields);
  const atBob = await pulled(b1, alice.userId);
  expect(atBob.map((m) => m.id)).toEqual(ids);
  expect(contentOf(atBob)).toEqual(expected);
  const atLaptop = await pulled(laptop, bob.userId);
  expect(contentOf(atLaptop)).toEqual(expected);
  // Delivered once: nothing more on another pull.
  expect(await pulled(b1, alice.userId)).toEqual([]);
  // The command is not in anyone's history; everything else is, intact.
  const shown = ids.filter((_, i) => bodies[i].ctype !== 6).reverse();
  expect(await historyIds(b1, alice.userId)).toEqual(shown);
  expect(await historyIds(phone, bob.userId)).toEqual(shown);
  const page = (await b1.history(alice.userId, '0', 20)).metas ?? [];
  expect(contentOf(page)).toEqual(expected.filter((f) => f.ctype !== 6).reverse());
});

test('group of three: every kind reaches both other members and the sender\'s other device intact', async () => {
  const [alice, bob, carol] = [await k.newUser('alice'), await k.newUser('bob'), await k.newUser('carol')];
  const gid = await k.createGroup(alice, [bob, carol]);
  const phone = await k.deviceAs(alice, 'phone');
  const laptop = await k.deviceAs(alice, 'laptop');
  const others = [await k.deviceAs(bob, 'phone'), await k.deviceAs(carol, 'phone')];
  const mention = { mentionList: [String(bob.userId)], mentionAll: false, senderNickname: 'Alice' };
  const bodies = Object.values(KINDS).map(sent).map((b) => (b.ctype === 0 ? { ...b, config: JSON.stringify(mention) } : b));
  for (const b of bodies) expect((await send(phone, gid, b, true)).status).toEqual({ code: 1 });
  const expected = bodies.map(fields);
  for (const c of [...others, laptop]) expect(contentOf(await pulled(c, gid))).toEqual(expected);
  for (const c of others) {
    const page = (await c.history(gid, '0', 20)).metas ?? [];
    expect(page.map((m) => body(m).ctype ?? 0)).toEqual([-1, 5, 4, 3, 2, 1, 0]);
    expect(JSON.parse(body(page[6]).config ?? '')).toEqual(mention);
  }
});

test('a command is never unread and never lists a conversation by itself', async () => {
  const [alice, dave] = [await k.newUser('alice'), await k.newUser('dave')];
  await (await k.deviceAs(dave, 'phone')).close();
  const a1 = await k.deviceAs(alice, 'phone');
  const cmd = await send(a1, dave.userId, KINDS.command);
  expect(cmd.status).toEqual({ code: 1 });

  const d1 = await k.deviceAs(dave, 'phone');
  // Pending for sync (the device must fetch it), but delivered read, and gone from the list once fetched.
  expect((await d1.unread()).unread).toContainEqual({ xid: { uid: String(alice.userId), deviceSN: 0 }, n: 1, type: ConvType.CHAT });
  const got = await pulled(d1, alice.userId);
  expect(got.map((m) => m.id)).toEqual([cmd.server_mid]);
  expect(body(got[0]).status).toBe(2);
  expect((await d1.unread()).unread?.some((u) => u.xid?.uid === String(alice.userId))).toBe(false);
  expect(await historyIds(d1, alice.userId)).toEqual([]);

  // A real message lists the conversation again; a later command keeps it listed.
  const msg = await send(a1, dave.userId, { ctype: 0, content: 'hi' });
  await send(a1, dave.userId, KINDS.command);
  await pulled(d1, alice.userId);
  expect((await d1.unread()).unread).toContainEqual({ xid: { uid: String(alice.userId), deviceSN: 0 }, n: 0, type: ConvType.CHAT });
  expect(await historyIds(d1, alice.userId)).toEqual([msg.server_mid]);
});

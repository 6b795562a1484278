/**
 * The file flow against a real floo-server (docs/rich-messages.md, "Files"): slots, multipart uploads
 * into the disk storage, downloads with access checks, thumbnails, ranges, forwarding, and the refusals
 * (size, type, slot) without the server keeping partial files.
 */
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { groupKit, type User } from './groups-support';
import { chatSlot, codeOf, download, multipart, png, post, storedFiles, upload, type Slot } from './files-support';

let server: RunningServer;
let kit: ReturnType<typeof groupKit>;
let alice: User;
let bob: User;
let carol: User;

beforeAll(async () => {
  server = await startTestServer();
  kit = groupKit(server);
  [alice, bob, carol] = [await kit.newUser('fa'), await kit.newUser('fb'), await kit.newUser('fc')];
});

afterAll(async () => {
  await server.close();
});

test('slot -> upload -> download round trip: bytes, type, length and cache headers; token in header or query', async () => {
  const slot = await chatSlot(kit, alice, 'image', bob.userId, 1);
  expect(slot).toEqual({ upload_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/file\/upload\?slot=/), download_url: expect.stringMatching(/\/file\/download\/chat\?sign=/), oss_body_param: null });
  const bytes = png(300_000);
  // wx.uploadFile sends application/octet-stream: the type comes from the name (or the bytes).
  const up = await upload(slot.upload_url, [{ name: 'file', filename: 'photo.png', type: 'application/octet-stream', data: bytes }]);
  expect(up).toMatchObject({ status: 200, code: 200, data: true });
  for (const [who, viaQuery] of [[bob, false], [alice, true]] as const) {
    const d = await download(slot.download_url, who.token, { viaQuery });
    expect(d.status).toBe(200);
    expect(d.body.equals(bytes)).toBe(true);
    expect(d.headers.get('content-type')).toBe('image/png');
    expect(d.headers.get('content-length')).toBe(String(bytes.length));
    expect(d.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  }
  // A file part without any type hint is stored as a generic binary; a file slot takes anything.
  const f = await chatSlot(kit, alice, '4', bob.userId, 1);
  const blob = randomBytes(1000);
  expect((await upload(f.upload_url, [{ name: 'note', data: 'ignored form field' }, { name: 'file', filename: 'dir/../report', data: blob }])).code).toBe(200);
  const d = await download(f.download_url, bob.token);
  expect(d.body.equals(blob)).toBe(true);
  expect(d.headers.get('content-type')).toBe('application/octet-stream');
  expect(d.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''report");
  // HEAD answers the headers only.
  const head = await fetch(f.download_url, { method: 'HEAD', headers: { 'access-token': bob.token } });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe('1000');
});

test('thumbnail: image_type=2 answers the thumbnail when uploaded, else the original', async () => {
  const slot = await chatSlot(kit, alice, 'image', bob.userId, 1);
  const [full, thumb] = [png(50_000), png(2_000)];
  const up = await upload(slot.upload_url, [{ name: 'file', filename: 'a.png', data: full }, { name: 'thumbnail', filename: 't.jpg', type: 'image/jpeg', data: thumb }]);
  expect(up.code).toBe(200);
  const t = await download(`${slot.download_url}&image_type=2`, bob.token);
  expect(t.body.equals(thumb)).toBe(true);
  expect(t.headers.get('content-type')).toBe('image/jpeg');
  expect((await download(slot.download_url, bob.token)).body.equals(full)).toBe(true);
  const plain = await chatSlot(kit, alice, 'image', bob.userId, 1);
  expect((await upload(plain.upload_url, [{ name: 'file', filename: 'b.png', data: full }])).code).toBe(200);
  expect((await download(`${plain.download_url}&image_type=2`, bob.token)).body.equals(full)).toBe(true);
  // wx.uploadFile sends one file per request: the thumbnail may come on its own, before or after the file.
  for (const thumbFirst of [false, true]) {
    const s = await chatSlot(kit, alice, 'video', bob.userId, 1);
    const [video, cover] = [randomBytes(3000), png(300)];
    const steps = [() => upload(s.upload_url, [{ name: 'file', filename: 'v.mp4', data: video }]), () => upload(s.upload_url, [{ name: 'thumbnail', filename: 'c.png', data: cover }])];
    for (const step of thumbFirst ? steps.reverse() : steps) expect((await step()).code).toBe(200);
    expect((await download(s.download_url, bob.token)).body.equals(video)).toBe(true);
    expect((await download(`${s.download_url}&image_type=2`, bob.token)).body.equals(cover)).toBe(true);
    // Each part is accepted once.
    expect((await upload(s.upload_url, [{ name: 'thumbnail', filename: 'c.png', data: cover }])).code).toBe(10032);
    expect((await upload(s.upload_url, [{ name: 'file', filename: 'v.mp4', data: video }])).code).toBe(10032);
  }
  // A thumbnail must be an image.
  const bad = await chatSlot(kit, alice, 'video', bob.userId, 1);
  const r = await upload(bad.upload_url, [{ name: 'file', filename: 'v.mp4', data: randomBytes(100) }, { name: 'thumbnail', filename: 't.txt', data: 'text' }]);
  expect(r.code).toBe(10031);
});

test('Range requests answer 206 with Content-Range; unsatisfiable ranges 416', async () => {
  const slot = await chatSlot(kit, alice, 'audio', bob.userId, 1);
  const bytes = randomBytes(10_000);
  expect((await upload(slot.upload_url, [{ name: 'file', filename: 'voice.mp3', data: bytes }])).code).toBe(200);
  const cases: [string, number, number][] = [['bytes=0-99', 0, 99], ['bytes=9990-', 9990, 9999], ['bytes=-10', 9990, 9999], ['bytes=5000-20000', 5000, 9999]];
  for (const [range, start, end] of cases) {
    const d = await download(slot.download_url, bob.token, { headers: { range } });
    expect(d.status).toBe(206);
    expect(d.headers.get('content-range')).toBe(`bytes ${start}-${end}/10000`);
    expect(d.headers.get('content-length')).toBe(String(end - start + 1));
    expect(d.headers.get('content-type')).toBe('audio/mpeg');
    expect(d.body.equals(bytes.subarray(start, end + 1))).toBe(true);
  }
  const bad = await download(slot.download_url, bob.token, { headers: { range: 'bytes=10000-' } });
  expect(bad.status).toBe(416);
  // Several ranges are not served partially: the whole file.
  const multi = await download(slot.download_url, bob.token, { headers: { range: 'bytes=0-1,5-6' } });
  expect(multi.status).toBe(200);
  expect(multi.body.length).toBe(10_000);
});

test('access: no token, stranger, 1:1 pair, group member, former member, public avatar', async () => {
  const one = await chatSlot(kit, alice, 'file', bob.userId, 1);
  expect((await upload(one.upload_url, [{ name: 'file', filename: 'a.txt', data: 'hello' }])).code).toBe(200);
  const none = await download(one.download_url);
  expect([none.status, codeOf(none)]).toEqual([401, 402]);
  const badToken = await download(one.download_url, 'not-a-token');
  expect([badToken.status, codeOf(badToken)]).toEqual([401, 402]);
  const stranger = await download(one.download_url, carol.token);
  expect([stranger.status, codeOf(stranger)]).toEqual([403, 403]);
  expect((await download(one.download_url, bob.token)).body.toString()).toBe('hello');

  const gid = await kit.createGroup(alice, [bob, carol]);
  const g = await chatSlot(kit, bob, 'file', gid, 2);
  expect((await upload(g.upload_url, [{ name: 'file', filename: 'g.txt', data: 'group file' }])).code).toBe(200);
  for (const u of [alice, bob, carol]) expect((await download(g.download_url, u.token)).body.toString()).toBe('group file');
  const outsider = await kit.newUser('fo');
  expect((await download(g.download_url, outsider.token)).status).toBe(403);
  await kit.ok(carol, 'POST', '/group/leave', { group_id: gid });
  const left = await download(g.download_url, carol.token);
  expect([left.status, codeOf(left)]).toEqual([403, 403]);

  const av = await kit.ok<Slot>(carol, 'GET', '/file/upload/avatar/user');
  expect(av.download_url).toMatch(/\/file\/download\/avatar\?sign=/);
  const face = png(1000);
  expect((await upload(av.upload_url, [{ name: 'file', filename: 'me.png', data: face }])).code).toBe(200);
  expect((await download(av.download_url)).body.equals(face)).toBe(true);
  // The avatar URL is what POST /user/avatar takes.
  expect((await kit.call(carol, 'POST', '/user/avatar', { avatar: av.download_url })).code).toBe(200);

  // Unknown signs and files not uploaded yet are 404.
  expect((await download(one.download_url.replace(/sign=.*/, 'sign=nope'), bob.token)).status).toBe(404);
  const pending = await chatSlot(kit, alice, 'file', bob.userId, 1);
  expect((await download(pending.download_url, bob.token)).status).toBe(404);
});

test('slot refusals: bad parameters, no token, blocklist, non-member, group avatar permission', async () => {
  const codeOfSlot = async (u: User | undefined, path: string, params: Record<string, unknown>) => (await kit.call(u, 'GET', path, params)).code;
  expect(await codeOfSlot(alice, '/file/upload/chat', { file_type: 'exe', to_id: bob.userId, to_type: 1 })).toBe(10002);
  expect(await codeOfSlot(alice, '/file/upload/chat', { file_type: 'image', to_id: 'x', to_type: 1 })).toBe(10002);
  expect(await codeOfSlot(alice, '/file/upload/chat', { file_type: 'image', to_id: bob.userId, to_type: 9 })).toBe(10002);
  expect(await codeOfSlot(undefined, '/file/upload/chat', { file_type: 'image', to_id: bob.userId, to_type: 1 })).toBe(402);
  expect(await codeOfSlot(alice, '/file/upload/chat', { file_type: 'image', to_id: 999_999_999, to_type: 1 })).toBe(10005);
  const [x, y] = [await kit.newUser('fx'), await kit.newUser('fy')];
  await kit.ok(x, 'POST', '/roster/block', { user_id: y.userId });
  expect(await codeOfSlot(x, '/file/upload/chat', { file_type: 'file', to_id: y.userId, to_type: 1 })).toBe(10011);
  expect(await codeOfSlot(y, '/file/upload/chat', { file_type: 'file', to_id: x.userId, to_type: 1 })).toBe(10014);
  const gid = await kit.createGroup(alice, [bob]);
  expect(await codeOfSlot(carol, '/file/upload/chat', { file_type: 'image', to_id: gid, to_type: 2 })).toBe(20002);
  expect(await codeOfSlot(carol, '/file/upload/chat', { file_type: 'image', to_id: 999_999_999, to_type: 2 })).toBe(20001);
  expect(await codeOfSlot(bob, '/file/upload/avatar/group', { group_id: gid })).toBe(20006);
  const slot = await kit.ok<Slot>(alice, 'GET', '/file/upload/avatar/group', { group_id: gid });
  expect((await upload(slot.upload_url, [{ name: 'file', filename: 'g.png', data: png(500) }])).code).toBe(200);
  expect((await kit.call(alice, 'POST', '/group/info/avatar', { group_id: gid, value: slot.download_url })).code).toBe(200);
  expect((await download(slot.download_url)).status).toBe(200);
});

test('wrong type for the slot is refused with 10031 and nothing is kept', async () => {
  const before = storedFiles(server).objects.length;
  const img = await chatSlot(kit, alice, 'image', bob.userId, 1);
  expect((await upload(img.upload_url, [{ name: 'file', filename: 'notes.txt', data: 'just text' }])).code).toBe(10031);
  // No type hint at all: the bytes decide (not an image).
  expect((await upload(img.upload_url, [{ name: 'file', filename: 'blob', data: randomBytes(5000).fill(1, 0, 16) }])).code).toBe(10031);
  // A declared type wins over the name.
  expect((await upload(img.upload_url, [{ name: 'file', filename: 'x.png', type: 'application/pdf', data: 'x' }])).code).toBe(10031);
  const av = await kit.ok<Slot>(alice, 'GET', '/file/upload/avatar/user');
  expect((await upload(av.upload_url, [{ name: 'file', filename: 'cv.pdf', data: '%PDF-1.4' }])).code).toBe(10031);
  expect(storedFiles(server)).toEqual({ objects: expect.any(Array), tmp: [] });
  expect(storedFiles(server).objects.length).toBe(before);
  // The slot is still good: the right type goes through.
  expect((await upload(img.upload_url, [{ name: 'file', filename: 'blob', data: png(100) }])).code).toBe(200);
});

test('a used slot is refused with 10032; so is an unknown one', async () => {
  const slot = await chatSlot(kit, alice, 'file', bob.userId, 1);
  expect((await upload(slot.upload_url, [{ name: 'file', filename: 'a', data: 'one' }])).code).toBe(200);
  const again = await upload(slot.upload_url, [{ name: 'file', filename: 'a', data: 'two' }]);
  expect(again.code).toBe(10032);
  expect((await download(slot.download_url, bob.token)).body.toString()).toBe('one');
  expect((await upload(slot.upload_url.replace(/slot=.*/, 'slot=forged'), [{ name: 'file', data: 'x' }])).code).toBe(10032);
  expect((await upload(slot.upload_url.replace(/\?slot=.*/, ''), [{ name: 'file', data: 'x' }])).code).toBe(10032);
});

test('malformed multipart bodies get a clear 10002 and the server keeps serving', async () => {
  const slot = await chatSlot(kit, alice, 'file', bob.userId, 1);
  const good = multipart([{ name: 'file', filename: 'f.bin', data: randomBytes(4000) }]);
  // Content-Type: as given, none (null), or (undefined) multipart with the body's own boundary.
  const cases: [Buffer, string | null | undefined, RegExp][] = [
    [good.body, 'multipart/form-data', /boundary/],
    [good.body, null, /multipart\/form-data/],
    [Buffer.from('{"file": 1}'), 'application/json', /multipart\/form-data/],
    [good.body.subarray(0, good.body.length - 60), good.contentType, /truncated/],
    [Buffer.concat([Buffer.from(`--${good.contentType.split('boundary=')[1]}\r\nX-Junk: ${'a'.repeat(40_000)}\r\n`), randomBytes(1000)]), good.contentType, /headers exceed/],
    [Buffer.from('no boundary anywhere '.repeat(2000)), good.contentType, /no boundary line/],
    [multipart([{ name: 'other', data: 'x' }]).body, undefined, /no "file"/],
    [multipart([{ name: 'file', data: 'a' }, { name: 'file', data: 'b' }]).body, undefined, /more than one "file"/],
  ];
  for (const [body, type, message] of cases) {
    const ct = type === undefined ? `multipart/form-data; boundary=${body.toString('latin1', 2, body.indexOf('\r\n'))}` : type ?? undefined;
    const r = await post(slot.upload_url, body, ct);
    expect([r.status, r.code]).toEqual([200, 10002]);
    expect(r.message).toMatch(message);
  }
  expect(storedFiles(server).tmp).toEqual([]);
  // The slot was never used by the failures; the server still answers.
  expect((await post(slot.upload_url, good.body, good.contentType)).code).toBe(200);
});

test('forward: a new URL readable by the target conversation, no bytes copied', async () => {
  const slot = await chatSlot(kit, alice, 'image', bob.userId, 1);
  const bytes = png(20_000);
  expect((await upload(slot.upload_url, [{ name: 'file', filename: 'p.png', data: bytes }, { name: 'thumbnail', filename: 't.png', data: png(100) }])).code).toBe(200);
  const objects = storedFiles(server).objects.length;
  const dave = await kit.newUser('fd');
  const gid = await kit.createGroup(bob, [dave]);
  const sign = new URL(slot.download_url).searchParams.get('sign') as string;
  const url = await kit.ok<string>(bob, 'GET', '/file/upload/forward', { file_sign: sign, to_id: gid, to_type: 2 });
  expect(typeof url).toBe('string');
  expect(url).not.toBe(slot.download_url);
  expect((await download(url, dave.token)).body.equals(bytes)).toBe(true);
  expect((await download(`${url}&image_type=2`, dave.token)).body.length).toBe(100);
  expect((await download(slot.download_url, dave.token)).status).toBe(403);
  expect(storedFiles(server).objects.length).toBe(objects);
  // The whole URL works as file_sign too; 1:1 targets.
  const toCarol = await kit.ok<string>(alice, 'GET', '/file/upload/forward', { file_sign: slot.download_url, to_id: carol.userId, to_type: 1 });
  expect((await download(toCarol, carol.token)).status).toBe(200);
  // Only readers of the source may forward it; the target must be writable.
  expect((await kit.call(carol, 'GET', '/file/upload/forward', { file_sign: sign, to_id: alice.userId, to_type: 1 })).code).toBe(403);
  expect((await kit.call(alice, 'GET', '/file/upload/forward', { file_sign: sign, to_id: gid, to_type: 2 })).code).toBe(20002);
  expect((await kit.call(alice, 'GET', '/file/upload/forward', { file_sign: 'unknown', to_id: bob.userId, to_type: 1 })).code).toBe(404);
  expect((await kit.call(alice, 'GET', '/file/upload/forward', { file_sign: '../x', to_id: bob.userId, to_type: 1 })).code).toBe(10002);
});

test('a group shared file registers a URL of this server', async () => {
  const gid = await kit.createGroup(alice, [bob]);
  const slot = await chatSlot(kit, bob, 'file', gid, 2);
  expect((await upload(slot.upload_url, [{ name: 'file', filename: 'plan.pdf', data: '%PDF-1.4 plan' }])).code).toBe(200);
  const f = await kit.ok<{ file_id: number; url: string }>(bob, 'POST', '/group/file/upload', { group_id: gid, name: 'plan.pdf', size: 13, url: slot.download_url, type: 'application/pdf' });
  expect(f.url).toBe(slot.download_url);
  const [listed] = await kit.ok<{ url: string }[]>(alice, 'GET', '/group/file/list', { group_id: gid });
  const d = await download(listed.url, alice.token);
  expect([d.status, d.headers.get('content-type'), d.body.toString()]).toEqual([200, 'application/pdf', '%PDF-1.4 plan']);
});

test('concurrent uploads: 8 slots at once all round-trip; racing uploads to one slot store exactly one', async () => {
  const slots = await Promise.all(Array.from({ length: 8 }, () => chatSlot(kit, alice, 'video', bob.userId, 1)));
  const bodies = slots.map(() => randomBytes(200_000 + Math.floor(Math.random() * 100_000)));
  const results = await Promise.all(slots.map((s, i) => upload(s.upload_url, [{ name: 'file', filename: `v${i}.mp4`, data: bodies[i] }])));
  expect(results.map((r) => r.code)).toEqual(Array(8).fill(200));
  const downloads = await Promise.all(slots.map((s) => download(s.download_url, bob.token)));
  downloads.forEach((d, i) => {
    expect(d.headers.get('content-type')).toBe('video/mp4');
    expect(d.body.equals(bodies[i])).toBe(true);
  });
  const before = storedFiles(server).objects.length;
  const one = await chatSlot(kit, alice, 'file', bob.userId, 1);
  const racers = await Promise.all([1, 2, 3, 4].map((n) => upload(one.upload_url, [{ name: 'file', filename: `r${n}`, data: Buffer.alloc(100_000, n) }])));
  expect(racers.filter((r) => r.code === 200)).toHaveLength(1);
  expect(racers.filter((r) => r.code === 10032)).toHaveLength(3);
  const winner = (await download(one.download_url, bob.token)).body;
  expect(winner.length).toBe(100_000);
  expect(storedFiles(server).objects.length).toBe(before + 1);
});

/**
 * client.files against floo-server on Node and wx: upload with progress (and a thumbnail), download of
 * the same bytes, url() for a plain GET, access checks, size and type refusals with their mapped
 * codes, cancel of uploads and downloads, an interrupted upload retried, and avatars.
 */
import { FlooError, ServerError } from '../../../sdk/src/core/errors';
import { filesFixture, KINDS, LIMITS, SAMPLES, codeOf, until } from './files-fixture';

const f = filesFixture();

describe.each(KINDS)('%s', (kind) => {
  test('upload reports progress and gives a URL; download and url() return the same bytes, to members only', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const carol = await f.device(kind, 'carol');
    const bytes = SAMPLES.image(120_000);
    const thumb = SAMPLES.image(3_000);
    const progress: Array<{ loaded: number; total: number }> = [];
    const up = alice.c.files.upload({
      path: alice.write('photo.png', bytes), thumbnailPath: alice.write('thumb.png', thumb), for: f.user('bob'), kind: 'image',
      onProgress: (p) => progress.push(p),
    });
    const { url, thumbnailUrl } = await up.result;
    expect(url).toMatch(/\/file\/download\/chat\?sign=/);
    expect(thumbnailUrl).toBe(`${url}&image_type=2`);
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1];
    expect(last.loaded).toBe(last.total);
    expect(last.total).toBeGreaterThanOrEqual(bytes.length);

    const got = await bob.c.files.download(url).result;
    expect(bob.read(got.path).equals(bytes)).toBe(true);
    const res = await fetch(bob.c.files.url(url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const small = await fetch(alice.c.files.url(url, { thumbnail: true }));
    expect(Buffer.from(await small.arrayBuffer()).equals(thumb)).toBe(true);

    expect(await codeOf(carol.c.files.download(url).result)).toBe('UserPermissionDenied');
    expect((await fetch(carol.c.files.url(url))).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });

  test('download progress; a group file is readable by the members', async () => {
    const alice = await f.device(kind, 'alice');
    const carol = await f.device(kind, 'carol');
    const bytes = SAMPLES.file(300_000);
    const { url } = await alice.c.files.upload({ path: alice.write('report.pdf', bytes), for: f.group() }).result;
    const seen: number[] = [];
    const got = await carol.c.files.download(url, { onProgress: (p) => seen.push(p.loaded) }).result;
    expect(carol.read(got.path).equals(bytes)).toBe(true);
    expect(seen[seen.length - 1]).toBe(bytes.length);
  });

  test('refusals: too large (10030), a type the slot does not take (10031), bad arguments, unknown file', async () => {
    const alice = await f.device(kind, 'alice');
    const big = alice.c.files.upload({ path: alice.write('big.png', SAMPLES.image(LIMITS.maxImageBytes + 1)), for: f.user('bob'), kind: 'image' }).result;
    const error = await big.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'ServerFileUploadUnknownError', restCode: 10030 });
    expect(await codeOf(alice.c.files.upload({ path: alice.write('notes.txt', Buffer.from('hello')), for: f.user('bob'), kind: 'image' }).result))
      .toBe('InvalidFileObjectType');
    expect(() => alice.c.files.upload({ path: '', for: f.user('bob') })).toThrow(/path/);
    expect(() => alice.c.files.upload({ path: 'x', for: f.user('bob'), kind: 'sticker' as never })).toThrow(/kind/);
    expect(await codeOf(alice.c.files.upload({ path: alice.write('a.pdf', SAMPLES.file(10)), for: { type: 'group', id: '999999' } }).result))
      .toBe('GroupNotExist');
    const { url } = await alice.c.files.upload({ path: alice.write('a.pdf', SAMPLES.file(10)), for: f.user('bob') }).result;
    expect(await codeOf(alice.c.files.download(url.replace(/sign=[^&]+/, 'sign=nope')).result)).toBe('NotFound');
  });

  test('cancel rejects with UserCancel and stops the transfer on the wire (upload and download)', async () => {
    const alice = await f.device(kind, 'alice');
    const hold = f.trap('hold');
    alice.uploads.push('hold');
    const up = alice.c.files.upload({ path: alice.write('clip.pdf', SAMPLES.file(50_000)), for: f.user('bob') });
    await until(() => hold.seen === 1);
    up.cancel();
    const error = await up.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlooError);
    expect((error as FlooError).code).toBe('UserCancel');
    await until(() => hold.closedByClient === 1);

    const { url } = await alice.c.files.upload({ path: alice.write('ok.pdf', SAMPLES.file(100)), for: f.user('bob') }).result;
    alice.downloads.push('hold');
    const down = alice.c.files.download(url);
    await until(() => hold.seen === 2);
    down.cancel();
    expect(await codeOf(down.result)).toBe('UserCancel');
    await until(() => hold.closedByClient === 2);
  });

  test('an upload whose connection drops is retried once on the same slot; two drops fail as retriable', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const drop = f.trap('drop');
    const bytes = SAMPLES.audio(80_000);
    alice.uploads.push('drop');
    const { url } = await alice.c.files.upload({ path: alice.write('voice.mp3', bytes), for: f.user('bob'), kind: 'audio' }).result;
    expect(drop.seen).toBe(1);
    expect(bob.read((await bob.c.files.download(url).result).path).equals(bytes)).toBe(true);

    alice.uploads.push('drop', 'drop');
    const error = await alice.c.files.upload({ path: alice.write('voice2.mp3', bytes), for: f.user('bob'), kind: 'audio' }).result.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ServerNotReachable', retriable: true });
    expect(drop.seen).toBe(3);
  });

  test('avatars: the own avatar and a group avatar are uploaded, set and publicly readable', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const bytes = SAMPLES.image(5_000);
    const profile = await alice.c.users.updateAvatar(alice.write('me.png', bytes));
    expect(profile.avatar).toMatch(/\/file\/download\/avatar\?sign=/);
    const res = await fetch(profile.avatar!);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const [seen] = await bob.c.users.get([f.uid('alice')], { refresh: true });
    expect(seen.avatar).toBe(profile.avatar);

    const group = await alice.c.groups.updateAvatar(f.group().id, alice.write('group.png', SAMPLES.image(6_000)));
    expect(group.avatar).toMatch(/\/file\/download\/avatar\?sign=/);
    expect((await fetch(group.avatar!)).status).toBe(200);
    expect(await codeOf(alice.c.users.updateAvatar(alice.write('huge.png', SAMPLES.image(LIMITS.maxAvatarBytes + 1))))).toBe('ServerFileUploadUnknownError');
  });
});

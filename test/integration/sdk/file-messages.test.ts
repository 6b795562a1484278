/**
 * messages.sendFile / cancelSend / resend / forward against floo-server on Node and wx: each file kind
 * arrives with the attachment of docs/rich-messages.md and is downloadable by the peer (not by a
 * stranger); the local copy is listed at once with its local path and reports progress; a failed or
 * cancelled upload leaves the message `failed` and `resend` uploads it again; forwarding an image
 * gives the new conversation a URL of its own.
 */
import type { Message, MessageStatus } from '../../../sdk/src/core/types';
import type { SendFileOptions } from '../../../sdk/src/core/managers/message-files';
import { filesFixture, KINDS, LIMITS, SAMPLES, codeOf, next, until, type Device } from './files-fixture';

const f = filesFixture();

const att = (m: Message): Record<string, unknown> => JSON.parse(m.attachment ?? '{}') as Record<string, unknown>;

/** Statuses of own messages seen at `d`, in order. */
function statuses(d: Device): MessageStatus[] {
  const seen: MessageStatus[] = [];
  d.c.on('messageStatus', (e) => seen.push(e.message.status));
  return seen;
}

describe.each(KINDS)('%s', (kind) => {
  test('image, voice, video and file arrive with their attachment and are downloadable by the peer only', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const carol = await f.device(kind, 'carol');
    const cases: Array<{ o: Omit<SendFileOptions, 'to' | 'path'>; name: string; bytes: Buffer; thumb?: Buffer; expect: Record<string, unknown> }> = [
      { name: 'cat.png', bytes: SAMPLES.image(90_000), thumb: SAMPLES.image(2_000), o: { kind: 'image', size: 90_000, width: 640, height: 480 }, expect: { dName: 'cat.png', fLen: 90_000, width: 640, height: 480 } },
      { name: 'hello.mp3', bytes: SAMPLES.audio(20_000), o: { kind: 'audio', size: 20_000, duration: 4 }, expect: { dName: 'hello.mp3', fLen: 20_000, duration: 4 } },
      { name: 'clip.mp4', bytes: SAMPLES.video(200_000), thumb: SAMPLES.image(3_000), o: { kind: 'video', size: 200_000, width: 320, height: 240, duration: 12, ext: { k: 1 } }, expect: { dName: 'clip.mp4', fLen: 200_000, width: 320, height: 240, duration: 12 } },
      { name: 'report.pdf', bytes: SAMPLES.file(30_000), o: { kind: 'file', size: 30_000, name: 'Q3 report.pdf' }, expect: { dName: 'Q3 report.pdf', fLen: 30_000 } },
    ];
    for (const k of cases) {
      const sending = next(alice.c, 'messageStatus', (e) => e.message.status === 'sending' && e.message.kind === k.o.kind);
      const progress = next(alice.c, 'messageProgress', (e) => e.message.kind === k.o.kind);
      const atBob = next(bob.c, 'message', (m) => m.kind === k.o.kind);
      const path = alice.write(k.name, k.bytes);
      const sent = alice.c.messages.sendFile({ to: f.user('bob'), path, thumbnailPath: k.thumb && alice.write(`t-${k.name}.png`, k.thumb), ...k.o });
      const local = (await sending).message;
      expect(att(local)).toMatchObject({ ...k.expect, localPath: path });
      expect((await alice.c.messages.local(f.user('bob'))).some((m) => m.clientMid === local.clientMid)).toBe(true);
      expect((await progress).total).toBeGreaterThan(0);
      const message = await sent;
      expect(message).toMatchObject({ kind: k.o.kind, status: 'sent', isOwn: true, content: '' });
      const a = att(message);
      expect(a).toMatchObject(k.expect);
      expect(a.localPath).toBeUndefined();
      expect(a.url).toMatch(/\/file\/download\/chat\?sign=/);
      if (k.thumb) expect(a.tUrl).toBe(`${a.url}&image_type=2`);
      else expect(a.tUrl).toBeUndefined();
      if (k.o.ext) expect(message.ext).toBe(JSON.stringify(k.o.ext));

      const received = await atBob;
      expect(received).toMatchObject({ id: message.id, attachment: message.attachment, kind: k.o.kind, from: f.uid('alice') });
      expect(bob.read((await bob.c.files.download(a.url as string).result).path).equals(k.bytes)).toBe(true);
      if (k.thumb) expect(bob.read((await bob.c.files.download(a.tUrl as string).result).path).equals(k.thumb)).toBe(true);
      expect(await codeOf(carol.c.files.download(a.url as string).result)).toBe('UserPermissionDenied');
    }
    const stored = await alice.c.messages.local(f.user('bob'));
    expect(stored.map((m) => m.kind)).toEqual(['image', 'audio', 'video', 'file']);
    expect(stored.every((m) => m.status === 'sent' && !('localPath' in att(m)))).toBe(true);
  });

  test('a file sent to the group is downloadable by every member', async () => {
    const alice = await f.device(kind, 'alice');
    const carol = await f.device(kind, 'carol');
    const bytes = SAMPLES.image(10_000);
    const atCarol = next(carol.c, 'message', (m) => m.kind === 'image');
    const sent = await alice.c.messages.sendFile({ to: f.group(), kind: 'image', path: alice.write('g.png', bytes), width: 10, height: 10 });
    const got = await atCarol;
    expect(got).toMatchObject({ id: sent.id, conversation: f.group() });
    expect(carol.read((await carol.c.files.download(att(got).url as string).result).path).equals(bytes)).toBe(true);
  });

  test('too large: the message is failed with the mapped code and stays listed; bad arguments throw', async () => {
    const alice = await f.device(kind, 'alice');
    const seen = statuses(alice);
    const error = await alice.c.messages.sendFile({ to: f.user('bob'), kind: 'image', path: alice.write('big.png', SAMPLES.image(LIMITS.maxImageBytes + 10)) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ServerFileUploadUnknownError', restCode: 10030 });
    expect(seen).toEqual(['sending', 'failed']);
    const [failed] = await alice.c.messages.local(f.user('bob'));
    expect(failed).toMatchObject({ status: 'failed', kind: 'image', id: '' });
    await expect(alice.c.messages.sendFile({ to: f.user('bob'), kind: 'text' as never, path: 'x' })).rejects.toThrow(/kind/);
    await expect(alice.c.messages.sendFile({ to: f.user('bob'), kind: 'file', path: 'x', size: -1 })).rejects.toThrow(/size/);
    await expect(alice.c.messages.sendFile({ to: f.user('bob'), kind: 'file', path: '' })).rejects.toThrow(/path/);
  });

  test('an interrupted upload is retried; when it keeps failing the message is failed and resend uploads it again', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const drop = f.trap('drop');
    const bytes = SAMPLES.file(60_000);
    alice.uploads.push('drop');
    const atBob = next(bob.c, 'message', (m) => m.kind === 'file');
    const once = await alice.c.messages.sendFile({ to: f.user('bob'), kind: 'file', path: alice.write('a.pdf', bytes), size: bytes.length });
    expect(drop.seen).toBe(1);
    expect((await atBob).id).toBe(once.id);

    const seen = statuses(alice);
    alice.uploads.push('drop', 'drop');
    const path = alice.write('b.pdf', bytes);
    const error = await alice.c.messages.sendFile({ to: f.user('bob'), kind: 'file', path, size: bytes.length }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ServerNotReachable', retriable: true });
    expect(seen).toEqual(['sending', 'failed']);
    const failed = (await alice.c.messages.local(f.user('bob'))).find((m) => m.status === 'failed')!;
    expect(att(failed)).toMatchObject({ localPath: path, dName: 'b.pdf', fLen: bytes.length });

    const again = next(bob.c, 'message', (m) => m.kind === 'file');
    const resent = await alice.c.messages.resend(failed);
    expect(resent).toMatchObject({ status: 'sent', kind: 'file' });
    expect(att(resent)).toMatchObject({ dName: 'b.pdf', fLen: bytes.length });
    const got = await again;
    expect(bob.read((await bob.c.files.download(att(got).url as string).result).path).equals(bytes)).toBe(true);
    const list = await alice.c.messages.local(f.user('bob'));
    expect(list.map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  test('cancelSend stops a running upload (failed, UserCancel); resend then delivers it', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const hold = f.trap('hold');
    alice.uploads.push('hold');
    const sending = next(alice.c, 'messageStatus', (e) => e.message.status === 'sending');
    const failedEvent = next(alice.c, 'messageStatus', (e) => e.message.status === 'failed');
    const p = alice.c.messages.sendFile({ to: f.user('bob'), kind: 'video', path: alice.write('v.mp4', SAMPLES.video(50_000)), duration: 3 });
    const local = (await sending).message;
    await until(() => hold.seen === 1);
    expect(alice.c.messages.cancelSend(local)).toBe(true);
    expect(await codeOf(p)).toBe('UserCancel');
    const failed = (await failedEvent).message;
    expect(failed).toMatchObject({ clientMid: local.clientMid, status: 'failed' });
    expect(alice.c.messages.cancelSend(failed)).toBe(false);
    await until(() => hold.closedByClient === 1);

    const atBob = next(bob.c, 'message', (m) => m.kind === 'video');
    const resent = await alice.c.messages.resend(failed);
    expect((await atBob)).toMatchObject({ id: resent.id, kind: 'video' });
    expect(att(resent)).toMatchObject({ duration: 3, width: 0, height: 0 });
  });

  test('a file message whose upload died with the app stays listed as sending; resend uploads it again', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const bytes = SAMPLES.image(5_000);
    alice.uploads.push('hold');
    const sending = next(alice.c, 'messageStatus', (e) => e.message.status === 'sending');
    alice.c.messages.sendFile({ to: f.user('bob'), kind: 'image', path: alice.write('k.png', bytes), width: 2, height: 2 }).catch(() => undefined);
    await sending;
    await until(() => f.trap('hold').seen === 1);
    const again = await f.relaunch(alice, 'alice');
    const [stuck] = await again.c.messages.local(f.user('bob'));
    expect(stuck).toMatchObject({ status: 'sending', kind: 'image', id: '' });
    if (kind === 'wx') again.write('k.png', bytes); // the shim's user files do not outlive its app process
    const atBob = next(bob.c, 'message', (m) => m.kind === 'image');
    const sent = await again.c.messages.resend(stuck);
    expect((await atBob).id).toBe(sent.id);
    expect(att(sent)).toMatchObject({ dName: 'k.png', width: 2, height: 2 });
    expect((await again.c.messages.local(f.user('bob'))).map((m) => m.status)).toEqual(['sent']);
    await expect(again.c.messages.resend(sent)).rejects.toThrow(/failed own message/);
  });

  test('forward: an image goes to another conversation with a URL readable there, and ext.forward', async () => {
    const alice = await f.device(kind, 'alice');
    const bob = await f.device(kind, 'bob');
    const carol = await f.device(kind, 'carol');
    const bytes = SAMPLES.image(40_000);
    const atBob = next(bob.c, 'message', (m) => m.kind === 'image');
    const original = await alice.c.messages.sendFile({ to: f.user('bob'), kind: 'image', path: alice.write('p.png', bytes), thumbnailPath: alice.write('t.png', SAMPLES.image(500)), width: 4, height: 3, ext: { tag: 'x' } });
    const received = await atBob;
    expect(await codeOf(carol.c.files.download(att(original).url as string).result)).toBe('UserPermissionDenied');

    const atCarol = next(carol.c, 'message', (m) => m.kind === 'image');
    const forwarded = await bob.c.messages.forward(received, f.user('carol'));
    const got = await atCarol;
    expect(got).toMatchObject({ id: forwarded.id, kind: 'image', from: f.uid('bob') });
    const a = att(got);
    expect(a).toMatchObject({ dName: 'p.png', width: 4, height: 3 });
    expect(a.url).not.toBe(att(original).url);
    expect(a.tUrl).toBe(`${a.url}&image_type=2`);
    expect(JSON.parse(got.ext!)).toEqual({ tag: 'x', forward: { from: f.uid('alice'), mid: original.id } });
    expect(carol.read((await carol.c.files.download(a.url as string).result).path).equals(bytes)).toBe(true);

    const text = await alice.c.messages.sendText(f.user('bob'), 'hi');
    const fwdText = await alice.c.messages.forward(text, f.group());
    expect(fwdText).toMatchObject({ kind: 'text', content: 'hi', conversation: f.group() });
    expect(JSON.parse(fwdText.ext!)).toEqual({ forward: { from: f.uid('alice'), mid: text.id } });
    await expect(alice.c.messages.forward({ ...text, id: '' }, f.group())).rejects.toThrow(/forward/);
  });
});

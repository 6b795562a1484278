/**
 * Every message kind of docs/rich-messages.md sent with `messages.send()` arrives intact, 1:1 and in
 * the group, on the peer and on the sender's other device; command messages raise `message` but are
 * never stored, listed or counted unread.
 */
import type { SendOptions } from '../../../sdk/src/core/managers/messages';
import type { Message } from '../../../sdk/src/core/types';
import { messageFixture, KINDS, next } from './message-fixture';

const f = messageFixture();

const SAMPLES: Array<Omit<SendOptions, 'to'>> = [
  { kind: 'text', content: 'plain text ✓ 你好', ext: { k: 1 } },
  { kind: 'image', attachment: { url: 'http://h/f/1', dName: 'cat.jpg', fLen: 2048, width: 640, height: 480, tUrl: 'http://h/f/1?image_type=2' } },
  { kind: 'audio', attachment: { url: 'http://h/f/2', dName: 'voice.amr', fLen: 900, duration: 4 } },
  { kind: 'video', attachment: { url: 'http://h/f/3', dName: 'clip.mp4', fLen: 90000, width: 320, height: 240, duration: 12, tUrl: 'http://h/f/3c' } },
  { kind: 'file', attachment: { url: 'http://h/f/4', dName: 'report.pdf', fLen: 123456 } },
  { kind: 'location', attachment: { lat: 31.2304, lon: 121.4737, addr: 'The Bund, Shanghai' } },
  { kind: 'custom', content: 'app text', attachment: { card: 'x' }, ext: { custom_type: 'vote', options: ['a', 'b'] }, config: { senderNickname: 'Alice' } },
];

/** What the receiver should see of a sample. */
function expected(s: Omit<SendOptions, 'to'>): Partial<Message> {
  const e: Partial<Message> = { kind: s.kind, content: s.content ?? '' };
  if (s.attachment) e.attachment = JSON.stringify(s.attachment);
  if (s.ext) e.ext = JSON.stringify(s.ext);
  if (s.config) e.config = JSON.stringify(s.config);
  return e;
}

describe.each(KINDS)('%s', (kind) => {
  test('every kind arrives intact at the peer, the own other device and in history (1:1 and group)', async () => {
    const a1 = await f.device(kind, 'alice');
    const a2 = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    for (const to of [f.user('bob'), f.group()]) {
      for (const sample of SAMPLES) {
        const atBob = next(b, 'message', (m) => m.kind === sample.kind && m.conversation.type === to.type);
        const atA2 = next(a2, 'message', (m) => m.kind === sample.kind && m.conversation.type === to.type);
        const sent = await a1.messages.send({ to, ...sample });
        expect(sent).toMatchObject({ ...expected(sample), status: 'sent', isOwn: true });
        expect(await atBob).toMatchObject({ ...expected(sample), id: sent.id, from: f.uid('alice'), status: 'unread', isOwn: false });
        expect(await atA2).toMatchObject({ ...expected(sample), id: sent.id, isOwn: true, status: 'sent' });
      }
      const page = await (await f.device(kind, 'bob')).messages.history(to.type === 'user' ? f.user('alice') : to, { limit: 50 });
      expect(page.messages.map((m) => m.kind)).toEqual(SAMPLES.map((s) => s.kind));
      page.messages.forEach((m, i) => expect(m).toMatchObject(expected(SAMPLES[i])));
    }
    expect(b.conversations.get(f.user('alice'))?.unread).toBe(SAMPLES.length);
  });

  test('command messages: `message` fires, nothing stored, listed or unread; not in history', async () => {
    const a1 = await f.device(kind, 'alice');
    const a2 = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    for (const to of [f.user('bob'), f.group()]) {
      const atBob = next(b, 'message');
      const atA2 = next(a2, 'message');
      const sent = await a1.messages.send({ to, kind: 'command', content: '{"cmd":"refresh"}', ext: { app: 1 } });
      expect(sent).toMatchObject({ kind: 'command', status: 'sent', isOwn: true, content: '{"cmd":"refresh"}' });
      expect(sent.id).toMatch(/^[0-9]+$/);
      expect(await atBob).toMatchObject({ id: sent.id, kind: 'command', content: '{"cmd":"refresh"}', ext: '{"app":1}', isOwn: false });
      expect(await atA2).toMatchObject({ id: sent.id, kind: 'command', isOwn: true });
    }
    for (const c of [a1, a2, b]) {
      expect(c.conversations.list()).toEqual([]);
      expect(c.conversations.totalUnread()).toBe(0);
    }
    expect(await b.messages.local(f.user('alice'))).toEqual([]);
    const page = await b.messages.history(f.user('alice'));
    expect(page.messages).toEqual([]);
  });
});

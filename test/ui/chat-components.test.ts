// The chat subpackage's components on their own: a bubble of each kind, and the input's panel,
// voice mode and @ handling, with the wx shim's pickers and recorder standing in for the user.
import { createWxShim, type WxShim } from '../support/wx-shim/index';
import { mount, type RenderedComponent } from './support/simulate';
import { touch } from './support/chat-page';
import { zh } from '../../miniprogram/i18n/zh';

type Globals = { wx?: unknown };
const g = globalThis as unknown as Globals;

function events(comp: RenderedComponent): Array<[string, Record<string, unknown>]> {
  const seen: Array<[string, Record<string, unknown>]> = [];
  const instance = comp.instance as unknown as { triggerEvent(name: string, detail: Record<string, unknown>): void };
  const original = instance.triggerEvent.bind(instance);
  instance.triggerEvent = (name, detail) => {
    seen.push([name, detail]);
    original(name, detail);
  };
  return seen;
}

const text = (comp: RenderedComponent, selector: string) => comp.querySelector(selector)?.dom?.textContent?.replace(/\s+/g, ' ').trim();
const tick = () => new Promise((r) => setTimeout(r, 0));
const waitFor = async <T>(check: () => T | undefined | false, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const v = check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const base = { key: 'm1', id: '1', own: false, text: '', status: 'unread', timestamp: 0, time: '', name: 'Bob', avatar: '', initial: 'B', showName: false, hidden: false, edited: '', readMark: '', progress: -1 };

describe('chat-bubble kinds', () => {
  test('image: the thumbnail at its drawn size; tap opens, long press asks for the menu', async () => {
    const comp = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'image', src: 'http://h/f?image_type=2', w: 360, h: 270 } });
    const img = comp.querySelector('.media');
    expect(img?.dom.getAttribute('style')).toContain('width: 360px');
    const seen = events(comp);
    comp.querySelector('.content')!.dispatchEvent('tap');
    comp.querySelector('.content')!.dispatchEvent('longpress');
    await tick();
    expect(seen).toEqual([['open', { key: 'm1' }], ['menu', { key: 'm1' }]]);
  });

  test('voice, video, file and location draw their details; a recalled message is a centred line', () => {
    const voice = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'audio', duration: '3"', voiceWidth: 170 }, playing: true });
    expect(text(voice, '.voice-length')).toBe('3"');
    expect(voice.querySelector('.voice--playing')).toBeTruthy();
    const video = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'video', src: 'http://h/c', w: 360, h: 203, duration: '0:07' } });
    expect(text(video, '.video-length')).toBe('0:07');
    const file = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'file', fileName: 'plan.pdf', fileSize: '4.0 KB' } });
    expect(text(file, '.card-title')).toBe('plan.pdf');
    expect(text(file, '.card-sub')).toBe('4.0 KB');
    const place = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'location', fileName: '腾讯大厦', address: '深南大道10000号' } });
    expect(text(place, '.card--map .card-title')).toBe('腾讯大厦');
    expect(place.querySelector('.map')).toBeTruthy();
    const recalled = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, kind: 'recalled', text: 'Bob 撤回了一条消息' } });
    expect(text(recalled, '.notice')).toBe('Bob 撤回了一条消息');
    expect(recalled.querySelector('.row')).toBeFalsy();
  });

  test('own messages: upload progress, the edited mark and the read mark', () => {
    const sending = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, own: true, status: 'sending', kind: 'file', fileName: 'a.pdf', fileSize: '1 KB', progress: 40 } });
    expect(sending.querySelector('.progress-bar')?.dom.getAttribute('style')).toContain('width: 40%');
    const sent = mount('packages/chat/components/chat-bubble/chat-bubble', { bubble: { ...base, own: true, status: 'read', kind: 'text', text: 'hi', edited: '已编辑', readMark: '已读' } });
    expect(sent.querySelector('.progress')).toBeFalsy();
    expect(text(sent, '.edited')).toBe('已编辑');
    expect(text(sent, '.read-mark')).toBe('已读');
  });
});

describe('chat-input', () => {
  let shim: WxShim;
  let previous: unknown;
  beforeEach(() => {
    shim = createWxShim();
    previous = g.wx;
    g.wx = { ...(previous as Record<string, unknown>), ...shim.wx };
  });
  afterEach(() => {
    g.wx = previous;
    shim.control.dispose();
  });
  const input = () => mount('packages/chat/components/chat-input/chat-input', { labels: zh.chat, placeholder: 'x', sendText: 'send' });

  test('the "+" panel picks a photo, a video, a file and a place (a dismissed picker sends nothing)', async () => {
    const comp = input();
    const seen = events(comp);
    const pick = async (id: string) => {
      comp.querySelector('#more')!.dispatchEvent('tap');
      await tick();
      comp.querySelector(id)!.dispatchEvent('tap');
    };
    await pick('#pick-album');
    const image = await waitFor(() => seen.find(([n]) => n === 'media'), 'the image');
    expect(image[1]).toMatchObject({ kind: 'image', width: 800, height: 600, size: 2048, path: expect.stringMatching(/^wxfile:\/\/tmp_.*\.png$/) });
    shim.control.media.queueMedia({ type: 'video', duration: 5 });
    await pick('#pick-album');
    const video = await waitFor(() => seen.filter(([n]) => n === 'media')[1], 'the video');
    expect(video[1]).toMatchObject({ kind: 'video', duration: 5, thumbnailPath: expect.stringMatching(/\.jpg$/) });
    shim.control.media.queueFile({ name: 'plan.pdf', size: 3000 });
    await pick('#pick-file');
    expect((await waitFor(() => seen.find(([n]) => n === 'file'), 'the file'))[1]).toMatchObject({ name: 'plan.pdf', size: 3000 });
    await pick('#pick-location');
    expect((await waitFor(() => seen.find(([n]) => n === 'location'), 'the place'))[1]).toMatchObject({ name: '腾讯大厦', latitude: 22.540503 });
    shim.control.media.queueMedia('cancel');
    await pick('#pick-album');
    await waitFor(() => shim.control.media.callsOf('chooseMedia').length === 3, 'the third picker');
    await tick();
    expect(seen.filter(([n]) => n === 'media')).toHaveLength(2);
    expect(comp.data.panel).toBe(false);
  });

  test('hold to talk: release sends the voice, sliding up cancels, under a second is too short', async () => {
    const comp = input();
    const seen = events(comp);
    comp.querySelector('#voice-toggle')!.dispatchEvent('tap');
    await tick();
    const hold = () => comp.querySelector('#hold')!;
    shim.control.media.recordingMs = 3400;
    touch(hold(), 'touchstart', [{ x: 100, y: 600 }]);
    await tick();
    expect(comp.data.recording).toBe(true);
    expect(text(comp, '#hold')).toBe(zh.chat.releaseToSend);
    touch(hold(), 'touchend', [{ x: 100, y: 600 }]);
    const voice = await waitFor(() => seen.find(([n]) => n === 'voice'), 'the voice');
    expect(voice[1]).toMatchObject({ duration: 3, size: 20400, path: expect.stringMatching(/\.aac$/) });

    touch(hold(), 'touchstart', [{ x: 100, y: 600 }]);
    await tick();
    touch(hold(), 'touchmove', [{ x: 100, y: 400 }]);
    await tick();
    expect(comp.data.cancelling).toBe(true);
    expect(text(comp, '#hold')).toBe(zh.chat.releaseToCancel);
    touch(hold(), 'touchend', [{ x: 100, y: 400 }]);
    await waitFor(() => shim.control.media.callsOf('RecorderManager.stop').length === 2, 'the second stop');
    await tick();

    shim.control.media.recordingMs = 400;
    touch(hold(), 'touchstart', [{ x: 100, y: 600 }]);
    await tick();
    touch(hold(), 'touchend', [{ x: 100, y: 600 }]);
    await waitFor(() => shim.control.media.callsOf('RecorderManager.stop').length === 3, 'the third stop');
    await tick();
    await tick();
    expect(seen.filter(([n]) => n === 'voice')).toHaveLength(1);
    expect(comp.data.recording).toBe(false);
  });

  test('in a group "@" asks for a member; the inserted mention goes out with the text while it is still there', async () => {
    const comp = mount('packages/chat/components/chat-input/chat-input', { labels: zh.chat, group: true, reportTyping: true });
    const seen = events(comp);
    const field = comp.querySelector('.input')!;
    field.dispatchEvent('input', { detail: { value: 'hi @' } });
    await tick();
    expect(seen.map(([n]) => n)).toEqual(['typing', 'mention']);
    (comp.instance as unknown as { insertMention(id: string, name: string, replaceAt: boolean): void }).insertMention('7', 'Bob', true);
    expect(comp.data.value).toBe('hi @Bob ');
    (comp.instance as unknown as { insertMention(id: string, name: string, replaceAt: boolean): void }).insertMention('all', '所有人', false);
    field.dispatchEvent('input', { detail: { value: 'hi @Bob @所有人 look' } });
    await tick();
    comp.querySelector('#send')!.querySelector('.t-button')!.dispatchEvent('tap');
    await tick();
    expect(seen[seen.length - 1]).toEqual(['send', { text: 'hi @Bob @所有人 look', mentions: 'all' }]);
    (comp.instance as unknown as { insertMention(id: string, name: string, replaceAt: boolean): void }).insertMention('7', 'Bob', false);
    field.dispatchEvent('input', { detail: { value: 'never mind' } });
    await tick();
    comp.querySelector('#send')!.querySelector('.t-button')!.dispatchEvent('tap');
    await tick();
    expect(seen[seen.length - 1]).toEqual(['send', { text: 'never mind' }]);
    field.dispatchEvent('blur', { detail: { value: '' } });
    await tick();
    expect(seen[seen.length - 1]).toEqual(['idle', {}]);
  });

  test('editing: the text to change is in the field and the send says it is an edit; cancel leaves it', async () => {
    const comp = input();
    const seen = events(comp);
    (comp.instance as unknown as { startEdit(t: string): void }).startEdit('old words');
    await tick();
    expect(text(comp, '.editing')).toContain(zh.chat.editing);
    comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: 'new words' } });
    await tick();
    comp.querySelector('#send')!.querySelector('.t-button')!.dispatchEvent('tap');
    await tick();
    expect(seen[seen.length - 1]).toEqual(['send', { text: 'new words', edit: true }]);
    (comp.instance as unknown as { startEdit(t: string): void }).startEdit('again');
    await tick();
    comp.querySelector('#edit-cancel')!.dispatchEvent('tap');
    await tick();
    expect(comp.data).toMatchObject({ value: '', editing: false });
    expect(seen[seen.length - 1]).toEqual(['editcancel', {}]);
  });
});

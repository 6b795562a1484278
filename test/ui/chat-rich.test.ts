// Rich messages through the chat page, phone to phone over a real floo-server: a photo, a voice
// message (hold to talk), a video, a file and a place are picked with the shim's pickers on alice's
// phone and drawn on bob's, where tapping them previews, plays (and acknowledges), opens the
// document or the map. Also the read mark and the typing indicator.
import { uiSession, type PageHandle, type Phone } from './support/phone';
import { until } from './support/simulate';
import { bubbleWhere, bubbles, isSent, holdToTalk, lastTitle, pickFromPanel, tapBubble, tapInput, userChat } from './support/chat-page';

const ui = uiSession();

let alice: Phone;
let bob: Phone;
let aliceChat: PageHandle;
let bobChat: PageHandle;

beforeAll(async () => {
  alice = await ui.loggedIn('alice');
  bob = await ui.loggedIn('bob');
  aliceChat = alice.open(userChat(ui.server, 'bob', 'Bob'));
  bobChat = bob.open(userChat(ui.server, 'alice', 'Alice'));
});

/** Records the progress values alice's page draws. */
function progressDrawn(page: PageHandle): number[] {
  const seen: number[] = [];
  const instance = page.comp.instance;
  const original = instance.setData.bind(instance);
  instance.setData = (patch: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(patch)) {
      if (k.endsWith('.progress')) seen.push(v as number);
      else if (/^blocks\[0\]\.items\[\d+\]$/.test(k) && typeof (v as { progress?: number }).progress === 'number') seen.push((v as { progress: number }).progress);
    }
    original(patch);
  };
  return seen;
}

test('a photo: the bubble shows upload progress while sending; bob sees the thumbnail and taps it into the preview', async () => {
  const progress = progressDrawn(aliceChat);
  alice.control.media.queueMedia({ type: 'image', size: 300_000, width: 1200, height: 900 });
  await pickFromPanel(aliceChat, '#pick-album');
  const mine = await bubbleWhere(aliceChat, (b) => b.kind === 'image' && isSent(b), 'alice\'s sent photo');
  expect(progress.some((p) => p >= 0 && p < 100)).toBe(true);
  expect(mine.progress).toBe(-1);

  const theirs = await bubbleWhere(bobChat, (b) => b.kind === 'image' && !b.own, 'the photo at bob');
  expect(theirs.src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await tapBubble(bob, bobChat, theirs.key);
  const preview = await until(() => bob.control.media.callsOf('previewImage')[0], 'the preview');
  const current = preview.current as string;
  expect(preview.urls).toContain(current);
  // The preview URL is readable as it is (the token rides along), and serves what alice picked.
  const res = await fetch(current);
  expect(res.status).toBe(200);
  expect((await res.arrayBuffer()).byteLength).toBe(300_000);
});

test('a voice message: hold to talk on alice\'s phone; bob taps it, it plays from the server and alice learns it was played', async () => {
  const played: string[] = [];
  const off = alice.app.im.client.on('messagePlayed', ({ message }) => played.push(message.id));
  await tapInput(aliceChat, '#voice-toggle');
  await holdToTalk(alice, aliceChat, 3400);
  const mine = await bubbleWhere(aliceChat, (b) => b.kind === 'audio' && isSent(b), 'alice\'s voice message');
  expect(mine.duration).toBe('3"');
  // Sliding up before letting go sends nothing.
  await holdToTalk(alice, aliceChat, 2000, 200);
  await tapInput(aliceChat, '#voice-toggle');

  const theirs = await bubbleWhere(bobChat, (b) => b.kind === 'audio' && !b.own, 'the voice message at bob');
  expect(theirs.duration).toBe('3"');
  await tapBubble(bob, bobChat, theirs.key);
  const play = await until(() => bob.control.media.callsOf('InnerAudioContext.play').find((c) => c.statusCode !== undefined), 'playback');
  expect(play.statusCode).toBe(200);
  await until(() => played.includes(mine.id), 'the played ack at alice');
  off();
  expect(bubbles(aliceChat).filter((b) => b.kind === 'audio')).toHaveLength(1);
});

test('a video: cover and length at bob, a tap opens the media preview', async () => {
  alice.control.media.queueMedia({ type: 'video', duration: 7, size: 20_000 });
  await pickFromPanel(aliceChat, '#pick-album');
  const theirs = await bubbleWhere(bobChat, (b) => b.kind === 'video' && !b.own, 'the video at bob');
  expect(theirs.duration).toBe('0:07');
  await tapBubble(bob, bobChat, theirs.key);
  const media = await until(() => bob.control.media.callsOf('previewMedia')[0], 'the media preview');
  const [source] = media.sources as Array<{ url: string; type: string }>;
  expect(source.type).toBe('video');
  expect((await fetch(source.url)).status).toBe(200);
});

test('a file: name and size at bob; a tap downloads it with the token and opens it as a document', async () => {
  alice.control.media.queueFile({ name: 'plan.pdf', size: 5000 });
  await pickFromPanel(aliceChat, '#pick-file');
  const theirs = await bubbleWhere(bobChat, (b) => b.kind === 'file' && !b.own, 'the file at bob');
  expect(theirs).toMatchObject({ fileName: 'plan.pdf', fileSize: '4.9 KB' });
  await tapBubble(bob, bobChat, theirs.key);
  const open = await until(() => bob.control.media.callsOf('openDocument')[0], 'the document');
  expect(open.fileType).toBe('pdf');
  const bytes = bob.control.files.readBytes('test', open.filePath as string);
  expect(bytes.length).toBe(5000);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a place: a map card with the address at bob; a tap opens the map', async () => {
  await pickFromPanel(aliceChat, '#pick-location');
  const theirs = await bubbleWhere(bobChat, (b) => b.kind === 'location' && !b.own, 'the place at bob');
  expect(theirs).toMatchObject({ fileName: '腾讯大厦', address: '广东省深圳市南山区深南大道10000号' });
  await tapBubble(bob, bobChat, theirs.key);
  const open = await until(() => bob.control.media.callsOf('openLocation')[0], 'the map');
  expect(open).toMatchObject({ latitude: 22.540503, longitude: 113.934528, name: '腾讯大厦' });
});

test('own 1:1 messages say 未读 until the peer opens the chat, then 已读', async () => {
  bobChat.close();
  await aliceChat.type('#input', 'are you there?');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  const sent = await bubbleWhere(aliceChat, (b) => b.text === 'are you there?' && b.status === 'sent', 'the sent text');
  expect(sent.readMark).toBe('未读');
  expect(aliceChat.$(`#b-${sent.key} .message >>> .read-mark`)?.dom.textContent).toBe('未读');
  bobChat = bob.open(userChat(ui.server, 'alice', 'Alice'));
  await bubbleWhere(aliceChat, (b) => b.key === sent.key && b.readMark === '已读', 'the read mark');
});

test('typing: bob\'s title says alice is typing while she types, and stops when she sends', async () => {
  await aliceChat.type('#input', 'typing some');
  // Pages call the global wx, which is the phone the test acted on last: bob's, from here on.
  bob.activate();
  await until(() => bobChat.data.typing === true, 'the typing indicator');
  expect(bobChat.$('#typing')?.dom.textContent).toBe('对方正在输入…');
  expect(lastTitle(bob)).toBe('对方正在输入…');
  await aliceChat.tap(aliceChat.$('#input')!.querySelector('#send'));
  bob.activate();
  await until(() => bobChat.data.typing === false, 'the indicator to go');
  expect(lastTitle(bob)).toBe('Alice');
  expect(bobChat.$('#typing')).toBeFalsy();
});

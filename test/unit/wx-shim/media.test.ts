/** The shim's pickers, viewers, clipboard, action sheet, recorder and audio player. */
import { createWxShim, DEFAULT_LOCATION, type WxShim } from '../../support/wx-shim';
import { startEchoServer, type EchoServer } from './support/echo-server';
import { outcome } from './support/outcome';

let server: EchoServer;
let shim: WxShim;

beforeEach(async () => {
  server = await startEchoServer();
  shim = createWxShim();
});

afterEach(async () => {
  shim.control.dispose();
  await server.close();
});

/** An InnerAudioContext as the shim makes it (loosely typed, like WeChat's). */
interface AudioCtx {
  src: string;
  play(): void;
  destroy(): void;
  onEnded(l: () => void): void;
  onPlay(l: () => void): void;
  onCanplay(l: () => void): void;
  onError(l: (e: unknown) => void): void;
}

const bytesOf = (p: string) => new Uint8Array(shim.wx.getFileSystemManager().readFileSync(p) as ArrayBuffer);

test('chooseMedia gives a real temporary PNG by default, a queued video with its cover, and fails on cancel', async () => {
  const image = await shim.wx.chooseMedia({ count: 1, mediaType: ['image', 'video'] }) as { type: string; tempFiles: Array<Record<string, unknown>> };
  expect(image.type).toBe('image');
  const [file] = image.tempFiles;
  expect(file).toMatchObject({ size: 2048, width: 800, height: 600, fileType: 'image' });
  const png = bytesOf(file.tempFilePath as string);
  expect(png.length).toBe(2048);
  expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(file.tempFilePath).toMatch(/^wxfile:\/\/tmp_.*\.png$/);

  shim.control.media.queueMedia({ type: 'video', duration: 7, size: 10000 });
  const video = await shim.wx.chooseMedia({ mediaType: ['video'] }) as { type: string; tempFiles: Array<Record<string, unknown>> };
  expect(video.type).toBe('video');
  expect(video.tempFiles[0]).toMatchObject({ duration: 7, size: 10000, width: 640, height: 360, fileType: 'video' });
  expect(bytesOf(video.tempFiles[0].tempFilePath as string).length).toBe(10000);
  expect(bytesOf(video.tempFiles[0].thumbTempFilePath as string)[0]).toBe(0xff);

  shim.control.media.queueMedia('cancel');
  const cancelled = await outcome((cb) => shim.wx.chooseMedia({ ...cb }));
  expect(cancelled).toMatchObject({ ok: false, result: { errMsg: 'chooseMedia:fail cancel' } });
  shim.control.media.queueMedia({ type: 'video' });
  const refused = await outcome((cb) => shim.wx.chooseMedia({ mediaType: ['image'], ...cb }));
  expect(refused.ok).toBe(false);
  expect(shim.control.media.callsOf('chooseMedia')).toHaveLength(4);
});

test('chooseMessageFile and chooseLocation answer the queued pick, or the defaults', async () => {
  shim.control.media.queueFile({ name: 'plan.pdf', size: 5000 });
  const picked = await shim.wx.chooseMessageFile({ count: 1, type: 'file' }) as { tempFiles: Array<{ path: string; name: string; size: number }> };
  expect(picked.tempFiles[0]).toMatchObject({ name: 'plan.pdf', size: 5000, type: 'file' });
  expect(picked.tempFiles[0].path).toMatch(/\.pdf$/);
  expect(Buffer.from(bytesOf(picked.tempFiles[0].path).slice(0, 5)).toString('latin1')).toBe('%PDF-');
  const fallback = await shim.wx.chooseMessageFile({ count: 1 }) as { tempFiles: Array<{ name: string }> };
  expect(fallback.tempFiles[0].name).toBe('notes.pdf');

  expect(await shim.wx.chooseLocation({})).toEqual({ ...DEFAULT_LOCATION, errMsg: 'chooseLocation:ok' });
  shim.control.media.queueLocation({ name: 'Home', address: '1 Road', latitude: 1.5, longitude: 2.5 });
  expect(await shim.wx.chooseLocation({})).toMatchObject({ name: 'Home', latitude: 1.5 });
  shim.control.media.queueLocation('cancel');
  await expect(shim.wx.chooseLocation({})).rejects.toEqual({ errMsg: 'chooseLocation:fail cancel' });
});

test('showActionSheet taps the queued item by its text, is dismissed otherwise, and keeps WeChat\'s 6-item limit', async () => {
  shim.control.media.queueAction('Delete');
  const r = await outcome<{ tapIndex: number }>((cb) => shim.wx.showActionSheet({ itemList: ['Copy', 'Delete'], ...cb }));
  expect(r).toMatchObject({ ok: true, result: { tapIndex: 1, errMsg: 'showActionSheet:ok' } });
  await expect(shim.wx.showActionSheet({ itemList: ['Copy'] })).rejects.toEqual({ errMsg: 'showActionSheet:fail cancel' });
  shim.control.media.queueAction('Missing');
  await expect(shim.wx.showActionSheet({ itemList: ['Copy'] })).rejects.toEqual({ errMsg: 'showActionSheet:fail cancel' });
  const seven = await outcome((cb) => shim.wx.showActionSheet({ itemList: ['1', '2', '3', '4', '5', '6', '7'], ...cb }));
  expect(seven.result.errMsg).toMatch(/not be large than 6/);
  expect(shim.control.media.callsOf('showActionSheet')[0]).toEqual({ itemList: ['Copy', 'Delete'] });
});

test('viewers are recorded; openDocument needs an existing file, openLocation valid coordinates; the clipboard keeps text', async () => {
  await shim.wx.previewImage({ urls: ['http://x/a.png'], current: 'http://x/a.png' });
  expect(shim.control.media.callsOf('previewImage')).toEqual([{ urls: ['http://x/a.png'], current: 'http://x/a.png' }]);
  await expect(shim.wx.previewImage({ urls: [] })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^previewImage:fail parameter error/) });
  await shim.wx.previewMedia({ sources: [{ url: 'http://x/v.mp4', type: 'video' }] });

  const [{ path }] = ((await shim.wx.chooseMessageFile({})) as { tempFiles: Array<{ path: string }> }).tempFiles;
  await expect(shim.wx.openDocument({ filePath: path, showMenu: true })).resolves.toEqual({ errMsg: 'openDocument:ok' });
  await expect(shim.wx.openDocument({ filePath: 'wxfile://tmp_missing' })).rejects.toMatchObject({ errMsg: 'openDocument:fail no such file or directory wxfile://tmp_missing' });

  await shim.wx.openLocation({ latitude: 22.5, longitude: 113.9, name: 'x' });
  await expect(shim.wx.openLocation({ latitude: 'a', longitude: 1 })).rejects.toMatchObject({ errMsg: expect.stringMatching(/latitude/) });

  await shim.wx.setClipboardData({ data: 'copied' });
  expect(shim.control.media.clipboard).toBe('copied');
  expect(await shim.wx.getClipboardData({})).toEqual({ data: 'copied', errMsg: 'getClipboardData:ok' });
});

test('the recorder is one object per app; stop writes a real file of the queued length, capped by the duration option', async () => {
  const rec = shim.wx.getRecorderManager() as unknown as Record<string, (...a: unknown[]) => void>;
  expect(shim.wx.getRecorderManager()).toBe(rec);
  const events: string[] = [];
  const stopped = new Promise<{ tempFilePath: string; duration: number; fileSize: number }>((resolve) => rec.onStop((r: unknown) => resolve(r as never)));
  rec.onStart(() => events.push('start'));
  const errors: string[] = [];
  rec.onError((e: unknown) => errors.push((e as { errMsg: string }).errMsg));
  shim.control.media.recordingMs = 3200;
  rec.start({ format: 'aac', encodeBitRate: 48000 });
  rec.start({});
  rec.stop();
  const r = await stopped;
  expect(events).toEqual(['start']);
  expect(errors).toEqual(['operateRecorder:fail recorder is recording']);
  expect(r.duration).toBe(3200);
  expect(r.fileSize).toBe(19200);
  expect(r.tempFilePath).toMatch(/\.aac$/);
  expect(bytesOf(r.tempFilePath).length).toBe(19200);

  const capped = new Promise<{ duration: number }>((resolve) => rec.onStop((x: unknown) => resolve(x as never)));
  rec.start({ duration: 1000, format: 'mp3' });
  rec.stop();
  expect((await capped).duration).toBe(1000);
  rec.stop();
  await new Promise((res) => setImmediate(res));
  expect(errors[1]).toBe('operateRecorder:fail recorder not start');
});

test('an audio context fetches its src when played: canplay, play, ended; an unreadable URL reports onError', async () => {
  const ctx = shim.wx.createInnerAudioContext() as unknown as AudioCtx;
  const seen: string[] = [];
  const ended = new Promise<void>((resolve) => ctx.onEnded(() => resolve()));
  ctx.onPlay(() => seen.push('play'));
  ctx.onCanplay(() => seen.push('canplay'));
  ctx.src = `${server.http}/bytes/100`;
  ctx.play();
  await ended;
  expect(seen).toEqual(['canplay', 'play']);
  expect(shim.control.media.callsOf('InnerAudioContext.play')[0]).toEqual({ src: `${server.http}/bytes/100`, statusCode: 200 });

  const bad = shim.wx.createInnerAudioContext() as unknown as AudioCtx;
  const failed = new Promise<{ errCode: number }>((resolve) => bad.onError((e: unknown) => resolve(e as never)));
  bad.src = `${server.http}/status/403`;
  bad.play();
  expect((await failed).errCode).toBe(10002);
  bad.destroy();
  expect(shim.control.media.callsOf('InnerAudioContext.destroy')).toHaveLength(1);
});

/**
 * What the test decides for the app's "user" in the media and UI pickers (which photo, file or place
 * is picked, which action-sheet item is tapped, how long a recording lasts) and the record of every
 * media or UI call the app made (previews, documents opened, clipboard, playback). Answers are queued
 * per API; with nothing queued each picker gives a fixed, deterministic default and the action sheet
 * is dismissed.
 */

/** One call the app made to a media or UI API. */
export interface MediaCall {
  api: string;
  args: Record<string, unknown>;
}

/** What `wx.chooseMedia` picks (defaults: an 800×600 PNG of 2 KB, or a 3 s 640×360 MP4 with a cover). */
export interface MediaPick {
  type: 'image' | 'video';
  size?: number;
  width?: number;
  height?: number;
  /** Seconds (videos). */
  duration?: number;
}

/** What `wx.chooseMessageFile` picks (default: `notes.pdf`, 4 KB). */
export interface FilePick {
  name: string;
  size?: number;
}

/** What `wx.chooseLocation` picks. */
export interface LocationPick {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

/** The place `wx.chooseLocation` answers with nothing queued. */
export const DEFAULT_LOCATION: LocationPick = { name: '腾讯大厦', address: '广东省深圳市南山区深南大道10000号', latitude: 22.540503, longitude: 113.934528 };

/** A user's answer to a picker: a pick, or dismissing it. */
export type Answer<T> = T | 'cancel';

/** The test's side of the media and UI APIs of one shim. */
export class MediaControl {
  /** Every media/UI call, in order. */
  readonly calls: MediaCall[] = [];
  /** What `wx.setClipboardData` last stored. */
  clipboard = '';
  /** How long the next recordings last (ms) when nothing is queued (WeChat caps it at `options.duration`). */
  recordingMs = 2000;
  private readonly queues = new Map<string, unknown[]>();

  /** The next `wx.chooseMedia` answer. */
  queueMedia(answer: Answer<MediaPick>): void {
    this.push('chooseMedia', answer);
  }

  /** The next `wx.chooseMessageFile` answer. */
  queueFile(answer: Answer<FilePick>): void {
    this.push('chooseMessageFile', answer);
  }

  /** The next `wx.chooseLocation` answer. */
  queueLocation(answer: Answer<LocationPick>): void {
    this.push('chooseLocation', answer);
  }

  /** The item the user taps in the next `wx.showActionSheet`, by its text (or dismisses it). */
  queueAction(answer: Answer<string>): void {
    this.push('showActionSheet', answer);
  }

  /** The calls of one API (e.g. `previewImage`, `InnerAudioContext.play`). */
  callsOf(api: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.api === api).map((c) => c.args);
  }

  /** Takes the queued answer of an API, if any. */
  take<T>(api: string): Answer<T> | undefined {
    return this.queues.get(api)?.shift() as Answer<T> | undefined;
  }

  /** Records a call (done by the shim). */
  record(api: string, args: Record<string, unknown>): void {
    this.calls.push({ api, args });
  }

  private push(api: string, answer: unknown): void {
    const q = this.queues.get(api) ?? [];
    q.push(answer);
    this.queues.set(api, q);
  }
}

/** Bytes that start like a real file of the type (so type sniffing works), padded to `size`. */
export function fakeFileBytes(kind: 'png' | 'jpg' | 'mp4' | 'aac' | 'mp3' | 'pdf' | 'bin', size: number, dims = { width: 1, height: 1 }): Buffer {
  let head: Buffer;
  switch (kind) {
    case 'png': {
      const ihdr = Buffer.alloc(25);
      ihdr.writeUInt32BE(13, 0);
      ihdr.write('IHDR', 4, 'latin1');
      ihdr.writeUInt32BE(dims.width, 8);
      ihdr.writeUInt32BE(dims.height, 12);
      ihdr.writeUInt8(8, 16);
      ihdr.writeUInt8(2, 17);
      head = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
      break;
    }
    case 'jpg': head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]); break;
    case 'mp4': head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1'), Buffer.alloc(12)]); break;
    case 'aac': head = Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]); break;
    case 'mp3': head = Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'); break;
    case 'pdf': head = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n', 'latin1'); break;
    default: head = Buffer.alloc(0);
  }
  const body = Buffer.alloc(Math.max(size, head.length));
  head.copy(body);
  // A fixed pattern, not zeros: the same pick always gives the same bytes, and compressors cannot shrink it away.
  for (let i = head.length; i < body.length; i++) body[i] = (i * 31 + 7) & 0xff;
  return body;
}

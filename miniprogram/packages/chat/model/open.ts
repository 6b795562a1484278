/**
 * What a tap on a message's content does, by kind: an image opens WeChat's image preview (with the
 * chat's other images to swipe through), a video the media preview, a voice message plays (one at a
 * time), a file is downloaded with the token and opened as a document, a location opens the map.
 * Files still uploading open from their local path.
 */
import type { FlooClient, Message } from 'floo-miniprogram';
import { attachmentOf } from './attachment';

/** File types wx.openDocument understands. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

/** A server file URL with the token (the SDK's `files.url`). */
export function fileUrl(client: FlooClient, url: string, thumbnail = false): string {
  return url ? client.files.url(url, thumbnail ? { thumbnail: true } : undefined) : '';
}

/** Opens WeChat's image preview on `m`, with every image of `all` to swipe through. */
export function previewImages(client: FlooClient, m: Message, all: Message[]): void {
  const src = (x: Message) => {
    const a = attachmentOf(x);
    return a.url ? fileUrl(client, a.url) : a.localPath;
  };
  const urls = all.filter((x) => x.kind === 'image' && !x.recalled).map(src).filter(Boolean);
  const current = src(m);
  if (!current) return;
  wx.previewImage({ current, urls: urls.includes(current) ? urls : [current] });
}

/** Plays a video in WeChat's media preview. */
export function previewVideo(client: FlooClient, m: Message): void {
  const a = attachmentOf(m);
  const url = a.url ? fileUrl(client, a.url) : a.localPath;
  if (!url) return;
  const poster = a.tUrl ? fileUrl(client, a.tUrl) : a.thumbnailPath;
  wx.previewMedia({ sources: [poster ? { url, type: 'video', poster } : { url, type: 'video' }] });
}

/** Opens a place on the map. */
export function openPlace(m: Message): void {
  const a = attachmentOf(m);
  wx.openLocation({ latitude: a.lat, longitude: a.lon, name: a.name, address: a.addr, scale: 16 });
}

/** Downloads a file (with the token) and opens it; `fail` gets the reason when that does not work. */
export async function openFile(client: FlooClient, m: Message, fail: (err: unknown) => void): Promise<void> {
  const a = attachmentOf(m);
  const ext = /\.([a-z0-9]+)$/i.exec(a.dName)?.[1]?.toLowerCase() ?? '';
  const open = (filePath: string) => new Promise<void>((resolve, reject) => wx.openDocument({
    filePath, showMenu: true, ...(DOCUMENT_TYPES.includes(ext) ? { fileType: ext as 'pdf' } : {}), success: () => resolve(), fail: reject,
  }));
  try {
    if (!a.url) {
      if (a.localPath) await open(a.localPath);
      return;
    }
    wx.showLoading({ title: '' });
    const { path } = await client.files.download(a.url).result;
    wx.hideLoading();
    await open(path);
  } catch (err) {
    wx.hideLoading();
    fail(err);
  }
}

/**
 * Plays voice messages, one at a time, with one audio context for the page. `onChange` gets the key
 * playing ('' when it stops); `destroy` when the page goes.
 */
export class VoicePlayer {
  private ctx: WechatMiniprogram.InnerAudioContext | undefined;
  private key = '';

  constructor(private readonly onChange: (key: string) => void) {}

  /** Plays `url` as the bubble `key`; the same key again stops it. */
  toggle(key: string, url: string): boolean {
    const ctx = this.context();
    if (this.key === key) {
      ctx.stop();
      this.set('');
      return false;
    }
    ctx.stop();
    ctx.src = url;
    this.set(key);
    ctx.play();
    return true;
  }

  destroy(): void {
    this.ctx?.destroy();
    this.ctx = undefined;
  }

  private context(): WechatMiniprogram.InnerAudioContext {
    if (!this.ctx) {
      const ctx = wx.createInnerAudioContext();
      const stopped = () => this.set('');
      ctx.onEnded(stopped);
      ctx.onError(stopped);
      this.ctx = ctx;
    }
    return this.ctx;
  }

  private set(key: string): void {
    this.key = key;
    this.onChange(key);
  }
}

/**
 * The pickers and viewers an IM app calls: `wx.chooseMedia`, `chooseMessageFile`, `chooseLocation`
 * (answers from `MediaControl`, picked files written as real temporary files), `showActionSheet`
 * (WeChat's limit of 6 items; the queued item is tapped, else it is dismissed), `previewImage`,
 * `previewMedia`, `openDocument` (the file must exist), `openLocation`, and the clipboard.
 * Dismissed pickers fail with `<api>:fail cancel`, as in WeChat.
 */
import { failure, settle, WxSyncError, type Deliver, type WxCallbackOptions } from './callbacks';
import type { FakeFileSystem } from './file-system';
import { DEFAULT_LOCATION, fakeFileBytes, type FilePick, type LocationPick, type MediaControl, type MediaPick } from './media-control';

type Options = WxCallbackOptions<never> & Record<string, unknown>;

const CALLBACKS = ['success', 'fail', 'complete'];

const EXT: Record<string, Parameters<typeof fakeFileBytes>[0]> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', mp4: 'mp4', aac: 'aac', mp3: 'mp3', pdf: 'pdf' };

/** Builds the picker, viewer and clipboard functions. */
export function createMediaApi(media: MediaControl, files: FakeFileSystem, deliver: Deliver) {
  /** Records the call and settles it with what `answer` returns (or throws). */
  const call = (api: string, answer: (o: Options) => Record<string, unknown>) => (o: Options = {}) => {
    media.record(api, Object.fromEntries(Object.entries(o).filter(([k]) => !CALLBACKS.includes(k))));
    let outcome: Promise<Record<string, unknown>>;
    try {
      outcome = Promise.resolve({ ...answer(o), errMsg: `${api}:ok` });
    } catch (e) {
      outcome = Promise.reject(e);
    }
    return settle(deliver, o as WxCallbackOptions<Record<string, unknown>>, outcome);
  };
  const cancelled = (api: string) => new WxSyncError(failure(api, 'cancel'));
  const saveFile = (name: string, size: number, dims?: { width: number; height: number }): string => {
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
    return files.saveTemp(fakeFileBytes(EXT[ext] ?? 'bin', size, dims), ext ? `.${ext}` : '');
  };

  const chooseMedia = call('chooseMedia', (o) => {
    const types = Array.isArray(o.mediaType) ? (o.mediaType as string[]) : ['image', 'video'];
    const queued = media.take<MediaPick>('chooseMedia');
    if (queued === 'cancel') throw cancelled('chooseMedia');
    const pick: MediaPick = queued ?? { type: types.includes('image') ? 'image' : 'video' };
    if (!types.includes(pick.type) && !types.includes('mix')) throw new WxSyncError(failure('chooseMedia', `${pick.type} not allowed by mediaType`));
    if (pick.type === 'image') {
      const width = pick.width ?? 800;
      const height = pick.height ?? 600;
      const size = pick.size ?? 2048;
      return { type: 'image', tempFiles: [{ tempFilePath: saveFile('x.png', size, { width, height }), size, width, height, fileType: 'image' }] };
    }
    const width = pick.width ?? 640;
    const height = pick.height ?? 360;
    const size = pick.size ?? 8192;
    return {
      type: 'video',
      tempFiles: [{
        tempFilePath: saveFile('x.mp4', size), size, width, height, duration: pick.duration ?? 3,
        thumbTempFilePath: saveFile('x.jpg', 1024), fileType: 'video',
      }],
    };
  });

  const chooseMessageFile = call('chooseMessageFile', () => {
    const queued = media.take<FilePick>('chooseMessageFile');
    if (queued === 'cancel') throw cancelled('chooseMessageFile');
    const pick = queued ?? { name: 'notes.pdf' };
    const size = pick.size ?? 4096;
    return { tempFiles: [{ path: saveFile(pick.name, size), size, name: pick.name, type: 'file', time: 1700000000 }] };
  });

  const chooseLocation = call('chooseLocation', () => {
    const queued = media.take<LocationPick>('chooseLocation');
    if (queued === 'cancel') throw cancelled('chooseLocation');
    return { ...(queued ?? DEFAULT_LOCATION) };
  });

  const showActionSheet = call('showActionSheet', (o) => {
    const items = Array.isArray(o.itemList) ? (o.itemList as unknown[]).map(String) : [];
    if (!items.length) throw new WxSyncError(failure('showActionSheet', 'parameter error: parameter.itemList should have at least 1 item'));
    if (items.length > 6) throw new WxSyncError(failure('showActionSheet', 'parameter error: parameter.itemList should not be large than 6'));
    const choice = media.take<string>('showActionSheet');
    const tapIndex = choice === undefined || choice === 'cancel' ? -1 : items.indexOf(choice);
    if (tapIndex < 0) throw cancelled('showActionSheet');
    return { tapIndex };
  });

  const needs = (api: string, ok: boolean, what: string): void => {
    if (!ok) throw new WxSyncError(failure(api, `parameter error: ${what}`));
  };
  const previewImage = call('previewImage', (o) => {
    needs('previewImage', Array.isArray(o.urls) && o.urls.length > 0, 'parameter.urls should be a non-empty array');
    return {};
  });
  const previewMedia = call('previewMedia', (o) => {
    needs('previewMedia', Array.isArray(o.sources) && o.sources.length > 0, 'parameter.sources should be a non-empty array');
    return {};
  });
  const openDocument = call('openDocument', (o) => {
    files.readBytes('openDocument', String(o.filePath ?? ''));
    return {};
  });
  const openLocation = call('openLocation', (o) => {
    needs('openLocation', typeof o.latitude === 'number' && Math.abs(o.latitude) <= 90, 'parameter.latitude should be a number in [-90, 90]');
    needs('openLocation', typeof o.longitude === 'number' && Math.abs(o.longitude) <= 180, 'parameter.longitude should be a number in [-180, 180]');
    return {};
  });
  const setClipboardData = call('setClipboardData', (o) => {
    needs('setClipboardData', typeof o.data === 'string', 'parameter.data should be String');
    media.clipboard = o.data as string;
    return {};
  });
  const getClipboardData = call('getClipboardData', () => ({ data: media.clipboard }));

  return { chooseMedia, chooseMessageFile, chooseLocation, showActionSheet, previewImage, previewMedia, openDocument, openLocation, setClipboardData, getClipboardData };
}

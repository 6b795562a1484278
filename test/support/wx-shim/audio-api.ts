/**
 * `wx.getRecorderManager()` and `wx.createInnerAudioContext()`. The recorder is one object per app (as
 * in WeChat) whose `on*` setters replace the listener; `stop()` writes a real temporary file (AAC or
 * MP3 header, size from the bit rate) whose length is `MediaControl.recordingMs`, capped by the
 * `duration` option, so tests are deterministic. An audio context fetches its `src` over HTTP when
 * played (so an unreadable URL fails like on a phone, `onError` with errCode 10002), then reports
 * canplay, play and ended at once. Every operation is recorded as `RecorderManager.<op>` /
 * `InnerAudioContext.<op>`.
 */
import { failure } from './callbacks';
import type { Deliver } from './callbacks';
import type { FakeFileSystem } from './file-system';
import type { HttpTasks } from './http-tasks';
import { bridgeHeaders } from './request-api';
import { fakeFileBytes, type MediaControl } from './media-control';

type Listener = (r: Record<string, unknown>) => void;

/** WeChat's default and longest recording (ms). */
const DEFAULT_RECORD_MS = 60000;
const MAX_RECORD_MS = 600000;

/** Builds `getRecorderManager` and `createInnerAudioContext`. */
export function createAudioApi(media: MediaControl, files: FakeFileSystem, http: HttpTasks, deliver: Deliver) {
  const recorderListeners = new Map<string, Listener>();
  const emitRecorder = (name: string, r: Record<string, unknown> = {}) => {
    const l = recorderListeners.get(name);
    if (l) deliver(() => l(r));
  };
  let recording: { format: string; durationCap: number; bitRate: number } | undefined;
  const recorderError = (reason: string) => emitRecorder('Error', failure('operateRecorder', reason) as unknown as Record<string, unknown>);
  const recorder: Record<string, unknown> = {
    start(o: Record<string, unknown> = {}) {
      media.record('RecorderManager.start', { ...o });
      if (recording) return recorderError('recorder is recording');
      const cap = typeof o.duration === 'number' ? Math.min(MAX_RECORD_MS, o.duration) : DEFAULT_RECORD_MS;
      recording = { format: String(o.format ?? 'aac'), durationCap: cap, bitRate: typeof o.encodeBitRate === 'number' ? o.encodeBitRate : 48000 };
      emitRecorder('Start');
    },
    stop() {
      media.record('RecorderManager.stop', {});
      if (!recording) return recorderError('recorder not start');
      const { format, durationCap, bitRate } = recording;
      recording = undefined;
      const duration = Math.min(media.recordingMs, durationCap);
      const fileSize = Math.max(64, Math.round((duration * bitRate) / 8000));
      const ext = format === 'mp3' ? 'mp3' : 'aac';
      const tempFilePath = files.saveTemp(fakeFileBytes(ext, fileSize), `.${ext}`);
      emitRecorder('Stop', { tempFilePath, duration, fileSize });
    },
    pause() {
      media.record('RecorderManager.pause', {});
      if (recording) emitRecorder('Pause');
    },
    resume() {
      media.record('RecorderManager.resume', {});
      if (recording) emitRecorder('Resume');
    },
  };
  for (const name of ['Start', 'Stop', 'Pause', 'Resume', 'Error', 'FrameRecorded', 'InterruptionBegin', 'InterruptionEnd']) {
    recorder[`on${name}`] = (l: Listener) => void recorderListeners.set(name, l);
  }

  function createInnerAudioContext() {
    const listeners = new Map<string, Set<Listener>>();
    const emit = (name: string, r: Record<string, unknown> = {}) => {
      for (const l of [...(listeners.get(name) ?? [])]) deliver(() => l(r));
    };
    let destroyed = false;
    const ctx: Record<string, unknown> = {
      src: '', startTime: 0, autoplay: false, loop: false, volume: 1, playbackRate: 1, obeyMuteSwitch: true,
      paused: true, duration: 0, currentTime: 0, buffered: 0,
      play() {
        const src = String(ctx.src ?? '');
        const args: Record<string, unknown> = { src };
        media.record('InnerAudioContext.play', args);
        if (destroyed) return;
        const handle = http.run({ api: 'downloadFile', method: 'GET', url: src, headers: bridgeHeaders(undefined), timeoutMs: 60000 });
        handle.result.then((r) => {
          args.statusCode = r.statusCode;
          if (destroyed) return;
          if (r.statusCode < 200 || r.statusCode >= 300) return emit('Error', { errCode: 10002, errMsg: `audio load failed: HTTP ${r.statusCode}` });
          ctx.paused = false;
          emit('Canplay');
          emit('Play');
          ctx.paused = true;
          emit('Ended');
        }, (e: { errMsg?: string }) => {
          args.error = e.errMsg ?? String(e);
          if (!destroyed) emit('Error', { errCode: 10002, errMsg: args.error });
        });
      },
      pause() {
        media.record('InnerAudioContext.pause', { src: ctx.src });
        ctx.paused = true;
        emit('Pause');
      },
      stop() {
        media.record('InnerAudioContext.stop', { src: ctx.src });
        ctx.paused = true;
        emit('Stop');
      },
      seek(position: number) {
        ctx.currentTime = position;
      },
      destroy() {
        media.record('InnerAudioContext.destroy', { src: ctx.src });
        destroyed = true;
        listeners.clear();
      },
    };
    for (const name of ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'Error', 'TimeUpdate', 'Waiting', 'Seeking', 'Seeked']) {
      ctx[`on${name}`] = (l: Listener) => {
        const set = listeners.get(name) ?? new Set<Listener>();
        set.add(l);
        listeners.set(name, set);
      };
      ctx[`off${name}`] = (l?: Listener) => (l ? listeners.get(name)?.delete(l) : listeners.delete(name));
    }
    return ctx;
  }

  return { getRecorderManager: () => recorder, createInnerAudioContext };
}

/**
 * One hold-to-talk recording with WeChat's recorder: it starts when the finger goes down, ends when it
 * is lifted, and is thrown away when the finger slid up far enough before that, or when it is under a
 * second. The recorder is one object per app whose `on*` setters replace the listener, so each
 * recording sets its own.
 */

/** A finished recording. */
export interface Voice {
  path: string;
  /** Seconds (rounded, at least 1). */
  duration: number;
  size: number;
}

/** What a recording reports. */
export interface VoiceHandlers {
  done(voice: Voice): void;
  tooShort(): void;
  failed(err: unknown): void;
}

/** A recording in progress. */
export interface VoiceRecording {
  /** The finger moved to `y`; returns whether releasing now would cancel. */
  move(y: number): boolean;
  /** The finger was lifted: stop, and send unless cancelled. */
  finish(): void;
  /** Stop and throw the recording away. */
  cancel(): void;
}

/** How far up (px) the finger must slide to cancel. */
const CANCEL_DISTANCE = 80;
const MIN_MS = 1000;
const MAX_MS = 60000;

/** Starts recording; `startY` is where the finger went down. */
export function recordVoice(startY: number, on: VoiceHandlers): VoiceRecording {
  const recorder = wx.getRecorderManager();
  let cancelling = false;
  let discard = false;
  recorder.onStop((r) => {
    if (discard) return;
    if (r.duration < MIN_MS) return on.tooShort();
    on.done({ path: r.tempFilePath, duration: Math.max(1, Math.round(r.duration / 1000)), size: r.fileSize });
  });
  recorder.onError((err) => on.failed(err));
  recorder.start({ duration: MAX_MS, format: 'aac', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
  return {
    move(y) {
      cancelling = startY - y > CANCEL_DISTANCE;
      return cancelling;
    },
    finish() {
      discard = cancelling;
      recorder.stop();
    },
    cancel() {
      discard = true;
      recorder.stop();
    },
  };
}

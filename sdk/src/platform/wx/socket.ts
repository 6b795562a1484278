/**
 * RawSocket over a WeChat SocketTask. Listeners are bound once, when the task is created, never per
 * send: re-binding is how other SDKs multiplied their message events. The task is the only state and
 * it lives in this closure, so every connect() is independent.
 */
import type { RawSocket, SocketHandlers } from '../../core/platform';
import type { WxApi, WxSocketOptions, WxSocketTask } from './wx-api';
import { wxError } from './wx-error';

/** Close code reported when WeChat gives none (the socket died rather than closed). */
const ABNORMAL = 1006;

/** Runs `fn` after connect() has returned, so no handler fires before the caller holds the socket. */
const later = (fn: () => void): void => void Promise.resolve().then(fn);

/**
 * Real devices accept only string or ArrayBuffer in `SocketTask.send` (the simulator also takes typed
 * arrays), and a view's whole `.buffer` would leak the bytes around it: send exactly the view's bytes.
 */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer as ArrayBuffer;
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** Opens a WebSocket with `wx.connectSocket`; failures (never exceptions) arrive through `handlers`. */
export function connectWxSocket(wx: Pick<WxApi, 'connectSocket'>, url: string, handlers: SocketHandlers, options: WxSocketOptions = {}): RawSocket {
  let task: WxSocketTask | undefined;
  let closing: [code: number, reason: string] | undefined; // what close() asked for
  let closed = false;
  const finish = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
  };
  // WeChat may report an error without ever firing onClose (e.g. when the app was suspended), so an
  // error ends the socket here. Closing the task frees its slot: at most 5 sockets may exist at once.
  // After close() was called, an error is only about that close and is not reported.
  const fail = (message: string): void => {
    if (closed) return;
    if (closing) return finish(...closing);
    handlers.onError(message);
    if (task) try { task.close({ fail: () => undefined }); } catch { /* already dead */ }
    finish(ABNORMAL, message);
  };
  try {
    // connectSocket fails asynchronously (`runningState=suspend`, the 5-socket limit) or may throw.
    task = wx.connectSocket({ ...options, url, tcpNoDelay: options.tcpNoDelay ?? true, fail: (res) => later(() => fail(wxError(res, 'connectSocket:fail').errMsg)) });
  } catch (err) {
    later(() => fail(wxError(err, 'connectSocket:fail').errMsg));
  }
  if (!task) {
    later(() => fail('connectSocket:fail no SocketTask'));
  } else {
    task.onOpen(() => !closed && !closing && handlers.onOpen());
    task.onMessage(({ data }) => {
      if (closed) return;
      if (typeof data === 'string') handlers.onError('text frame');
      else handlers.onMessage(ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));
    });
    task.onError((res) => fail(wxError(res, 'socket error').errMsg));
    task.onClose((res) => finish(typeof res?.code === 'number' ? res.code : ABNORMAL, res?.reason ?? ''));
  }
  return {
    send(data) {
      if (closed || closing || !task) return;
      try {
        task.send({ data: exactBuffer(data), fail: (res) => !closed && handlers.onError(wxError(res, 'send:fail').errMsg) });
      } catch (err) {
        handlers.onError(wxError(err, 'send:fail').errMsg);
      }
    },
    close(code = 1000, reason = '') {
      if (closed || closing) return;
      closing = [code, reason];
      // Like the browser WebSocket, SocketTask.close refuses codes other than 1000 and 3000–4999 and
      // reasons over 123 bytes: then close it plainly rather than leave it open.
      const plainly = (): void => { try { task?.close({ fail: () => undefined }); } catch { /* already closed */ } };
      try { task?.close({ code, reason, fail: plainly }); } catch { plainly(); }
      // A task closed while connecting or in the background may never fire onClose: report it ourselves.
      later(() => finish(code, reason));
    },
  };
}

/**
 * RawSocket over the `ws` package. ws reports every failure as an 'error' event followed by 'close'
 * (including a refused connection and an invalid URL's synchronous throw, which is turned into the
 * same pair here), and an 'error' event with a listener never becomes an uncaught exception.
 */
import WebSocket from 'ws';
import type { RawSocket, SocketHandlers } from '../../core/platform';

/** Options of the `ws` client the adapter passes through. */
export interface NodeSocketOptions {
  /** Extra handshake headers. */
  headers?: Record<string, string>;
  /** Handshake timeout in ms (default: none; the core runs its own connect timer). */
  handshakeTimeout?: number;
}

const ABNORMAL = 1006;

/** Opens a WebSocket with `ws`; never throws, failures arrive through `handlers`. */
export function connectNodeSocket(url: string, handlers: SocketHandlers, options: NodeSocketOptions = {}): RawSocket {
  let closing = false;
  let closed = false;
  const finish = (code: number, reason: string): void => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
  };
  let ws: WebSocket;
  try {
    ws = new WebSocket(url, { headers: options.headers, handshakeTimeout: options.handshakeTimeout, perMessageDeflate: false });
  } catch (err) {
    // Deferred so that no handler fires before connect() has returned.
    void Promise.resolve().then(() => {
      handlers.onError((err as Error).message);
      finish(ABNORMAL, (err as Error).message);
    });
    return { send: () => undefined, close: () => undefined };
  }
  ws.binaryType = 'nodebuffer';
  ws.on('open', () => !closed && !closing && handlers.onOpen());
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (closed) return;
    if (!isBinary) handlers.onError('text frame');
    // A plain view of the Buffer's bytes, without a copy; a Buffer itself would give the core
    // Buffer#slice semantics (shared memory) where Uint8Array#slice copies.
    else handlers.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  });
  // After a local close() the only errors left are about that close (e.g. closed while connecting).
  ws.on('error', (err) => !closed && !closing && handlers.onError(err.message));
  ws.on('close', (code, reason) => finish(code, reason.toString()));
  return {
    send(data) {
      if (closed || closing) return;
      try {
        ws.send(data, { binary: true }, (err) => err && !closed && handlers.onError(err.message));
      } catch (err) {
        // ws throws when the socket is still connecting.
        handlers.onError((err as Error).message);
      }
    },
    close(code = 1000, reason = '') {
      if (closed || closing) return;
      closing = true;
      try {
        ws.close(code, reason);
      } catch {
        // ws refuses reserved codes (1005, 1006, …) and over-long reasons: end the connection anyway.
        ws.terminate();
      }
    },
  };
}

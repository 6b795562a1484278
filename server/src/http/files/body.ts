/**
 * Reading a request body chunk by chunk without the stream being destroyed when the reader stops early
 * (`for await` would destroy it, and with it the socket the answer has to go out on), and draining
 * what is left so that a refusal can still be answered.
 */
import type { IncomingMessage } from 'node:http';

/** The client went away before the body was complete. */
export class BodyAbortedError extends Error {
  constructor() {
    super('the request body was interrupted');
    this.name = 'BodyAbortedError';
  }
}

/** The next chunk of `stream`, or null at its end. Rejects with BodyAbortedError when the client goes away. */
export async function nextChunk(stream: IncomingMessage): Promise<Buffer | null> {
  for (;;) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) return chunk;
    if (stream.readableEnded) return null;
    if (stream.destroyed) throw new BodyAbortedError();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('readable', done).off('end', done).off('close', done).off('error', done);
        resolve();
      };
      stream.on('readable', done).on('end', done).on('close', done).on('error', done);
    });
  }
}

/**
 * Reads and discards the rest of a body, up to `limit` bytes; beyond that (or when the client goes
 * away) the connection is closed: answers whether a response can still be sent.
 */
export async function drain(stream: IncomingMessage, limit: number): Promise<boolean> {
  let seen = 0;
  try {
    for (let c = await nextChunk(stream); c !== null; c = await nextChunk(stream)) {
      seen += c.length;
      if (seen > limit) {
        stream.destroy();
        return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

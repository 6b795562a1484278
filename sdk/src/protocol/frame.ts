/**
 * Frame codec: the envelope plus its payload, typed by command and direction.
 */
import { Command, CompressMethod, EncryptMethod } from './enums';
import { ProtocolError } from './errors';
import { DEFAULT_MAX_INFLATED_BYTES, inflateZlib } from './inflate';
import { decodeMessage, decodeRaw, encodeMessage, encodeRaw, toBytes, type MessageName } from './messages';
import type { Direction, DownFrame, UpFrame, XID } from './types';

/** Options of {@link decodeFrame}. */
export interface DecodeFrameOptions {
  /** `down` (default): a frame from the server, as the SDK receives it. `up`: a frame from a client. */
  direction?: Direction;
  /** Largest payload accepted after ZLIB decompression, in bytes (default 8 MiB). */
  maxInflatedBytes?: number;
}

/** Options of {@link encodeFrame}. */
export interface EncodeFrameOptions {
  /** `up` (default): a frame to the server, as the SDK sends it. `down`: a frame from a server. */
  direction?: Direction;
  /**
   * Compressor for frames with `compress_method: ZLIB` (zlib format, RFC 1950). The SDK never sends
   * compressed frames and ships no compressor; a server can pass node:zlib's `deflateSync`.
   */
  deflate?: (raw: Uint8Array) => Uint8Array;
}

const PAYLOAD: Record<Direction, readonly MessageName[]> = {
  up: ['UnreadUL', 'SyncUL', 'Notice', 'Provision'],
  down: ['UnreadDL', 'SyncDL', 'Notice', 'Provision'],
};

/** Decodes a frame received from a server (the default direction). */
export function decodeFrame(bytes: Uint8Array | ArrayBuffer, options?: DecodeFrameOptions & { direction?: 'down' }): DownFrame;
/** Decodes a frame sent by a client. */
export function decodeFrame(bytes: Uint8Array | ArrayBuffer, options: DecodeFrameOptions & { direction: 'up' }): UpFrame;
/**
 * Decodes one XSYNC frame and its payload.
 * Compressed (ZLIB) payloads are inflated. Malformed input of any kind raises ProtocolError and nothing else.
 */
export function decodeFrame(bytes: Uint8Array | ArrayBuffer, options: DecodeFrameOptions = {}): UpFrame | DownFrame {
  const direction = options.direction ?? 'down';
  const frame = decodeRaw('Frame', toBytes(bytes));
  const command = (frame.command as number | undefined) ?? Command.UNREAD;
  frame.command = command;
  const payloadName = PAYLOAD[direction][command];
  if (payloadName === undefined) {
    throw new ProtocolError('UNSUPPORTED', `unknown frame command ${command}`, { command });
  }
  const encrypt = (frame.encrypt_method as number | undefined) ?? EncryptMethod.ENCRYPT_NONE;
  if (encrypt !== EncryptMethod.ENCRYPT_NONE) {
    throw new ProtocolError('UNSUPPORTED', `encrypted frames are not supported (encrypt_method ${encrypt})`, { command });
  }
  const payload = frame.payload as Uint8Array | undefined;
  if (payload !== undefined) {
    const compress = (frame.compress_method as number | undefined) ?? CompressMethod.NONE;
    if (compress !== CompressMethod.NONE && compress !== CompressMethod.ZLIB) {
      throw new ProtocolError('UNSUPPORTED', `unknown compress_method ${compress}`, { command });
    }
    try {
      const plain = compress === CompressMethod.ZLIB
        ? inflateZlib(payload, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES)
        : payload;
      frame.payload = command === Command.NOTICE ? decodeNotice(plain) : decodeMessage(payloadName, plain);
    } catch (err) {
      // Tell the receiver which command the bad payload came with, so it can answer in kind.
      const e = err as ProtocolError;
      throw new ProtocolError(e.kind, e.message, { cause: e.cause, command });
    }
  }
  return frame as unknown as UpFrame | DownFrame;
}

/**
 * NOTICE payloads are `Notice{xid}`; the official web client parses them as a bare XID, so a server
 * may send that form. A bare XID starts with field 1 as a varint (0x08); a Notice with a length-delimited
 * field 1 (0x0a).
 */
function decodeNotice(payload: Uint8Array): { xid?: XID } {
  if (payload.length > 0 && payload[0] === 0x08) return { xid: decodeMessage('XID', payload) };
  return decodeMessage('Notice', payload);
}

/**
 * Encodes one XSYNC frame. `payload` is the typed message for the frame's command and direction
 * (SyncUL for an upward SYNC, SyncDL for a downward one, ...); it is omitted from the wire when absent.
 * @throws ProtocolError when the frame cannot be encoded.
 */
export function encodeFrame(frame: UpFrame | DownFrame, options: EncodeFrameOptions = {}): Uint8Array {
  if (frame === null || typeof frame !== 'object') {
    throw new ProtocolError('INVALID_VALUE', `cannot encode Frame: expected an object, got ${frame === null ? 'null' : typeof frame}`);
  }
  const direction = options.direction ?? 'up';
  const command = frame.command ?? Command.UNREAD;
  const payloadName = PAYLOAD[direction][command];
  if (payloadName === undefined) {
    throw new ProtocolError('INVALID_VALUE', `cannot encode Frame: unknown command ${String(command)}`);
  }
  const out: Record<string, unknown> = { ...frame };
  if (frame.payload === undefined) {
    delete out.payload;
  } else {
    let bytes = encodeMessage(payloadName, frame.payload as never);
    if (frame.compress_method === CompressMethod.ZLIB) {
      if (!options.deflate) throw new ProtocolError('UNSUPPORTED', 'cannot encode Frame: compress_method ZLIB needs options.deflate');
      bytes = options.deflate(bytes);
    }
    out.payload = bytes;
  }
  return encodeRaw('Frame', out);
}

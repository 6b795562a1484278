/**
 * Why a frame or message could not be encoded or decoded.
 * - `MALFORMED`: the bytes are not a valid encoding of the expected message.
 * - `INVALID_VALUE`: a value given to the encoder is out of range or of the wrong kind.
 * - `TOO_LARGE`: the input, or a payload after decompression, is larger than the configured limit.
 * - `UNSUPPORTED`: the frame uses a feature this codec does not implement (e.g. an unknown compression).
 */
export type ProtocolErrorKind = 'MALFORMED' | 'INVALID_VALUE' | 'TOO_LARGE' | 'UNSUPPORTED';

/** The one error type the XSYNC codec raises. */
export class ProtocolError extends Error {
  /** What kind of failure this is. */
  readonly kind: ProtocolErrorKind;
  /** The frame's command, when the frame envelope decoded but its content was refused. */
  readonly command?: number;
  /** The underlying error, if any. */
  readonly cause?: unknown;

  constructor(kind: ProtocolErrorKind, message: string, options?: { cause?: unknown; command?: number }) {
    super(message);
    this.name = 'ProtocolError';
    this.kind = kind;
    if (options && options.cause !== undefined) this.cause = options.cause;
    if (options && options.command !== undefined) this.command = options.command;
    // Keep `instanceof` working when the code is down-levelled to ES5.
    Object.setPrototypeOf(this, ProtocolError.prototype);
  }
}

/** Runs `fn`, turning anything it throws into a ProtocolError of `kind`. */
export function guard<T>(kind: ProtocolErrorKind, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ProtocolError(kind, `${what}: ${reason}`, { cause: err });
  }
}

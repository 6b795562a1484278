/**
 * The XSYNC protocol module: schema enums, typed messages and the frame codec.
 * It imports nothing of the SDK and names no platform, so a server can use the same codec.
 */
export { encodeFrame, decodeFrame } from './frame';
export type { DecodeFrameOptions, EncodeFrameOptions } from './frame';
export { encodeMessage, decodeMessage } from './messages';
export type { MessageName, MessageTypes } from './messages';
export { ProtocolError } from './errors';
export type { ProtocolErrorKind } from './errors';
export { inflateZlib, DEFAULT_MAX_INFLATED_BYTES } from './inflate';
export { bitsToDecimal, decimalToBits, normalizeId, compareIds } from './ids';
export type { U64Bits } from './ids';
export * from './enums';
export type * from './types';

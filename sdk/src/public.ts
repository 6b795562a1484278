/**
 * What both entries export: the client API and the codec's main symbols. The entries add their own
 * `createClient`, bound to their platform, which takes precedence over the core one re-exported here.
 * The whole protocol module (every wire type and enum) is `floo-miniprogram/protocol`.
 */
export * from './core/index';
export {
  encodeFrame, decodeFrame, encodeMessage, decodeMessage, ProtocolError,
  Command, NameSpace, MessageType, ContentType, OpType, StatusCode, ConvType,
} from './protocol/index';
export type {
  UpFrame, DownFrame, Meta, MessageBody, MessageOperation, SyncUL, SyncDL, UnreadDL, Provision, Notice, XID, Status,
  DecodeFrameOptions, EncodeFrameOptions, ProtocolErrorKind, Id,
} from './protocol/index';

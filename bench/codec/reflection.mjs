// The baseline: protobufjs reflection from a JSON descriptor, the approach of the official floo
// client (protobufjs light + json-module descriptors, long.js for uint64). Run in Node, where its
// runtime code generation is allowed (it is not in a mini-program).
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const protobuf = require('protobufjs');
const PROTO = join(dirname(fileURLToPath(import.meta.url)), '../../sdk/proto');

/** Builds the JSON descriptor from sdk/proto, then a reflection root from it, as the official client does. */
export function reflectionCodec() {
  const files = ['xsync.proto', 'messagebody.proto'].map((f) => join(PROTO, f));
  const descriptor = new protobuf.Root().loadSync(files, { keepCase: true }).toJSON();
  const root = protobuf.Root.fromJSON(descriptor);
  const T = (n) => root.lookupType(`im.floo.protobuf.${n}`);
  const Frame = T('Frame'), Meta = T('Meta'), MessageBody = T('MessageBody');
  const payloadType = { Provision: T('Provision'), SyncUL: T('SyncUL'), SyncDL: T('SyncDL') };

  const encodeMeta = (m) => Meta.encode({ ...m, payload: MessageBody.encode(m.payload).finish() }).finish();
  const prepare = (type, p) => {
    if (type === 'SyncUL' && p.meta) return { ...p, meta: Meta.decode(encodeMeta(p.meta)) };
    if (type === 'SyncDL') return { ...p, metas: p.metas.map((m) => Meta.decode(encodeMeta(m))) };
    return p;
  };
  const toObjectOptions = { longs: String, enums: Number, bytes: Array, defaults: false };
  return {
    /** Encodes like the official client: inner payloads first, then the frame. */
    encode(frame, type) {
      const p = frame.payload;
      let inner = p;
      if (type === 'SyncUL') inner = { ...p, meta: { ...p.meta, payload: MessageBody.encode(p.meta.payload).finish() } };
      if (type === 'SyncDL') inner = { ...p, metas: p.metas.map((m) => ({ ...m, payload: MessageBody.encode(m.payload).finish() })) };
      return Frame.encode({ ...frame, payload: payloadType[type].encode(inner).finish() }).finish();
    },
    /** Decodes like the official client: message instances, uint64 as long.js Long objects. */
    decode(bytes, type) {
      const frame = Frame.decode(bytes);
      const payload = payloadType[type].decode(frame.payload);
      if (type === 'SyncUL' && payload.meta) payload.meta.payload = MessageBody.decode(payload.meta.payload);
      if (type === 'SyncDL') for (const m of payload.metas) m.payload = MessageBody.decode(m.payload);
      frame.payload = payload;
      return frame;
    },
    /** Decodes to the SDK's output contract: plain objects with 64-bit ids as decimal strings. */
    decodeToStrings(bytes, type) {
      const frame = Frame.toObject(Frame.decode(bytes), toObjectOptions);
      const payloadMsg = payloadType[type].decode(Uint8Array.from(frame.payload));
      const payload = payloadType[type].toObject(payloadMsg, toObjectOptions);
      const metas = type === 'SyncDL' ? payload.metas : type === 'SyncUL' && payload.meta ? [payload.meta] : [];
      for (const m of metas) m.payload = MessageBody.toObject(MessageBody.decode(Uint8Array.from(m.payload)), toObjectOptions);
      frame.payload = payload;
      return frame;
    },
    prepare,
  };
}

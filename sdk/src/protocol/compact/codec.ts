/**
 * A table-driven protobuf codec for the mini-program build of the SDK. The generated static code on
 * protobufjs' runtime is ~6.7 KB of the gzipped bundle; this codec plus its table is a fraction of
 * that. It encodes and decodes exactly like the generated code (same bytes, same decoded objects,
 * same errors); test/unit/protocol/compact.test.ts checks it against the full codec.
 *
 * The schema comes as one string built by scripts/generate.mjs from the .proto files:
 * `Message=field:type:id,…;…` with fields sorted by id. A type is a message name or one of
 * i (int32 and enums), u (uint32), s (sint32), b (bool), S (string), B (bytes), L (uint64 as a decimal
 * string); a leading `*` marks a repeated field.
 */
import { IdReader, IdWriter } from './wire';

type Loose = Record<string, unknown>;

/** The codec of one message, as messages.ts expects it from the generated code. */
export interface CompactCodec {
  encode?(message: object, writer: IdWriter): IdWriter;
  decode?(reader: IdReader, length?: number, depth?: number): Loose;
}

interface Field {
  name: string;
  type: string;
  id: number;
  repeated: boolean;
}

/** Wire type of a field of each scalar type; messages are length-delimited (2). */
const WIRE: Record<string, number> = { i: 0, u: 0, s: 0, b: 0, L: 0, S: 2, B: 2 };

/**
 * Builds the codecs of every message of `schema`. Messages in `noEncode` get no encoder and those in
 * `noDecode` no decoder: a client never encodes what only a server sends, and the reverse.
 */
export function buildCodecs(schema: string, noEncode: string[], noDecode: string[]): Record<string, CompactCodec> {
  const types: Record<string, { fields: Field[]; byId: Record<number, Field>; Ctor: new () => Loose }> = {};
  for (const message of schema.split(';')) {
    const [name, list] = message.split('=');
    const fields = list ? list.split(',').map((f) => {
      const [fieldName, type, id] = f.split(':');
      return { name: fieldName, type: type.replace('*', ''), id: +id, repeated: type[0] === '*' };
    }) : [];
    const byId: Record<number, Field> = {};
    for (const f of fields) byId[f.id] = f;
    // Decoded messages are instances of a class per message, as with the generated code.
    types[name] = { fields, byId, Ctor: class {} as new () => Loose };
  }

  const encode = (name: string, message: Loose, w: IdWriter): IdWriter => {
    const write = (f: Field, v: unknown) => {
      const t = f.type;
      w.varint(((f.id << 3) | (WIRE[t] ?? 2)) >>> 0);
      if (!(t in WIRE)) w.delimited(encode(t, v as Loose, new IdWriter()).b);
      else if (t === 'i') w.int32(v as number);
      else if (t === 'u') w.varint((v as number) >>> 0);
      else if (t === 's') w.varint((((v as number) << 1) ^ ((v as number) >> 31)) >>> 0);
      else if (t === 'b') w.varint(v ? 1 : 0);
      else if (t === 'L') w.uint64(v as string);
      else if (t === 'S') w.string(v as string);
      else w.bytes(v as string);
    };
    for (const f of types[name].fields) {
      const v = message[f.name];
      if (v == null) continue;
      if (!f.repeated) write(f, v);
      else for (let i = 0; i < (v as unknown[]).length; i++) write(f, (v as unknown[])[i]);
    }
    return w;
  };

  const read = (t: string, r: IdReader, depth: number): unknown => {
    if (!(t in WIRE)) return decode(t, r, r.uint32(), depth + 1);
    if (t === 'S') return r.string();
    if (t === 'B') return r.bytes();
    if (t === 'L') return r.uint64();
    const n = r.uint32();
    return t === 'i' ? n | 0 : t === 's' ? ((n >>> 1) ^ -(n & 1)) | 0 : t === 'b' ? n !== 0 : n;
  };

  // Fields are matched by number alone and unknown ones skipped; a nested message narrows `r.len`.
  const decode = (name: string, r: IdReader, length?: number, depth = 0): Loose => {
    const { fields, byId, Ctor } = types[name];
    let end = r.len;
    if (length !== undefined) {
      end = r.pos + length;
      if (end > r.len) throw RangeError('index out of range');
      length = r.len;
      r.len = end;
    }
    const message = new Ctor();
    for (const f of fields) if (f.repeated) message[f.name] = [];
    while (r.pos < end) {
      const tag = r.uint32();
      const f = byId[tag >>> 3];
      if (!f) r.skipType(tag & 7, depth);
      else if (f.repeated) (message[f.name] as unknown[]).push(read(f.type, r, depth));
      else message[f.name] = read(f.type, r, depth);
    }
    if (length !== undefined) {
      if (r.pos !== end) throw RangeError('index out of range');
      r.len = length;
    }
    return message;
  };

  const codecs: Record<string, CompactCodec> = {};
  for (const name in types) {
    codecs[name] = {
      encode: noEncode.includes(name) ? undefined : (message, writer) => encode(name, message as Loose, writer),
      decode: noDecode.includes(name) ? undefined : (reader) => decode(name, reader),
    };
  }
  return codecs;
}

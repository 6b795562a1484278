// The mini-program build swaps the generated codec on protobufjs for the table-driven codec of
// sdk/src/protocol/compact (rollup.config.mjs, clientCodec). Both must behave alike: the protocol module
// is loaded twice, once per codec (the compact one with every direction of every message), and every
// sample, every mutated frame and every odd value gives the same bytes, the same decoded values or the
// same error on both.
import * as full from 'floo-miniprogram/protocol';
import { im, SCHEMA } from '../../../sdk/src/protocol/generated/xsync-client';
import { buildCodecs } from '../../../sdk/src/protocol/compact/codec';
import { hex } from '../../support/hex';
import { seededRandom } from '../../support/random';
import { SAMPLES } from './samples';

type Protocol = typeof full;
const PROTOCOL = '../../../sdk/src/protocol';
let compact!: Protocol;
jest.isolateModules(() => {
  jest.doMock(`${PROTOCOL}/generated/xsync`, () => ({ im: { floo: { protobuf: buildCodecs(SCHEMA, [], []) } } }));
  jest.doMock(`${PROTOCOL}/wire`, () => jest.requireActual(`${PROTOCOL}/compact/wire`));
  compact = jest.requireActual(`${PROTOCOL}/index`);
});

/** What a call gave: its value as plain data (bytes as arrays, prototypes dropped) or its error. */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: plain(fn()) };
  } catch (err) {
    const e = err as Error & { kind?: string };
    // A TypeError names a local variable of the codec: only the method matters (the bundle mangles both).
    return { error: `${e.name}:${e.kind}:${e.message.replace(/\w+\.(\w+) is not a function/, '.$1 is not a function')}` };
  }
}

function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return ['bytes', ...v];
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function same(fn: (p: Protocol) => unknown): unknown {
  const expected = outcome(() => fn(full));
  expect(outcome(() => fn(compact))).toEqual(expected);
  return expected;
}

test('the client codec encodes only what a client sends and decodes only what it receives', () => {
  const codecs = im.floo.protobuf;
  const missing = (what: 'encode' | 'decode') => Object.keys(codecs).filter((n) => !codecs[n][what]).sort();
  expect(missing('encode')).toEqual(['ConversationUnread', 'GroupNotice', 'Notice', 'RosterNotice', 'SyncDL', 'UnreadDL', 'UserNotice']);
  expect(missing('decode')).toEqual(['SyncUL', 'UnreadUL']);
  expect(Object.keys(codecs).sort()).toEqual(Object.keys((full as unknown as { SAMPLES?: never }).SAMPLES ?? SAMPLES).concat('Frame').sort());
});

test.each(Object.keys(SAMPLES) as Array<keyof typeof SAMPLES>)('%s: same bytes, same decoded value', (name) => {
  const bytes = full.encodeMessage(name, SAMPLES[name] as never);
  same((p) => p.encodeMessage(name, SAMPLES[name] as never));
  same((p) => p.decodeMessage(name, bytes));
});

test('odd values encode alike (or fail alike)', () => {
  const rnd = seededRandom(7);
  const odd = [-1, -2147483648, 2147483648, 4294967296, 1.5, NaN, '12', 'x', '', true, false, 0, '18446744073709551616',
    '-1', [1, 2], new Uint8Array([1, 255]), [300, -1, 'a'], {}, { uid: '5' }, [{ uid: '6' }, null], 'é👋\ud800x\udc00'];
  const fields: Array<[keyof typeof SAMPLES, string]> = [
    ['MessageBody', 'type'], ['MessageBody', 'content'], ['MessageBody', 'priority'], ['MessageBody', 'is_system'],
    ['MessageBody', 'edit_timestamp'], ['MessageBody', 'from'], ['SyncUL', 'full_sync_num'], ['Frame' as never, 'payload'],
    ['Provision', 'xid'], ['XID', 'deviceSN'], ['XID', 'uid'], ['Meta', 'rawPayload'], ['Meta', 'ns'],
    ['MessageOperation', 'mid'], ['Status', 'code'], ['Status', 'reason'],
  ];
  for (let i = 0; i < 2000; i++) {
    const [name, field] = fields[Math.floor(rnd() * fields.length)];
    const value = { ...(SAMPLES[name] ?? {}), [field]: odd[Math.floor(rnd() * odd.length)] };
    if (name === 'Meta') delete (value as { payload?: unknown }).payload;
    if (/payload|rawPayload/.test(field) && typeof value[field as never] === 'string' && value[field as never] !== '') {
      // Bytes as base64 strings: the mini-program build never had protobufjs' base64 (rollup.config.mjs STUBS).
      expect(() => compact.encodeMessage(name, value as never)).toThrow('cannot encode ' + name + ': protobuf base64 is not supported');
    } else same((p) => p.encodeMessage(name, value as never));
  }
});

test('40,000 random and mutated frames decode alike (or fail alike)', () => {
  const rnd = seededRandom(20261123);
  const int = (n: number) => Math.floor(rnd() * n);
  const seeds = [
    hex('1800221e0a020801120b0a0508ea07100010031801120b0a05088927100010001802'),
    hex('1801223f0a020801122e08c0843d120508e90710021a0508ea071000209acdb18ba034280132110802220568656c6c6f280032040800100018c0843d220508e9071000'),
    full.encodeFrame({ command: 1, payload: SAMPLES.SyncDL }, { direction: 'down' }),
    full.encodeFrame({ command: 0, payload: SAMPLES.UnreadDL }, { direction: 'down' }),
    full.encodeFrame({ command: 3, payload: SAMPLES.Provision }, { direction: 'down' }),
  ];
  let decoded = 0;
  for (let i = 0; i < 40000; i++) {
    let bytes: Uint8Array;
    if (i % 4 === 0) {
      bytes = new Uint8Array(int(48));
      for (let k = 0; k < bytes.length; k++) bytes[k] = int(256);
    } else {
      bytes = Uint8Array.from(seeds[int(seeds.length)]);
      for (let e = 1 + int(3); e > 0; e--) {
        const at = int(bytes.length + 1);
        const k = int(5);
        if (k === 0 && bytes.length) bytes[at % bytes.length] ^= 1 << int(8);
        else if (k === 1 && bytes.length) bytes[at % bytes.length] = int(256);
        else if (k === 2) bytes = Uint8Array.from([...bytes.subarray(0, at), int(256), ...bytes.subarray(at)]);
        else if (k === 3) bytes = bytes.subarray(0, at);
        else bytes = Uint8Array.from([...bytes.subarray(0, at), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...bytes.subarray(at)]);
      }
    }
    const result = same((p) => p.decodeFrame(bytes)) as { value?: unknown };
    // Whatever decodes also decodes as each message of the schema alike.
    if (result.value) {
      decoded++;
      const name = (['Meta', 'MessageBody', 'Provision', 'XID', 'Info'] as const)[int(5)];
      same((p) => p.decodeMessage(name, bytes));
    }
  }
  expect(decoded).toBeGreaterThan(1000);
});

test('strings with every kind of UTF-8 mistake decode alike', () => {
  const rnd = seededRandom(11);
  for (let i = 0; i < 5000; i++) {
    const n = rnd() * 12 | 0;
    const bytes = [0x0a, n];
    for (let k = 0; k < n; k++) bytes.push([0x41, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf8, 0xff][rnd() * 13 | 0]);
    same((p) => p.decodeMessage('Status', Uint8Array.from([0x12, ...bytes.slice(1)])));
  }
});

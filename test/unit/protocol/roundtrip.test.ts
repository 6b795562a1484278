// Round trips for every message type and every frame kind, plus the codec's edge cases.
import { deflateSync } from 'node:zlib';
import {
  decodeFrame, decodeMessage, encodeFrame, encodeMessage, ProtocolError, NameSpace,
  type DownFrame, type MessageName, type Meta, type UpFrame,
} from 'floo-miniprogram/protocol';
import { hex, toHex } from '../../support/hex';
import { SAMPLES, MAX_U64 } from './samples';

const deflate = (b: Uint8Array) => new Uint8Array(deflateSync(b));

function expectProtocolError(fn: () => unknown, kind?: string): ProtocolError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    if (kind) expect((err as ProtocolError).kind).toBe(kind);
    return err as ProtocolError;
  }
  throw new Error('expected a ProtocolError');
}

describe('message round trips', () => {
  for (const name of Object.keys(SAMPLES) as MessageName[]) {
    test(`${name}: encode → decode gives the same value, and re-encodes to the same bytes`, () => {
      const bytes = encodeMessage(name, SAMPLES[name] as never);
      const back = decodeMessage(name, bytes);
      expect(back).toEqual(SAMPLES[name]);
      expect(toHex(encodeMessage(name, back as never))).toBe(toHex(bytes));
    });
  }

  test('every namespace payload round-trips inside a Meta', () => {
    const payloads: Record<number, unknown> = {
      1: SAMPLES.MessageBody, 2: SAMPLES.GroupNotice, 3: SAMPLES.RosterNotice, 4: SAMPLES.UserNotice,
      5: SAMPLES.Info, 6: SAMPLES.Conversation, 7: SAMPLES.MessageBody, 8: SAMPLES.RtcSignal,
    };
    for (const [ns, payload] of Object.entries(payloads)) {
      const meta = { id: '5', ns: Number(ns), payload } as Meta;
      expect(decodeMessage('Meta', encodeMessage('Meta', meta))).toEqual(meta);
    }
  });

  test('an UNKNOWN or future namespace keeps its bytes in rawPayload', () => {
    for (const ns of [0, 42]) {
      const bytes = encodeMessage('Meta', { id: '5', ns: ns as 0, rawPayload: hex('deadbeef') });
      const meta = decodeMessage('Meta', bytes);
      expect(meta).toEqual({ id: '5', ns, rawPayload: hex('deadbeef') });
      expect(toHex(encodeMessage('Meta', meta))).toBe(toHex(bytes));
    }
  });

  test('a payload that does not decode keeps the item, its bytes and the reason', () => {
    // ns MESSAGE with a truncated body (a 5-byte string with 1 byte): the other items of a batch must survive.
    const bad = { id: '7', ns: 0 as const, rawPayload: hex('220541') };
    const good = { id: '8', ns: 1 as const, payload: { content: 'ok' } };
    const dl = decodeMessage('SyncDL', encodeMessage('SyncDL', { metas: [{ ...bad, ns: 1 } as unknown as Meta, good] }));
    const [first, second] = dl.metas as Meta[];
    expect(first.payload).toBeUndefined();
    expect(first.rawPayload).toEqual(hex('220541'));
    expect(first.payloadError).toMatch(/MessageBody/);
    expect(second).toEqual(good);
    expect(toHex(encodeMessage('Meta', first))).toBe(toHex(encodeMessage('Meta', { ...bad, ns: 1 } as unknown as Meta)));
  });

  test('64-bit ids keep every digit, up to 2^64 - 1', () => {
    for (const id of ['0', '1', '9007199254740991', '9007199254740992', '9007199254740993', '4294967296', '1152921504606846975', MAX_U64]) {
      expect(decodeMessage('XID', encodeMessage('XID', { uid: id })).uid).toBe(id);
    }
  });

  test('ids given as safe integers are accepted and come back as decimal strings', () => {
    expect(decodeMessage('XID', encodeMessage('XID', { uid: 1001 as unknown as string })).uid).toBe('1001');
  });

  test('the official client\'s -1 ctype (a 10-byte negative varint) round-trips', () => {
    const bytes = encodeMessage('MessageBody', { ctype: -1 });
    expect(toHex(bytes)).toBe('28ffffffffffffffffff01');
    expect(decodeMessage('MessageBody', bytes).ctype).toBe(-1);
  });
});

describe('frame round trips', () => {
  const up: UpFrame[] = [
    { vsn: 0, compress_method: 0, command: 0 },
    { command: 0, payload: {} },
    { vsn: 0, compress_method: 0, command: 1, payload: SAMPLES.SyncUL },
    { command: 2, payload: SAMPLES.Notice },
    { vsn: 1, command: 3, payload: SAMPLES.Provision, check_sum: 12345, tag: 't' },
  ];
  const down: DownFrame[] = [
    { command: 0, payload: SAMPLES.UnreadDL },
    { command: 1, payload: SAMPLES.SyncDL },
    { command: 2, payload: SAMPLES.Notice },
    { command: 3, payload: { status: { code: 1 }, xid: { uid: '1001', deviceSN: 2 } } },
  ];

  test.each(up.map((f) => [f.command, f] as const))('up frame, command %i', (_c, frame) => {
    expect(decodeFrame(encodeFrame(frame), { direction: 'up' })).toEqual(frame);
  });

  test.each(down.map((f) => [f.command, f] as const))('down frame, command %i', (_c, frame) => {
    expect(decodeFrame(encodeFrame(frame, { direction: 'down' }))).toEqual(frame);
  });

  test('ZLIB frames: encoded with a given compressor, inflated on decode', () => {
    const frame: DownFrame = { compress_method: 1, command: 1, payload: SAMPLES.SyncDL };
    const bytes = encodeFrame(frame, { direction: 'down', deflate });
    expect(decodeFrame(bytes)).toEqual(frame);
    expect(bytes.length).toBeLessThan(encodeFrame({ command: 1, payload: SAMPLES.SyncDL }, { direction: 'down' }).length);
  });

  test('ZLIB without a compressor is refused on encode', () => {
    expectProtocolError(() => encodeFrame({ compress_method: 1, command: 1, payload: {} }), 'UNSUPPORTED');
  });

  test('a NOTICE payload sent as a bare XID (what the official web client parses) decodes too', () => {
    const frame = decodeFrame(hex('18022205' + '08e9071000'));
    expect(frame).toEqual({ command: 2, payload: { xid: { uid: '1001', deviceSN: 0 } } });
  });

  test('UNREAD without a command field is UNREAD (proto3 encoders omit zero fields)', () => {
    expect(decodeFrame(hex('2204' + '0a020801'))).toEqual({ command: 0, payload: { status: { code: 1 }, unread: [] } });
  });
});

describe('bad input raises ProtocolError only', () => {
  test('unknown command: UNSUPPORTED, with the command', () => {
    const err = expectProtocolError(() => decodeFrame(hex('1809'), { direction: 'up' }), 'UNSUPPORTED');
    expect(err.command).toBe(9);
  });

  test('encrypted frames: UNSUPPORTED', () => {
    expectProtocolError(() => decodeFrame(hex('18012801')), 'UNSUPPORTED');
  });

  test('unknown compress_method: UNSUPPORTED', () => {
    expectProtocolError(() => decodeFrame(hex('100718012200')), 'UNSUPPORTED');
  });

  test('truncated frame and truncated payload: MALFORMED; the payload error names the command', () => {
    expectProtocolError(() => decodeFrame(hex('18012205')), 'MALFORMED');
    const err = expectProtocolError(() => decodeFrame(hex('180122020a05')), 'MALFORMED');
    expect(err.command).toBe(1);
  });

  test('a corrupt or truncated zlib stream: MALFORMED', () => {
    expectProtocolError(() => decodeFrame(hex('100118012203010203')), 'MALFORMED');
    const z = deflate(encodeMessage('SyncDL', SAMPLES.SyncDL));
    const truncated = encodeFrame({ command: 1, compress_method: 1, payload: {} }, { direction: 'down', deflate: () => z.subarray(0, z.length - 6) });
    expectProtocolError(() => decodeFrame(truncated), 'MALFORMED');
  });

  test('a decompression bomb stops at the limit: TOO_LARGE', () => {
    const bomb = encodeFrame({ command: 1, compress_method: 1, payload: {} }, {
      direction: 'down',
      deflate: () => deflate(new Uint8Array(64 * 1024 * 1024)),
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expectProtocolError(() => decodeFrame(bomb), 'TOO_LARGE');
    expectProtocolError(() => decodeFrame(bomb, { maxInflatedBytes: 1024 }), 'TOO_LARGE');
  });

  test('not bytes: INVALID_VALUE', () => {
    for (const v of [null, undefined, 'abc', 42, {}, [1, 2]]) {
      expectProtocolError(() => decodeFrame(v as never), 'INVALID_VALUE');
    }
  });

  test('ids that are not decimal strings in range: INVALID_VALUE, naming the problem', () => {
    for (const uid of ['abc', '-1', '1.5', '', '18446744073709551616', '123456789012345678901', -1, 1.5, 2 ** 60, {}, true]) {
      expectProtocolError(() => encodeMessage('XID', { uid: uid as never }), 'INVALID_VALUE');
    }
  });

  test('encoding a non-object or an unknown command: INVALID_VALUE', () => {
    expectProtocolError(() => encodeFrame(null as never), 'INVALID_VALUE');
    expectProtocolError(() => encodeFrame({ command: 7 } as never), 'INVALID_VALUE');
    expectProtocolError(() => encodeMessage('Meta', { ns: NameSpace.UNKNOWN, payload: {} } as never), 'INVALID_VALUE');
  });
});

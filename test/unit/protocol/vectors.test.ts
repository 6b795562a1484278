// Every hex test vector of xsync-protocol.md §8 decodes to its documented values and re-encodes
// byte-identical (the official client writes explicit zeros; presence is preserved). Repeated fields
// always decode to arrays, empty when absent.
import { decodeFrame, encodeFrame, decodeMessage, encodeMessage, type Direction } from 'floo-miniprogram/protocol';
import { hex, toHex } from '../../support/hex';

interface Vector {
  name: string;
  bytes: string;
  direction: Direction;
  expected: object;
}

const VECTORS: Vector[] = [
  {
    name: 'heartbeat / UNREAD (C→S)',
    bytes: '080010001800',
    direction: 'up',
    expected: { vsn: 0, compress_method: 0, command: 0 },
  },
  {
    name: 'PROVISION request',
    bytes: '080010001803222e120908e90710affaa2dd033203746f6b38064205322e302e30520e313030315f3739363339333034306a03576562',
    direction: 'up',
    expected: {
      vsn: 0, compress_method: 0, command: 3,
      payload: {
        xid: { uid: '1001', deviceSN: 1000914223 }, token: 'tok', os_type: 6, sdk_vsn: '2.0.0',
        device_guid: '1001_796393040', device_info: 'Web',
      },
    },
  },
  {
    name: 'PROVISION ok reply',
    bytes: '1803220b0a020801120508e9071002',
    direction: 'down',
    expected: { command: 3, payload: { status: { code: 1 }, xid: { uid: '1001', deviceSN: 2 } } },
  },
  {
    name: 'PROVISION INVALID_TOKEN reply',
    bytes: '180322190a110807120d696e76616c696420746f6b656e120408001000',
    direction: 'down',
    expected: { command: 3, payload: { status: { code: 7, reason: 'invalid token' }, xid: { uid: '0', deviceSN: 0 } } },
  },
  {
    name: 'UnreadDL',
    bytes: '1800221e0a020801120b0a0508ea07100010031801120b0a05088927100010001802',
    direction: 'down',
    expected: {
      command: 0,
      payload: {
        status: { code: 1 },
        unread: [
          { xid: { uid: '1002', deviceSN: 0 }, n: 3, type: 1 },
          { xid: { uid: '5001', deviceSN: 0 }, n: 0, type: 2 },
        ],
      },
    },
  },
  {
    name: 'send 1:1',
    bytes: '08001000180122331a31088dcdb18ba034120508e90710021a0508ea071000208dcdb18ba034280132110802220568656c6c6f2800320408001000',
    direction: 'up',
    expected: {
      vsn: 0, compress_method: 0, command: 1,
      payload: {
        meta: {
          id: '1795320211085', from: { uid: '1001', deviceSN: 2 }, to: { uid: '1002', deviceSN: 0 },
          timestamp: '1795320211085', ns: 1,
          payload: { type: 2, content: 'hello', ctype: 0, operation: { type: 0, mid: '0' } },
        },
      },
    },
  },
  {
    name: 'send ack',
    bytes: '1801221d0a020801220508ea071000288dcdb18ba03430c0843d389acdb18ba034',
    direction: 'down',
    expected: {
      command: 1,
      payload: {
        status: { code: 1 }, metas: [], xid: { uid: '1002', deviceSN: 0 }, client_mid: '1795320211085',
        server_mid: '1000000', server_time: '1795320211098',
      },
    },
  },
  {
    name: 'NOTICE',
    bytes: '180222070a0508e9071000',
    direction: 'down',
    expected: { command: 2, payload: { xid: { uid: '1001', deviceSN: 0 } } },
  },
  {
    name: 'first pull',
    bytes: '08001000180122070a0508e9071000',
    direction: 'up',
    expected: { vsn: 0, compress_method: 0, command: 1, payload: { xid: { uid: '1001', deviceSN: 0 } } },
  },
  {
    name: 'SyncDL batch',
    bytes: '1801223f0a020801122e08c0843d120508e90710021a0508ea071000209acdb18ba034280132110802220568656c6c6f280032040800100018c0843d220508e9071000',
    direction: 'down',
    expected: {
      command: 1,
      payload: {
        status: { code: 1 },
        metas: [{
          id: '1000000', from: { uid: '1001', deviceSN: 2 }, to: { uid: '1002', deviceSN: 0 },
          timestamp: '1795320211098', ns: 1,
          payload: { type: 2, content: 'hello', ctype: 0, operation: { type: 0, mid: '0' } },
        }],
        next_key: '1000000',
        xid: { uid: '1001', deviceSN: 0 },
      },
    },
  },
  {
    name: 'follow-up pull',
    bytes: '080010001801220b0a0508e907100010c0843d',
    direction: 'up',
    expected: { vsn: 0, compress_method: 0, command: 1, payload: { xid: { uid: '1001', deviceSN: 0 }, key: '1000000' } },
  },
  {
    name: 'final SyncDL',
    bytes: '1801220d0a0208011800220508e9071000',
    direction: 'down',
    expected: { command: 1, payload: { status: { code: 1 }, metas: [], next_key: '0', xid: { uid: '1001', deviceSN: 0 } } },
  },
  {
    name: 'history request',
    bytes: '080010001801220d0a0508ea071000100020012828',
    direction: 'up',
    expected: {
      vsn: 0, compress_method: 0, command: 1,
      payload: { xid: { uid: '1002', deviceSN: 0 }, key: '0', is_full_sync: true, full_sync_num: 20 },
    },
  },
];

describe('xsync-protocol.md §8 test vectors', () => {
  for (const v of VECTORS) {
    test(`${v.name} decodes to the documented values and re-encodes byte-identical`, () => {
      const frame = v.direction === 'up' ? decodeFrame(hex(v.bytes), { direction: 'up' }) : decodeFrame(hex(v.bytes));
      expect(frame).toEqual(v.expected);
      expect(toHex(encodeFrame(frame, { direction: v.direction }))).toBe(v.bytes);
    });
  }

  test('the MessageBody vector ("hello", as the client encodes it)', () => {
    const bytes = '0802220568656c6c6f2800320408001000';
    const body = decodeMessage('MessageBody', hex(bytes));
    expect(body).toEqual({ type: 2, content: 'hello', ctype: 0, operation: { type: 0, mid: '0' } });
    expect(toHex(encodeMessage('MessageBody', body))).toBe(bytes);
  });

  test('full_sync_num is zig-zag sint32: 20 travels as varint 40 (0x28)', () => {
    const bytes = encodeMessage('SyncUL', { full_sync_num: 20 });
    expect(toHex(bytes)).toBe('2828');
    expect(decodeMessage('SyncUL', hex('2803')).full_sync_num).toBe(-2);
  });

  test('the ArrayBuffer a SocketTask delivers decodes like a Uint8Array', () => {
    const u8 = hex('180222070a0508e9071000');
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
    expect(decodeFrame(ab)).toEqual({ command: 2, payload: { xid: { uid: '1001', deviceSN: 0 } } });
  });
});

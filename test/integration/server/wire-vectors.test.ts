/** The server's reply builders produce the byte-exact frames of xsync-protocol.md §8. */
import { encodeFrame, StatusCode } from 'floo-miniprogram/protocol';
import { noXid, provisionFrame, noticeFrame, xid } from '../../../server/src/xsync/wire';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('PROVISION ok reply (uid 1001, SN 2)', () => {
  expect(hex(encodeFrame(provisionFrame(StatusCode.OK, undefined, xid(1001, 2)), { direction: 'down' }))).toBe('1803220b0a020801120508e9071002');
});

test('PROVISION INVALID_TOKEN reply', () => {
  expect(hex(encodeFrame(provisionFrame(StatusCode.INVALID_TOKEN, 'invalid token', noXid()), { direction: 'down' })))
    .toBe('180322190a110807120d696e76616c696420746f6b656e120408001000');
});

test('NOTICE (conversation uid 1001)', () => {
  expect(hex(encodeFrame(noticeFrame(1001), { direction: 'down' }))).toBe('180222070a0508e9071000');
});

/** The wx socket adapter against a fake SocketTask that records what it is given. */
import type { SocketHandlers } from '../../../sdk/src/core/platform';
import { connectWxSocket } from '../../../sdk/src/platform/wx/socket';
import { createFakeWx, type FakeWx } from './fake-wx';

interface Recorder extends SocketHandlers {
  events: Array<[string, ...unknown[]]>;
}

function recorder(): Recorder {
  const events: Recorder['events'] = [];
  return {
    events,
    onOpen: () => events.push(['open']),
    onMessage: (data) => events.push(['message', data]),
    onClose: (code, reason) => events.push(['close', code, reason]),
    onError: (message) => events.push(['error', message]),
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const closes = (r: Recorder) => r.events.filter(([kind]) => kind === 'close');

let wx: FakeWx;
beforeEach(() => {
  wx = createFakeWx();
});

test('connects with the url, tcpNoDelay on and the given options', () => {
  connectWxSocket(wx, 'wss://im.example/', recorder(), { header: { 'x-app': 'demo' }, timeout: 5000 });
  expect(wx.sockets).toHaveLength(1);
  expect(wx.sockets[0].options).toMatchObject({ url: 'wss://im.example/', tcpNoDelay: true, header: { 'x-app': 'demo' }, timeout: 5000 });
});

test('a subarray frame is sent as an ArrayBuffer holding exactly its bytes, not the parent buffer', () => {
  const socket = connectWxSocket(wx, 'wss://x/', recorder());
  wx.sockets[0].emitOpen();
  const parent = new Uint8Array([0xde, 0xad, 1, 2, 3, 4, 0xbe, 0xef]);
  socket.send(parent.subarray(2, 6));
  const sent = wx.sockets[0].sent[0].data;
  expect(sent).toBeInstanceOf(ArrayBuffer);
  expect(sent).not.toBe(parent.buffer);
  expect(Array.from(new Uint8Array(sent as ArrayBuffer))).toEqual([1, 2, 3, 4]);
  // The parent is untouched.
  expect(Array.from(parent)).toEqual([0xde, 0xad, 1, 2, 3, 4, 0xbe, 0xef]);
});

test('a view covering its whole buffer is sent as that buffer, without a copy', () => {
  const socket = connectWxSocket(wx, 'wss://x/', recorder());
  wx.sockets[0].emitOpen();
  const frame = new Uint8Array([9, 8, 7]);
  socket.send(frame);
  expect(wx.sockets[0].sent[0].data).toBe(frame.buffer);
});

test('listeners are bound once and do not multiply across sends', () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  const task = wx.sockets[0];
  expect(task.listenerCounts()).toEqual({ open: 1, message: 1, close: 1, error: 1 });
  task.emitOpen();
  for (let i = 0; i < 10; i++) socket.send(new Uint8Array([i]));
  expect(task.listenerCounts()).toEqual({ open: 1, message: 1, close: 1, error: 1 });
  task.emitMessage(new Uint8Array([5, 6]).buffer);
  expect(r.events.filter(([kind]) => kind === 'message')).toHaveLength(1);
});

test('a binary message arrives as a Uint8Array of its bytes', () => {
  const r = recorder();
  connectWxSocket(wx, 'wss://x/', r);
  wx.sockets[0].emitOpen();
  wx.sockets[0].emitMessage(new Uint8Array([1, 2, 3]).buffer);
  const [, data] = r.events[1];
  expect(data).toBeInstanceOf(Uint8Array);
  expect(Array.from(data as Uint8Array)).toEqual([1, 2, 3]);
});

test('a text frame is reported as an error, not as a message', () => {
  const r = recorder();
  connectWxSocket(wx, 'wss://x/', r);
  wx.sockets[0].emitOpen();
  wx.sockets[0].emitMessage('hello');
  expect(r.events).toEqual([['open'], ['error', 'text frame']]);
});

test('a close from the server fires onClose once with its code and reason', () => {
  const r = recorder();
  connectWxSocket(wx, 'wss://x/', r);
  wx.sockets[0].emitOpen();
  wx.sockets[0].emitClose(4001, 'kicked');
  wx.sockets[0].emitClose(1000, 'again');
  wx.sockets[0].emitError('late error');
  expect(r.events).toEqual([['open'], ['close', 4001, 'kicked']]);
});

test('close() closes the task and fires onClose once, even when WeChat never reports it', async () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  wx.sockets[0].emitOpen();
  socket.close(1000, 'bye');
  socket.close(1000, 'twice');
  expect(closes(r)).toHaveLength(0); // never inside close() itself
  await flush();
  wx.sockets[0].emitClose(1000, 'bye');
  expect(wx.sockets[0].closes).toEqual([{ code: 1000, reason: 'bye' }]);
  expect(closes(r)).toEqual([['close', 1000, 'bye']]);
});

test('close() with a code SocketTask refuses closes the task plainly instead', async () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  socket.close(1001, 'going away');
  expect(wx.sockets[0].closes).toEqual([{ code: 1001, reason: 'going away' }, { code: undefined, reason: undefined }]);
  await flush();
  expect(closes(r)).toEqual([['close', 1001, 'going away']]);
});

test('an error without a close still ends the socket: onError, then onClose once, and the task is released', () => {
  const r = recorder();
  connectWxSocket(wx, 'wss://x/', r);
  wx.sockets[0].emitOpen();
  wx.sockets[0].emitError('network lost');
  wx.sockets[0].emitClose(1006, '');
  expect(r.events).toEqual([['open'], ['error', 'network lost'], ['close', 1006, 'network lost']]);
  expect(wx.sockets[0].closes).toHaveLength(1);
});

test.each([
  ['fail', 'connectSocket:fail runningState=suspend'],
  ['throw', 'connectSocket:fail exceed max task count'],
  ['no-task', 'connectSocket:fail no SocketTask'],
] as const)('connectSocket %s reports onError then onClose after connect() returned, never throws', async (mode, message) => {
  wx.connectMode = mode;
  const r = recorder();
  expect(() => connectWxSocket(wx, 'wss://x/', r)).not.toThrow();
  expect(r.events).toEqual([]);
  await flush();
  expect(r.events).toEqual([['error', message], ['close', 1006, message]]);
});

test('send after close is dropped; a failing send is reported as an error', async () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  const task = wx.sockets[0];
  task.emitOpen();
  task.sendFails = 'sendSocketMessage:fail WebSocket is not connected';
  socket.send(new Uint8Array([1]));
  expect(r.events).toContainEqual(['error', 'sendSocketMessage:fail WebSocket is not connected']);
  socket.close();
  await flush();
  socket.send(new Uint8Array([2]));
  expect(task.sent).toHaveLength(1);
});

test('an error caused by close() is not reported; onClose still fires once', async () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  socket.close(4000, 'logout');
  wx.sockets[0].emitError('closed while connecting');
  await flush();
  expect(r.events).toEqual([['close', 4000, 'logout']]);
});

test('an open after close() is not reported', async () => {
  const r = recorder();
  const socket = connectWxSocket(wx, 'wss://x/', r);
  socket.close();
  wx.sockets[0].emitOpen();
  await flush();
  expect(r.events).toEqual([['close', 1000, '']]);
});

test('two sockets are independent', () => {
  const a = recorder();
  const b = recorder();
  connectWxSocket(wx, 'wss://a/', a);
  connectWxSocket(wx, 'wss://b/', b);
  wx.sockets[0].emitOpen();
  wx.sockets[1].emitClose(1000, '');
  expect(a.events).toEqual([['open']]);
  expect(b.events).toEqual([['close', 1000, '']]);
});

/** createWxPlatform: wiring, the lazily found global wx, lifecycle hooks, per-instance state. */
import { createWxPlatform } from '../../../sdk/src/platform/wx';
import { createMemoryStorage } from '../../../sdk/src/platform/memory-storage';
import { createFakeWx } from './fake-wx';

const globals = globalThis as { wx?: unknown };

afterEach(() => {
  delete globals.wx;
  jest.restoreAllMocks();
});

test('uses the global wx, looked up when the platform is created (not when the module loaded)', () => {
  const fake = createFakeWx();
  globals.wx = fake;
  const platform = createWxPlatform();
  expect(platform.name).toBe('wx');
  platform.connect('wss://x/', { onOpen() {}, onMessage() {}, onClose() {}, onError() {} });
  expect(fake.sockets).toHaveLength(1);
});

test('without any wx it throws a clear error', () => {
  expect(() => createWxPlatform()).toThrow(/no global wx/);
});

test('an explicit wx wins over the global one', () => {
  const global = createFakeWx();
  const mine = createFakeWx();
  globals.wx = global;
  createWxPlatform({ wx: mine }).connect('wss://x/', { onOpen() {}, onMessage() {}, onClose() {}, onError() {} });
  expect(mine.sockets).toHaveLength(1);
  expect(global.sockets).toHaveLength(0);
});

test('passes socket options to connectSocket', () => {
  const wx = createFakeWx();
  createWxPlatform({ wx, socket: { protocols: ['xsync'], tcpNoDelay: false } }).connect('wss://x/', { onOpen() {}, onMessage() {}, onClose() {}, onError() {} });
  expect(wx.sockets[0].options).toMatchObject({ protocols: ['xsync'], tcpNoDelay: false });
});

test('app show/hide and network hooks subscribe and unsubscribe with off*', () => {
  const wx = createFakeWx();
  const platform = createWxPlatform({ wx });
  const seen: string[] = [];
  const offShow = platform.onAppShow!(() => seen.push('show'));
  const offHide = platform.onAppHide!(() => seen.push('hide'));
  const offNet = platform.onNetworkChange!((online) => seen.push(`online=${online}`));
  wx.emit('appHide', { path: 'pages/index' });
  wx.emit('appShow', { path: 'pages/index' });
  wx.emit('network', { isConnected: false, networkType: 'none' });
  wx.emit('network', { isConnected: true, networkType: 'wifi' });
  expect(seen).toEqual(['hide', 'show', 'online=false', 'online=true']);
  offShow();
  offHide();
  offNet();
  expect([wx.listenerCount('appShow'), wx.listenerCount('appHide'), wx.listenerCount('network')]).toEqual([0, 0, 0]);
});

test('where the base library lacks off*, unsubscribing still silences the listener', () => {
  const wx = createFakeWx();
  const partial = { ...wx, offNetworkStatusChange: undefined };
  const seen: boolean[] = [];
  const off = createWxPlatform({ wx: partial }).onNetworkChange!((online) => seen.push(online));
  off();
  wx.emit('network', { isConnected: true });
  expect(seen).toEqual([]);
});

test('hooks, upload and download are absent where wx lacks them', () => {
  const wx = createFakeWx();
  const bare = { ...wx, onAppShow: undefined, onAppHide: undefined, onNetworkStatusChange: undefined, uploadFile: undefined, downloadFile: undefined };
  const platform = createWxPlatform({ wx: bare });
  expect([platform.onAppShow, platform.onAppHide, platform.onNetworkChange, platform.upload, platform.download]).toEqual([undefined, undefined, undefined, undefined, undefined]);
});

test('two platforms keep separate state: storage queues, sockets, hooks', async () => {
  const wxA = createFakeWx();
  const wxB = createFakeWx();
  const a = createWxPlatform({ wx: wxA });
  const b = createWxPlatform({ wx: wxB });
  await a.storage.set('k', 'a');
  await b.storage.set('k', 'b');
  await expect(a.storage.get('k')).resolves.toBe('a');
  a.onAppShow!(() => undefined);
  expect(wxB.listenerCount('appShow')).toBe(0);
});

test('storage, timers and log can be replaced; the default log goes to the console; log: null logs nothing', () => {
  const storage = createMemoryStorage();
  const timers = { setTimeout: jest.fn(), clearTimeout: jest.fn(), now: () => 42 };
  const platform = createWxPlatform({ wx: createFakeWx(), storage, timers, log: null });
  expect(platform.storage).toBe(storage);
  expect(platform.timers.now()).toBe(42);
  expect(platform.log).toBeUndefined();

  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  createWxPlatform({ wx: createFakeWx() }).log!('warn', 'socket lost', { code: 1006 });
  expect(warn).toHaveBeenCalledWith('[floo]', 'socket lost', { code: 1006 });
});

test('default timers and random come from the host', () => {
  jest.useFakeTimers({ now: 1_700_000_000_000 });
  try {
    const platform = createWxPlatform({ wx: createFakeWx() });
    const fn = jest.fn();
    const handle = platform.timers.setTimeout(fn, 100);
    platform.timers.setTimeout(fn, 200);
    platform.timers.clearTimeout(handle);
    jest.advanceTimersByTime(300);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(platform.timers.now()).toBe(1_700_000_000_300);
    const r = platform.random();
    expect(r >= 0 && r < 1).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});

/** wx storage in the shim: sync and async forms, Promise form, JSON values, 1 MB per key and 10 MB total. */
import { createWxShim, WxStorageArea, type WxShim } from '../../support/wx-shim';
import { outcome } from './support/outcome';

let shim: WxShim;

beforeEach(() => {
  shim = createWxShim();
});

afterEach(() => shim.control.dispose());

const MB = 1024 * 1024;

test('values round-trip with their types; a missing key reads as the empty string', () => {
  const { wx } = shim;
  wx.setStorageSync('s', 'text');
  wx.setStorageSync('n', 42);
  wx.setStorageSync('o', { a: [1, { b: null }] });
  wx.setStorageSync('d', new Date(1700000000000));
  expect(wx.getStorageSync('s')).toBe('text');
  expect(wx.getStorageSync('n')).toBe(42);
  expect(wx.getStorageSync('o')).toEqual({ a: [1, { b: null }] });
  expect((wx.getStorageSync('d') as Date).getTime()).toBe(1700000000000);
  expect(wx.getStorageSync('missing')).toBe('');
  // Stored values are copies: changing the original later does not change storage.
  const obj = { x: 1 };
  wx.setStorageSync('copy', obj);
  obj.x = 2;
  expect(wx.getStorageSync('copy')).toEqual({ x: 1 });
  wx.removeStorageSync('s');
  expect(wx.getStorageSync('s')).toBe('');
  expect(wx.getStorageInfoSync().keys.sort()).toEqual(['copy', 'd', 'n', 'o']);
  wx.clearStorageSync();
  expect(wx.getStorageInfoSync()).toEqual({ keys: [], currentSize: 0, limitSize: 10240 });
});

test('async forms answer through callbacks, or a Promise when no callback is given', async () => {
  const { wx } = shim;
  expect(await outcome((cb) => wx.setStorage({ key: 'k', data: { v: 1 }, ...cb }))).toMatchObject({ ok: true, result: { errMsg: 'setStorage:ok' } });
  await expect(wx.getStorage({ key: 'k' })).resolves.toEqual({ data: { v: 1 }, errMsg: 'getStorage:ok' });
  const missing = await outcome((cb) => wx.getStorage({ key: 'nope', ...cb }));
  expect(missing).toMatchObject({ ok: false, result: { errMsg: 'getStorage:fail data not found' } });
  await expect(wx.getStorage({ key: 'nope' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
  await expect(wx.getStorageInfo()).resolves.toMatchObject({ keys: ['k'], limitSize: 10240, errMsg: 'getStorageInfo:ok' });
  await wx.removeStorage({ key: 'k' });
  await wx.clearStorage();
  expect(wx.getStorageInfoSync().keys).toEqual([]);
});

test('callbacks never run inside the call itself', () => {
  const order: string[] = [];
  shim.wx.setStorage({ key: 'k', data: 1, success: () => order.push('success') });
  order.push('returned');
  expect(order).toEqual(['returned']);
});

test('one key holds at most 1 MB (key + serialised value); the error reads like WeChat\'s', async () => {
  const { wx } = shim;
  // JSON adds two quote characters around a string; the key is one byte.
  wx.setStorageSync('k', 'x'.repeat(MB - 3));
  expect(() => wx.setStorageSync('k', 'x'.repeat(MB - 2))).toThrow('setStorageSync:fail:entry size limit reached');
  try {
    wx.setStorageSync('k', 'x'.repeat(MB));
  } catch (error) {
    expect((error as { errMsg: string }).errMsg).toBe('setStorageSync:fail:entry size limit reached');
  }
  const r = await outcome((cb) => wx.setStorage({ key: 'big', data: 'é'.repeat(MB / 2), ...cb }));
  expect(r).toMatchObject({ ok: false, result: { errMsg: 'setStorage:fail:entry size limit reached' } });
  // The failed writes left the earlier value alone.
  expect((wx.getStorageSync('k') as string).length).toBe(MB - 3);
});

test('all keys together hold at most 10 MB; overwriting a key frees its old size first', () => {
  const { wx } = shim;
  const chunk = 'y'.repeat(MB - 100);
  for (let i = 0; i < 10; i++) wx.setStorageSync(`k${i}`, chunk);
  expect(() => wx.setStorageSync('one-more', 'z'.repeat(2000))).toThrow('setStorageSync:fail:quota reached');
  wx.setStorageSync('k0', chunk);
  wx.removeStorageSync('k9');
  wx.setStorageSync('one-more', 'z'.repeat(2000));
  expect(shim.control.storageUsage().keys).toBe(10);
  expect(shim.wx.getStorageInfoSync().currentSize).toBeLessThanOrEqual(10240);
});

test('a storage area outlives its shim: a restarted app finds what the previous run stored', () => {
  const area = new WxStorageArea();
  const first = createWxShim({ storage: area });
  first.wx.setStorageSync('token', 'abc');
  first.control.dispose();
  const second = createWxShim({ storage: area });
  expect(second.wx.getStorageSync('token')).toBe('abc');
  second.control.dispose();
});

test('keys must be non-empty strings; unserialisable values are refused', () => {
  expect(() => shim.wx.setStorageSync('', 1)).toThrow(/setStorageSync:fail parameter error/);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(() => shim.wx.setStorageSync('c', cyclic)).toThrow(/setStorageSync:fail data is not serializable/);
});

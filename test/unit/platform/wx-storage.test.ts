/** What the wx storage adapter adds beyond the contract (test/contract): WeChat's failure shapes. */
import { createWxStorage, wxEntryBytes, WX_MAX_VALUE_BYTES } from '../../../sdk/src/platform/wx/storage';
import { createFakeWxStorage } from './fake-wx-storage';

test('declares WeChat quotas by default and accepts overrides (encrypt mode)', () => {
  const fake = createFakeWxStorage();
  expect(createWxStorage(fake)).toMatchObject({ maxValueBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 });
  expect(createWxStorage(fake, { maxValueBytes: 716800, maxTotalBytes: 7444889 })).toMatchObject({ maxValueBytes: 716800, maxTotalBytes: 7444889 });
});

test('an entry over the per-entry limit is rejected without asking WeChat', async () => {
  const fake = createFakeWxStorage();
  const setStorage = jest.spyOn(fake, 'setStorage');
  await expect(createWxStorage(fake).set('big', 'x'.repeat(WX_MAX_VALUE_BYTES))).rejects.toThrow(/quota/);
  expect(setStorage).not.toHaveBeenCalled();
});

test('entries are sized as WeChat sizes them: key plus JSON-serialised value', async () => {
  expect(wxEntryBytes('k', 'ab')).toBe(1 + 4);
  expect(wxEntryBytes('k', '{"a":"你"}')).toBe(1 + 11 + 4 + 2); // key, UTF-8 text, 4 escapes, 2 outer quotes
  // JSON text with many quotes: under 1 MB as UTF-8, over 1 MB as WeChat counts it.
  const quoted = '"x'.repeat(WX_MAX_VALUE_BYTES / 2 - 8);
  expect(Buffer.byteLength(quoted)).toBeLessThan(WX_MAX_VALUE_BYTES);
  await expect(createWxStorage(createFakeWxStorage()).set('q', quoted)).rejects.toThrow(/quota/);
});

test('a write WeChat refuses rejects with its errMsg', async () => {
  const fake = createFakeWxStorage({ maxTotalBytes: 100 });
  await expect(createWxStorage(fake).set('k', 'v'.repeat(200))).rejects.toMatchObject({ errMsg: 'setStorage:fail:quota reached' });
});

test('a non-string value stored by other code is read back as JSON text', async () => {
  const fake = createFakeWxStorage();
  fake.data.set('legacy', { a: 1 });
  await expect(createWxStorage(fake).get('legacy')).resolves.toBe('{"a":1}');
});

test('a getStorage failure other than "not found" rejects', async () => {
  const fake = createFakeWxStorage();
  fake.getStorage = ({ fail }) => fail?.({ errMsg: 'getStorage:fail internal error' });
  await expect(createWxStorage(fake).get('k')).rejects.toMatchObject({ errMsg: 'getStorage:fail internal error' });
});

test('a wx storage call that throws rejects instead', async () => {
  const fake = createFakeWxStorage();
  fake.setStorage = () => {
    throw new Error('boom');
  };
  await expect(createWxStorage(fake).set('k', 'v')).rejects.toMatchObject({ errMsg: 'boom' });
});

test('a failed write does not block later writes to the same key', async () => {
  const fake = createFakeWxStorage({ maxTotalBytes: 100 });
  const storage = createWxStorage(fake);
  const failed = storage.set('k', 'v'.repeat(200));
  const ok = storage.set('k', 'small');
  await expect(failed).rejects.toBeInstanceOf(Error);
  await expect(ok).resolves.toBeUndefined();
  await expect(storage.get('k')).resolves.toBe('small');
});

/** Runs the KeyValueStorage contract against every backend the SDK ships. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage } from '../../sdk/src/platform/memory-storage';
import { createFileStorage } from '../../sdk/src/platform/node/file-storage';
import { createWxStorage, WX_MAX_TOTAL_BYTES, WX_MAX_VALUE_BYTES } from '../../sdk/src/platform/wx/storage';
import { createWxShim, type WxShim, type WxStorageArea } from '../support/wx-shim';
import { createFakeWxStorage, type FakeWxStorage } from '../unit/platform/fake-wx-storage';
import { runKeyValueStorageContract } from './kv-storage.contract';

runKeyValueStorageContract('memory', () => createMemoryStorage());

const limits = { maxValueBytes: 4096, maxTotalBytes: 16 * 1024 };
runKeyValueStorageContract('memory with limits', () => createMemoryStorage(limits), { limits });

const dirs = new Map<object, string>();
runKeyValueStorageContract('node file storage', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'floo-kv-'));
  // A subdirectory that does not exist yet: the storage creates it on the first write.
  const storage = createFileStorage(join(dir, 'kv'));
  dirs.set(storage, dir);
  return storage;
}, {
  reopen: (storage) => createFileStorage(join(dirs.get(storage)!, 'kv')),
  cleanup: async () => {
    await Promise.all(Array.from(dirs.values(), (dir) => rm(dir, { recursive: true, force: true })));
    dirs.clear();
  },
});

// WeChat storage outlives the app process: a new adapter over the same storage sees the old data.
const wxLimits = { maxValueBytes: WX_MAX_VALUE_BYTES, maxTotalBytes: WX_MAX_TOTAL_BYTES };
const shims: WxShim[] = [];
const newShim = (storage?: WxStorageArea): WxShim => {
  const shim = createWxShim({ storage });
  shims.push(shim);
  return shim;
};
const areas = new Map<object, WxStorageArea>();
runKeyValueStorageContract('wx storage over the wx shim', () => {
  const shim = newShim();
  const storage = createWxStorage(shim.wx);
  areas.set(storage, shim.control.storage);
  return storage;
}, {
  // A new shim over the same storage area: an app restart.
  reopen: (storage) => createWxStorage(newShim(areas.get(storage)).wx),
  limits: wxLimits,
  cleanup: () => {
    for (const shim of shims.splice(0)) shim.control.dispose();
    areas.clear();
  },
});

// The shim completes storage calls in call order; this fake lets them overtake each other.
const fakes = new Map<object, FakeWxStorage>();
runKeyValueStorageContract('wx storage over a fake wx whose calls complete out of order', () => {
  const fake = createFakeWxStorage();
  const storage = createWxStorage(fake);
  fakes.set(storage, fake);
  return storage;
}, {
  reopen: (storage) => createWxStorage(fakes.get(storage)!),
  limits: wxLimits,
  cleanup: () => fakes.clear(),
});

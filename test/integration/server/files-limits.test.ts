/**
 * File limits and failures against a real floo-server: over-size uploads (413 / 10030) that leave no
 * bytes behind, expired slots, an upload interrupted mid-body and retried on the same slot, and files
 * that survive a restart of a server with a data folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { groupKit, type User } from './groups-support';
import { chatSlot, download, interruptedPost, multipart, png, storedFiles, upload, type Slot } from './files-support';

const KB = 1024;
let now = Date.now();
let server: RunningServer;
let kit: ReturnType<typeof groupKit>;
let alice: User;
let bob: User;

beforeAll(async () => {
  server = await startTestServer({ maxFileBytes: 300 * KB, maxImageBytes: 200 * KB, maxAvatarBytes: 50 * KB, slotTtlMs: 60_000, clock: () => now });
  kit = groupKit(server);
  [alice, bob] = [await kit.newUser('la'), await kit.newUser('lb')];
});

afterAll(async () => {
  await server.close();
});

/** Polls `check` until it holds (the server finishes cleaning up after the client went away). */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

test('over the limit: 413 with code 10030, no partial file kept, the slot still usable', async () => {
  const before = storedFiles(server).objects.length;
  const cases: [string, number][] = [['file', 300 * KB], ['image', 200 * KB], ['audio', 300 * KB]];
  for (const [type, max] of cases) {
    const slot = await chatSlot(kit, alice, type, bob.userId, 1);
    const name = type === 'image' ? 'big.png' : type === 'audio' ? 'big.mp3' : 'big.bin';
    const r = await upload(slot.upload_url, [{ name: 'file', filename: name, data: png(max + 1) }]);
    expect([r.status, r.code]).toEqual([413, 10030]);
    expect(r.message).toContain(String(max));
    // Exactly at the limit is fine.
    expect((await upload(slot.upload_url, [{ name: 'file', filename: name, data: png(max) }])).code).toBe(200);
  }
  const av = await kit.ok<Slot>(alice, 'GET', '/file/upload/avatar/user');
  expect((await upload(av.upload_url, [{ name: 'file', filename: 'a.png', data: png(50 * KB + 1) }])).code).toBe(10030);
  // A thumbnail is held to the image limit.
  const vid = await chatSlot(kit, alice, 'video', bob.userId, 1);
  expect((await upload(vid.upload_url, [{ name: 'file', filename: 'v.mp4', data: randomBytes(10) }, { name: 'thumbnail', filename: 't.png', data: png(200 * KB + 1) }])).code).toBe(10030);
  const files = storedFiles(server);
  expect(files.tmp).toEqual([]);
  expect(files.objects.length).toBe(before + 3);
});

test('far over the limit (declared length): refused without reading the body', async () => {
  const slot = await chatSlot(kit, alice, 'file', bob.userId, 1);
  const r = await upload(slot.upload_url, [{ name: 'file', filename: 'huge.bin', data: Buffer.alloc(70 * 1024 * KB) }]);
  expect([r.status, r.code]).toEqual([413, 10030]);
  expect(storedFiles(server).tmp).toEqual([]);
});

test('an expired slot is refused with 10032 and swept, with the bytes of a file that never completed', async () => {
  const slot = await chatSlot(kit, alice, 'file', bob.userId, 1);
  const done = await chatSlot(kit, alice, 'file', bob.userId, 1);
  expect((await upload(done.upload_url, [{ name: 'file', filename: 'kept', data: 'kept' }])).code).toBe(200);
  // A thumbnail whose file never comes.
  const lone = await chatSlot(kit, alice, 'image', bob.userId, 1);
  expect((await upload(lone.upload_url, [{ name: 'thumbnail', filename: 't.png', data: png(100) }])).code).toBe(200);
  const before = storedFiles(server).objects.length;
  now += 60_001;
  const r = await upload(slot.upload_url, [{ name: 'file', filename: 'late', data: 'late' }]);
  expect(r.code).toBe(10032);
  const orphans = await server.store.deleteExpiredUploadSlots(now);
  expect(orphans).toHaveLength(1);
  await server.files.delete(orphans[0]);
  expect(storedFiles(server).objects.length).toBe(before - 1);
  expect((await download(slot.download_url, bob.token)).status).toBe(404);
  expect((await download(done.download_url, bob.token)).body.toString()).toBe('kept');
});

test('an upload interrupted mid-body leaves nothing and can be retried on the same slot', async () => {
  const before = storedFiles(server).objects.length;
  const slot = await chatSlot(kit, alice, 'file', bob.userId, 1);
  const bytes = randomBytes(250 * KB);
  const { body, contentType } = multipart([{ name: 'file', filename: 'doc.bin', data: bytes }]);
  await interruptedPost(slot.upload_url, body, contentType, Math.floor(body.length / 2));
  await eventually(() => storedFiles(server).tmp.length === 0);
  expect(storedFiles(server).objects.length).toBe(before);
  expect((await download(slot.download_url, bob.token)).status).toBe(404);
  const retry = await upload(slot.upload_url, [{ name: 'file', filename: 'doc.bin', data: bytes }]);
  expect(retry.code).toBe(200);
  expect((await download(slot.download_url, bob.token)).body.equals(bytes)).toBe(true);
});

test('files survive a restart of a server with a data folder; the folder layout is files/objects', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'floo-files-test-'));
  try {
    let s = await startTestServer({ dataDir: dir });
    const k = groupKit(s);
    const [a, b] = [await k.newUser('pa'), await k.newUser('pb')];
    const slot = await chatSlot(k, a, 'image', b.userId, 1);
    const bytes = png(5000);
    expect((await upload(slot.upload_url, [{ name: 'file', filename: 'p.png', data: bytes }])).code).toBe(200);
    expect(s.files.root).toBe(join(dir, 'files'));
    expect(storedFiles(s).objects).toHaveLength(1);
    await s.close();
    expect(existsSync(join(dir, 'files', 'objects'))).toBe(true);
    s = await startTestServer({ dataDir: dir, port: 0 });
    try {
      // Same token (tokens are stored); the URL's host:port changed with the new server.
      const url = slot.download_url.replace(/^http:\/\/[^/]+/, s.url);
      expect((await download(url, b.token)).body.equals(bytes)).toBe(true);
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an in-memory server removes its temporary file folder on close', async () => {
  const s = await startTestServer();
  const root = s.files.root;
  expect(existsSync(root)).toBe(true);
  await s.close();
  expect(existsSync(root)).toBe(false);
});

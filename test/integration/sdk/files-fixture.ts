/**
 * Shared set-up of the file tests (files, file-messages): a fresh floo-server per test (demo users
 * alice, bob and carol, all friends; the demo group owned by alice) with small size limits, SDK
 * clients on Node or wx, local files written where each platform reads them (Node: a temp folder;
 * wx: the shim's `wxfile://usr`), and a way to send a client's uploads and downloads elsewhere
 * (a server that drops the connection, or one that never answers) to test interruptions and cancel.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../../server/src';
import { startTestServer, uidOf } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { Platform } from '../../../sdk/src/core/platform';
import type { ConversationRef } from '../../../sdk/src/core/types';
import { USER_DATA_PATH } from '../../support/wx-shim/index';
import { makePlatform, type Kind, type TestPlatform } from './platforms';

export { KINDS } from './platforms';
export { next, codeOf } from './groups-fixture';

/** Server limits of these tests: small, so that "too large" needs no big files. */
export const LIMITS = { maxImageBytes: 150_000, maxFileBytes: 400_000, maxAvatarBytes: 100_000 };

/** Sample contents the server recognises by their first bytes (and names). */
export const SAMPLES = {
  image: (n: number) => withHead(Buffer.from('89504e470d0a1a0a', 'hex'), n),
  audio: (n: number) => withHead(Buffer.from('ID3\x03\x00', 'latin1'), n),
  video: (n: number) => withHead(Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), n),
  file: (n: number) => withHead(Buffer.from('%PDF-1.4\n', 'latin1'), n),
};

function withHead(head: Buffer, n: number): Buffer {
  const b = Buffer.alloc(Math.max(n, head.length));
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + 7) & 0xff;
  head.copy(b);
  return b;
}

/** Where a client's transfers go instead of the URL they were given (by call order: index 0 = first call). */
export type Detour = 'drop' | 'hold' | undefined;

/** A client with its test platform, local files and a switchable detour of uploads and downloads. */
export interface Device {
  c: FlooClient;
  tp: TestPlatform;
  /** Writes `bytes` as a local file named `name`; returns the path the SDK takes. */
  write(name: string, bytes: Buffer): string;
  /** Reads a local file (a download's path). */
  read(p: string): Buffer;
  /** Detours of the next upload calls, in order (consumed one per call). */
  uploads: Detour[];
  /** Detours of the next download calls, in order. */
  downloads: Detour[];
}

/** A loopback server that drops every request's connection, or holds it unanswered. */
interface Trap {
  url: string;
  /** Requests received. */
  seen: number;
  /** Requests whose connection the client closed while held. */
  closedByClient: number;
  close(): Promise<void>;
}

async function startTrap(): Promise<{ drop: Trap; hold: Trap; close(): Promise<void> }> {
  const make = async (mode: 'drop' | 'hold'): Promise<Trap & { server: http.Server }> => {
    const trap = { url: '', seen: 0, closedByClient: 0 } as Trap & { server: http.Server };
    trap.server = http.createServer((req) => {
      trap.seen++;
      if (mode === 'drop') req.once('data', () => req.socket.destroy());
      if (mode === 'drop' && req.method === 'GET') req.socket.destroy();
      req.socket.on('close', () => { if (mode === 'hold') trap.closedByClient++; });
      req.resume();
    });
    await new Promise<void>((r) => trap.server.listen(0, '127.0.0.1', r));
    trap.url = `http://127.0.0.1:${(trap.server.address() as AddressInfo).port}`;
    trap.close = () => new Promise<void>((r) => {
      trap.server.closeAllConnections();
      trap.server.close(() => r());
    });
    return trap;
  };
  const drop = await make('drop');
  const hold = await make('hold');
  return { drop, hold, close: async () => { await drop.close(); await hold.close(); } };
}

/** One server per test; `device()` logs a demo user in on a new device. */
export function filesFixture() {
  let server: RunningServer;
  let traps: Awaited<ReturnType<typeof startTrap>>;
  let devices: Device[] = [];
  let dirs: string[] = [];
  beforeEach(async () => {
    server = await startTestServer(LIMITS);
    traps = await startTrap();
  });
  afterEach(async () => {
    for (const d of devices) await d.c.close();
    for (const d of devices) d.tp.dispose();
    devices = [];
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    dirs = [];
    await traps.close();
    await server.close();
  });

  /** `url` with its scheme and host replaced by the trap's. */
  const detoured = (url: string, detour: Detour): string => (detour ? url.replace(/^https?:\/\/[^/]+/, traps[detour].url) : url);

  async function device(kind: Kind, name: 'alice' | 'bob' | 'carol', tp = makePlatform(kind)): Promise<Device> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'floo-files-test-'));
    dirs.push(dir);
    const d = {} as Device;
    const base = tp.platform;
    const platform: Platform = {
      ...base,
      upload: (req) => base.upload!({ ...req, url: detoured(req.url, d.uploads.shift()) }),
      download: (req) => base.download!({ ...req, url: detoured(req.url, d.downloads.shift()) }),
    };
    const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off' }, platform);
    Object.assign(d, {
      c, tp, uploads: [], downloads: [],
      write: (file: string, bytes: Buffer) => {
        if (kind === 'node') {
          const p = path.join(dir, file);
          fs.writeFileSync(p, bytes);
          return p;
        }
        const p = `${USER_DATA_PATH}/${file}`;
        tp.shim!.files.writeBytes('test', p, bytes);
        return p;
      },
      read: (p: string) => (kind === 'node' ? fs.readFileSync(p) : tp.shim!.files.readBytes('test', p)),
    });
    devices.push(d);
    await c.login({ username: name, password: 'floo-demo' });
    return d;
  }

  /** Closes `d` and logs the same user in again in a new app process on the same storage. */
  async function relaunch(d: Device, name: 'alice' | 'bob' | 'carol'): Promise<Device> {
    await d.c.flush();
    await d.c.close();
    return device(d.tp.kind, name, d.tp.restart());
  }

  return {
    device,
    relaunch,
    server: () => server,
    /** The trap that drops connections, and the one that holds requests. */
    trap: (which: 'drop' | 'hold') => traps[which],
    user: (name: string): ConversationRef => ({ type: 'user', id: uidOf(server, name) }),
    group: (): ConversationRef => ({ type: 'group', id: String(server.demo!.groupId) }),
    uid: (name: string) => uidOf(server, name),
  };
}

/** Resolves once `check()` holds (polled; the test's timeout bounds it). */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

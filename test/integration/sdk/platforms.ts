/**
 * The platforms the SDK integration tests run on: Node (`createNodePlatform`) and WeChat through the
 * wx shim (`createWxPlatform` over `createWxShim`, with WeChat's socket, storage and lifecycle rules).
 * Each test platform can be "restarted" (a new app process on the same storage) and can cut its sockets.
 */
import type { Platform, RawSocket, KeyValueStorage } from '../../../sdk/src/core/platform';
import { createNodePlatform, createMemoryStorage } from '../../../sdk/src/platform/node/index';
import { createWxPlatform } from '../../../sdk/src/platform/wx/index';
import { createWxShim, WxStorageArea, type WxShimControl, type StorageLimits } from '../../support/wx-shim/index';

/** The platform kinds every scenario runs on. */
export const KINDS = ['node', 'wx'] as const;
export type Kind = (typeof KINDS)[number];

/** A platform under test. */
export interface TestPlatform {
  kind: Kind;
  platform: Platform;
  /** Cuts every open socket abruptly. */
  kill(): void;
  /** A new "app process" on the same storage (and the same device identity); this one is disposed. */
  restart(): TestPlatform;
  /** A second app instance on the same storage, alongside this one (same device identity). */
  sibling(): TestPlatform;
  /** The wx shim's control (wx only). */
  shim?: WxShimControl;
  dispose(): void;
}

/** Options of a test platform. */
export interface TestPlatformOptions {
  /** wx: storage quotas (default WeChat's 1 MB / 10 MB). */
  storageLimits?: StorageLimits;
  /** wx: delay from hide to suspension (default 5 s). */
  suspendDelayMs?: number;
}

export function makePlatform(kind: Kind, options: TestPlatformOptions = {}, storage?: unknown): TestPlatform {
  return kind === 'node' ? nodePlatform((storage as KeyValueStorage) ?? createMemoryStorage()) : wxPlatform(options, storage as WxStorageArea | undefined);
}

function nodePlatform(storage: KeyValueStorage): TestPlatform {
  const base = createNodePlatform({ storage, log: null });
  const open = new Set<RawSocket>();
  const platform: Platform = {
    ...base,
    connect(url, handlers) {
      const socket: RawSocket = base.connect(url, {
        ...handlers,
        onClose: (code, reason) => {
          open.delete(socket);
          handlers.onClose(code, reason);
        },
      });
      open.add(socket);
      return socket;
    },
  };
  return {
    kind: 'node',
    platform,
    kill: () => { for (const s of Array.from(open)) s.close(4000, 'cut by the test'); },
    restart: () => nodePlatform(storage),
    sibling: () => nodePlatform(storage),
    dispose: () => { for (const s of Array.from(open)) s.close(1000, 'disposed'); },
  };
}

function wxPlatform(options: TestPlatformOptions, storage?: WxStorageArea): TestPlatform {
  const { wx, control } = createWxShim({ storage, storageLimits: options.storageLimits, suspendDelayMs: options.suspendDelayMs });
  const area = storage ?? control.storage;
  // The SDK's timers are the app's: WeChat freezes them while the app is suspended.
  const timers = { setTimeout: (fn: () => void, ms: number) => control.timers.setTimeout(fn, ms), clearTimeout: (h: unknown) => control.timers.clearTimeout(h), now: () => Date.now() };
  const platform = createWxPlatform({ wx: wx as never, log: null, timers });
  return {
    kind: 'wx',
    platform,
    shim: control,
    kill: () => { control.killSockets('cut by the test'); },
    restart: () => {
      control.dispose();
      return wxPlatform(options, area);
    },
    sibling: () => wxPlatform(options, area),
    dispose: () => control.dispose(),
  };
}

/**
 * The Node.js Platform (bots, tools, tests): sockets over `ws`, HTTP over fetch, storage in memory or
 * in a directory. Node has no app lifecycle, so the lifecycle hooks are absent and the network is
 * assumed online. All state lives in what the factory returns.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStorage, LogSink, Platform, Timers } from '../../core/platform';
import { createConsoleLog } from '../console-log';
import { createHostTimers } from '../host-timers';
import { createMemoryStorage } from '../memory-storage';
import { createFileStorage } from './file-storage';
import { nodeDownload, nodeUpload } from './files';
import { nodeRequest } from './http';
import { connectNodeSocket, type NodeSocketOptions } from './socket';

/** Options of `createNodePlatform`. */
export interface NodePlatformOptions {
  /**
   * Where the client persists its data: `'memory'` (default; gone when the process ends), `{ dir }`
   * for one file per key under `dir`, or any KeyValueStorage.
   */
  storage?: 'memory' | { dir: string } | KeyValueStorage;
  /** Options of the `ws` client (handshake headers, handshake timeout). */
  socket?: NodeSocketOptions;
  /** Directory downloads are saved to (default: `<os tmpdir>/floo-downloads`). */
  downloadDir?: string;
  /** Log sink (default: the console); `null` logs nothing. */
  log?: LogSink | null;
  /** Timers and clock (default: Node's setTimeout/clearTimeout and Date.now). */
  timers?: Timers;
}

function isKeyValueStorage(storage: object): storage is KeyValueStorage {
  return typeof (storage as KeyValueStorage).get === 'function';
}

function resolveStorage(storage: NodePlatformOptions['storage'] = 'memory'): KeyValueStorage {
  if (storage === 'memory') return createMemoryStorage();
  if (isKeyValueStorage(storage)) return storage;
  return createFileStorage(storage.dir);
}

/** Creates a Platform for Node.js ≥ 20. Requires the `ws` package. */
export function createNodePlatform(options: NodePlatformOptions = {}): Platform {
  const downloadDir = options.downloadDir ?? join(tmpdir(), 'floo-downloads');
  return {
    name: 'node',
    connect: (url, handlers) => connectNodeSocket(url, handlers, options.socket),
    request: nodeRequest,
    upload: nodeUpload,
    download: (req) => nodeDownload(downloadDir, req),
    storage: resolveStorage(options.storage),
    timers: options.timers ?? createHostTimers(),
    random: () => Math.random(),
    log: options.log === null ? undefined : options.log ?? createConsoleLog(),
  };
}

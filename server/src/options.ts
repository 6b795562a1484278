/** Server options and their defaults. */
import type { ScryptCost } from './auth/passwords';
import { DEFAULT_SCRYPT_COST } from './auth/passwords';
import { consoleLogger, silentLogger, type Logger } from './logger';

/**
 * What to do when a user logs in on one device more than {@link ServerOptions.maxDevicesPerUser}
 * allows: `kick-oldest` logs the oldest session out (USER_NOTICE KICKED_BY_OTHER_DEVICE), `reject`
 * refuses the new login with TOO_MANY_DEVICES.
 */
export type DevicePolicy = 'kick-oldest' | 'reject';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 to serve the LAN). */
  host?: string;
  /** Data folder (default `.floo-data`), or `':memory:'` for a throw-away database. */
  dataDir?: string;
  /** `'demo'` creates (idempotently) app `demo`, users alice, bob, carol and group "Floo Demo". */
  seed?: 'demo' | 'showcase' | false;
  /** Token lifetime in ms (default 30 days). */
  tokenTtlMs?: number;
  /** How long a pending friend application stays valid, in ms (default 7 days). */
  applicationTtlMs?: number;
  /** Online devices allowed per user (default 5). */
  maxDevicesPerUser?: number;
  /** Policy beyond `maxDevicesPerUser` (default `kick-oldest`). */
  devicePolicy?: DevicePolicy;
  /** Items per SyncDL page (default 50). */
  syncBatchSize?: number;
  /** Largest history page a client may ask for (default 100; 20 when it asks for none). */
  maxHistoryPage?: number;
  /** Largest WebSocket message accepted (default 1 MiB; bigger closes with 1009). */
  maxFrameBytes?: number;
  /** Largest REST body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** Consecutive undecodable frames tolerated before the connection is closed (default 10). */
  maxProtocolErrors?: number;
  /** Frames a connection may have waiting before it is closed as flooding (default 1000). */
  maxQueuedFrames?: number;
  /** WebSocket ping interval to drop dead peers (default 30 s; 0 disables). */
  pingIntervalMs?: number;
  /** Members a group may hold at most (default 500); a group's own capacity can only be lower. */
  groupCapacity?: number;
  /** Groups one user may own at a time (default 1000). */
  maxOwnedGroups?: number;
  /** Lifetime of group applications and invitations in ms (default 7 days). */
  groupRequestTtlMs?: number;
  /** Largest chat file (file, audio, video) accepted by an upload slot, in bytes (default 20 MB). */
  maxFileBytes?: number;
  /** Largest chat image (and thumbnail), in bytes (default 10 MB). */
  maxImageBytes?: number;
  /** Largest user or group avatar, in bytes (default 2 MB). */
  maxAvatarBytes?: number;
  /** How long an upload slot stays valid, in ms (default 10 minutes). */
  slotTtlMs?: number;
  /** How long after sending a user may recall their message, in ms (default 5 minutes; group owner and admins are not limited). */
  recallWindowMs?: number;
  /** scrypt cost (tests may lower it). */
  scryptCost?: ScryptCost;
  /** Logger; `false` silences the server (default: stderr lines). */
  logger?: Logger | false;
  /** Time source in ms (tests may pin it). */
  clock?: () => number;
}

/** Options with every default applied. */
export type ResolvedOptions = Required<Omit<ServerOptions, 'logger' | 'seed'>> & { logger: Logger; seed: 'demo' | 'showcase' | false };

/** Applies defaults and validates ranges. */
export function resolveOptions(o: ServerOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    dataDir: o.dataDir ?? '.floo-data',
    seed: o.seed ?? false,
    tokenTtlMs: o.tokenTtlMs ?? 30 * 24 * 3600 * 1000,
    applicationTtlMs: o.applicationTtlMs ?? 7 * 24 * 3600 * 1000,
    maxDevicesPerUser: o.maxDevicesPerUser ?? 5,
    devicePolicy: o.devicePolicy ?? 'kick-oldest',
    syncBatchSize: o.syncBatchSize ?? 50,
    maxHistoryPage: o.maxHistoryPage ?? 100,
    maxFrameBytes: o.maxFrameBytes ?? 1024 * 1024,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
    maxProtocolErrors: o.maxProtocolErrors ?? 10,
    maxQueuedFrames: o.maxQueuedFrames ?? 1000,
    pingIntervalMs: o.pingIntervalMs ?? 30_000,
    groupCapacity: o.groupCapacity ?? 500,
    maxOwnedGroups: o.maxOwnedGroups ?? 1000,
    groupRequestTtlMs: o.groupRequestTtlMs ?? 7 * 24 * 3600 * 1000,
    maxFileBytes: o.maxFileBytes ?? 20 * 1024 * 1024,
    maxImageBytes: o.maxImageBytes ?? 10 * 1024 * 1024,
    maxAvatarBytes: o.maxAvatarBytes ?? 2 * 1024 * 1024,
    slotTtlMs: o.slotTtlMs ?? 10 * 60 * 1000,
    recallWindowMs: o.recallWindowMs ?? 5 * 60 * 1000,
    scryptCost: o.scryptCost ?? DEFAULT_SCRYPT_COST,
    logger: o.logger === false ? silentLogger : o.logger ?? consoleLogger(),
    clock: o.clock ?? Date.now,
  };
  const positive: (keyof ResolvedOptions)[] = ['tokenTtlMs', 'applicationTtlMs', 'maxDevicesPerUser', 'syncBatchSize', 'maxHistoryPage', 'maxFrameBytes', 'maxBodyBytes', 'maxProtocolErrors', 'maxQueuedFrames', 'groupCapacity', 'maxOwnedGroups', 'groupRequestTtlMs',
    'maxFileBytes', 'maxImageBytes', 'maxAvatarBytes', 'slotTtlMs', 'recallWindowMs'];
  for (const k of positive) {
    const v = r[k] as number;
    if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`option ${k} must be a positive integer, got ${v}`);
  }
  if (!Number.isSafeInteger(r.port) || r.port < 0 || r.port > 65535) throw new RangeError(`option port must be 0..65535, got ${r.port}`);
  if (r.devicePolicy !== 'kick-oldest' && r.devicePolicy !== 'reject') throw new RangeError(`option devicePolicy must be kick-oldest or reject`);
  return r;
}

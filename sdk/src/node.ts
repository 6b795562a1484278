/**
 * floo-miniprogram/node: the SDK bound to Node.js (bots, tools, tests, the terminal chat).
 * Sockets over `ws`, HTTP over fetch, storage in memory or in a directory.
 */
import { createClient as createCoreClient, type ClientOptions, type FlooClient, type Platform } from './core/index';
import { createNodePlatform } from './platform/node/index';

export * from './public';
export { createNodePlatform, createFileStorage, createMemoryStorage } from './platform/node/index';
export type { NodePlatformOptions } from './platform/node/index';

/** Creates a client; the platform defaults to Node with in-memory storage. */
export function createClient(options: ClientOptions, platform: Platform = createNodePlatform()): FlooClient {
  return createCoreClient(options, platform);
}

/** The Node.js platform adapter. */
export { createNodePlatform } from './platform';
export type { NodePlatformOptions } from './platform';
export { createFileStorage } from './file-storage';
export { connectNodeSocket } from './socket';
export type { NodeSocketOptions } from './socket';
export { createMemoryStorage } from '../memory-storage';
export type { SizedKeyValueStorage, StorageLimits } from '../storage-limits';

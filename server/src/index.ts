/** floo-server's programmatic API. */
export { startServer, type RunningServer } from './server';
export type { ServerOptions, DevicePolicy } from './options';
export type { Logger } from './logger';
export type { Store } from './store/types';
export type { Router } from './routing/types';
export { DEMO_APP_ID, DEMO_PASSWORD, DEMO_USERS, DEMO_GROUP, type DemoSeed } from './seed';

/** What every REST and XSYNC handler of one server instance shares. */
import type { FileStorage } from './files/storage';
import type { ResolvedOptions } from './options';
import type { Router } from './routing/types';
import type { Store } from './store/types';
import type { Logger } from './logger';

/** Per-server shared state (no module-level state: several servers may run in one process). */
export interface ServerContext {
  readonly store: Store;
  /** The bytes of uploaded files (docs/rich-messages.md, "Files"). */
  readonly files: FileStorage;
  readonly router: Router;
  readonly options: ResolvedOptions;
  readonly log: Logger;
  readonly now: () => number;
  /** A hash of a random password, checked against when a login names an unknown user (constant-time answers). */
  readonly dummyHash: string;
}

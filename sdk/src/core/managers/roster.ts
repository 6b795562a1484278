/** The `client.roster` API: friends, friend requests, aliases and the personal blocklist. */
import type { Meta } from '../../protocol/types';
import type { Runtime } from '../runtime';

/** The `client.roster` API. */
export class RosterManager {
  constructor(protected readonly rt: Runtime) {}

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    void meta;
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {}
}

/** The `client.users` API: the own profile, settings, devices and password; other users' public profiles. */
import type { Meta } from '../../protocol/types';
import type { Runtime } from '../runtime';

/** The `client.users` API. */
export class UsersManager {
  constructor(protected readonly rt: Runtime) {}

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    void meta;
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {}
}

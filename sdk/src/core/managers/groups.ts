/** The `client.groups` API: groups: creation, information, members, roles, invitations, applications, bans, announcements, shared files and settings. */
import type { Meta } from '../../protocol/types';
import type { Runtime } from '../runtime';

/** The `client.groups` API. */
export class GroupsManager {
  constructor(protected readonly rt: Runtime) {}

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    void meta;
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {}
}

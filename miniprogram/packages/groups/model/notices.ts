/** How the group pages react to group notices. */
import type { GroupNoticeEvent } from 'floo-miniprogram';
import type { Dictionary } from '../../../i18n/index';

/**
 * Why the user is no longer in the group a notice is about, as a toast text: the group was destroyed,
 * or the user was kicked, blocked or left (e.g. from another device). Undefined while still a member.
 */
export function goneReason(e: GroupNoticeEvent, me: string | undefined, t: Dictionary): string | undefined {
  if (e.kind === 'destroyed') return t.groups.destroyed;
  if (!me || !e.to.includes(me)) return undefined;
  if (e.kind === 'kicked' || e.kind === 'blocked') return t.groups.kicked;
  if (e.kind === 'left') return t.groups.left;
  return undefined;
}

/** Where the user goes when the group is gone: the contacts tab (it closes the pages of the group). */
export const AFTER_GONE = '/pages/contacts/contacts';

/**
 * Runs `load` now, or once more after the run in progress (notices often come in bursts: a change
 * of settings is one notice per field).
 */
export class Reloader {
  private running = false;
  private again = false;

  constructor(private readonly load: () => Promise<void>) {}

  run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.load().catch(() => undefined).finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.run();
      }
    });
  }
}

/** Resolving and authorising the target of an upload (a user for 1:1, a group for group chat). */
import { StatusCode } from 'floo-miniprogram/protocol';
import type { Recipient } from '../../store/types';
import type { DeviceSession } from '../connection';
import { chatRecipients, groupRecipients } from '../fanout';
import { groupSendCheck } from './policy-group';
import { rosterRefusal } from './policy-roster';
import type { Upload, UploadOutcome } from './upload';

/** A conversation the sender may write to, with its queue entries. */
export interface Target {
  toUid: number;
  isGroup: boolean;
  recipients: Recipient[];
}

/** A failure outcome. */
export function refuse(code: StatusCode, reason: string): UploadOutcome {
  return { ok: false, code, reason };
}

/**
 * The audience of an item sent to `toUid`: a group when `group` is set (the sender must be a
 * member), else a user of the same app.
 */
export async function resolveTarget(up: Upload, toUid: number | undefined, group: boolean): Promise<Target | UploadOutcome> {
  const { ctx, session } = up;
  if (toUid === undefined) return refuse(StatusCode.INVALID_PARAMETER, 'missing recipient');
  if (group) {
    const audience = await groupSendCheck(up, toUid);
    if (!('receivers' in audience)) return audience;
    return { toUid, isGroup: true, recipients: groupRecipients(session, toUid, audience.receivers) };
  }
  const appId = await ctx.store.getUserApp(toUid);
  if (appId !== session.appId) return refuse(StatusCode.INVALID_PARAMETER, 'unknown recipient');
  const blocked = await rosterRefusal(up, toUid);
  if (blocked) return blocked;
  return { toUid, isGroup: false, recipients: chatRecipients(session, toUid) };
}

/** True when `t` is a resolved target rather than a refusal. */
export function isTarget(t: Target | UploadOutcome): t is Target {
  return 'recipients' in t;
}

/** Recipients of `t` other than the sender's own entry, i.e. who may see a transient item. */
export function others(session: DeviceSession, t: Target): Recipient[] {
  return t.recipients.filter((r) => r.userId !== session.userId);
}

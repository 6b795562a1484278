/**
 * The personal blocklist on the send path (docs/social.md, "XSYNC refusals"): a 1:1 item is refused
 * when either user blocks the other. Message operations (read acks, recall, edits) still pass, so a
 * user can recall what they sent before blocking. This runs for every 1:1 upload: one indexed read.
 */
import { MessageType, NameSpace, StatusCode } from 'floo-miniprogram/protocol';
import type { Upload, UploadOutcome } from './upload';

/** The refusal of a 1:1 upload from the session's user to `toUid`, or undefined when it may pass. */
export async function rosterRefusal(up: Upload, toUid: number): Promise<UploadOutcome | undefined> {
  const from = up.session.userId;
  const { meta } = up;
  if (toUid === from || (meta.ns === NameSpace.MESSAGE && meta.payload?.type === MessageType.OPER)) return undefined;
  const state = await up.ctx.store.getBlockState(from, toUid);
  if (state === 'none') return undefined;
  // Built here rather than with target.ts's refuse(), which imports this module.
  return state === 'blocked'
    ? { ok: false, code: StatusCode.UNAUTHORIZED, reason: 'RosterBlockListExist: you blocked this user' }
    : { ok: false, code: StatusCode.UNAUTHORIZED, reason: 'CurrentUserIsInBlocklist: this user blocked you' };
}

/** Turning ROSTER_NOTICE items into `rosterNotice` events (docs/social.md, Notices › Roster). */
import type { Meta, RosterNotice } from '../../protocol/types';
import { noticeContent, uids } from './notice-parse';
import type { RosterNoticeEvent } from './types';

/** RosterNotice.Type − 1 → event kind. */
const KINDS = 'added removed accepted declined blocked unblocked applied infoUpdated muted unmuted'.split(' ') as Array<RosterNoticeEvent['kind']>;

/** The event of a roster notice item; undefined for a type this SDK does not know. */
export function rosterEvent(meta: Meta): RosterNoticeEvent | undefined {
  const n = (meta.payload ?? {}) as RosterNotice;
  const kind = KINDS[(n.type ?? 0) - 1];
  return kind && { kind, from: uids(n.from && [n.from])[0] ?? '', to: uids(n.to), content: noticeContent(n.content) };
}

/** Reading the roster answers: friends and friend applications (docs/social.md, Shapes). */
import { idString, num, text, userFrom, type Raw } from './parse';
import type { Friend, FriendApplication } from './types';

/** Application status by `status` value. */
const STATUS: ReadonlyArray<FriendApplication['status']> = ['pending', 'accepted', 'declined'];

/** A friend: the user view of `POST /roster/list` with the caller's `alias` and `roster_ext`. */
export function friendFrom(r: Raw): Friend {
  return { ...userFrom(r), alias: text(r.alias), friendExt: text(r.roster_ext) };
}

/** A friend application as `GET /roster/apply/list` lists it; `me` tells the direction. */
export function applicationFrom(r: Raw, me: string): FriendApplication {
  return {
    userId: idString(r.user_id),
    direction: idString(r.applicant_id) === me ? 'outgoing' : 'incoming',
    message: text(r.reason),
    status: STATUS[num(r.status)] ?? 'pending',
    expiresAt: num(r.expired_time),
  };
}

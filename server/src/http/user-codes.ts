/** Business codes of the users and roster routes (docs/social.md, "REST business codes of refusals"). */
import { RestError } from './envelope';

/** Refusal codes of users, friends and the blocklist. */
export const RosterCode = {
  /** A named user does not exist in the app. */
  USER_NOT_EXIST: 10005,
  /** Alias, ext or delete on someone who is not a friend. */
  NOT_FRIEND: 10010,
  /** The other user is on the caller's blocklist. */
  BLOCKED: 10011,
  /** The target refuses all friend requests. */
  REJECT_APPLICATION: 10012,
  /** Applying to someone who is already a friend. */
  ALREADY_FRIEND: 10013,
  /** The caller is on the other user's blocklist. */
  BLOCKED_BY: 10014,
  /** No pending application to accept or decline, or a wrong verification answer. */
  ANSWER_FAILED: 10015,
  /** Change password with a wrong old password. */
  OLD_PASSWORD_MISMATCH: 11002,
} as const;

/** A refusal with one of {@link RosterCode}. */
export function refusal(code: (typeof RosterCode)[keyof typeof RosterCode], message: string): RestError {
  return new RestError(code, message);
}

/** Error text of the friends pages: the refusals a user can act on get their own words. */
import type { Dictionary } from '../../../i18n/index';
import { describeError } from '../../../utils/errors';

/** The client error code of an SDK error, if it has one. */
export function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A readable reason for a failed friends operation. */
export function friendsError(err: unknown, t: Dictionary): string {
  const words: Record<string, string> = {
    RosterRejectApplication: t.friends.add.refused,
    CurrentUserIsInRoster: t.friends.add.alreadyFriend,
    RosterBlockListExist: t.friends.add.blockedByMe,
    CurrentUserIsInBlocklist: t.friends.add.blockedByThem,
    UserNotExist: t.friends.add.notFound,
    UserOldPasswordNotMatch: t.friends.password.wrongOld,
  };
  return words[codeOf(err) ?? ''] ?? describeError(err, t);
}

/**
 * What `client.groups` keeps per client instance (group information, the joined list, the first page
 * of members, settings) and the request and argument helpers its methods share. Caches follow the
 * REST answers and the group notices (group-notices.ts); nothing here is module-level state.
 */
import { InvalidArgumentError } from '../errors';
import type { Query } from '../http/ratel';
import type { Runtime } from '../runtime';
import { checkId, checkText } from '../validate';
import { groupFrom, record, records, checkIds, wireId, type Raw } from './parse';
import type { GroupInfo, GroupMember } from './types';

/** Longest free text (descriptions, ext, reasons, announcements) the SDK lets through. */
export const MAX_TEXT = 10000;

/** The body of a call about one group: `{group_id}` after checking the id. */
export function groupArg(groupId: unknown): Raw {
  return { group_id: wireId(checkId(groupId, 'groupId')) };
}

/** A non-empty list of user ids as JSON numbers. */
export function userList(ids: unknown, what = 'userIds'): Array<number | string> {
  const list = checkIds(ids, what);
  if (!list.length) throw new InvalidArgumentError(`${what} must not be empty`);
  return list.map(wireId);
}

/** Checks a ban duration: whole minutes ≥ 1, or -1 for "until lifted". */
export function minutesArg(minutes: unknown): number {
  if (minutes === -1 || (Number.isSafeInteger(minutes) && (minutes as number) >= 1)) return minutes as number;
  throw new InvalidArgumentError('minutes must be an integer ≥ 1, or -1 (until lifted)');
}

/** Optional text: absent stays absent. */
export function optText(value: unknown, what: string, max = MAX_TEXT): string | undefined {
  return value === undefined ? undefined : checkText(value, what, max, true);
}

/** State and plumbing of `client.groups`. @internal */
export class GroupCore {
  /** Group information by id. */
  readonly infos = new Map<string, GroupInfo>();
  /** Ids of the joined groups in the server's order; undefined until loaded, or after the user joined one. */
  joined?: string[];
  /** The first page of members by group. */
  readonly members = new Map<string, GroupMember[]>();
  /** The `GET /group/settings` answer by group, merged with later notices. */
  readonly settings = new Map<string, Raw>();

  constructor(readonly rt: Runtime) {}

  /** GET `/group/<path>` (requires a login). */
  get(path: string, query?: Query): Promise<unknown> {
    this.rt.session();
    return this.rt.http.get<unknown>(`/group/${path}`, query);
  }

  /** POST `/group/<path>` with a JSON body (requires a login). */
  post(path: string, body?: Raw, query?: Query): Promise<unknown> {
    this.rt.session();
    return this.rt.http.post<unknown>(`/group/${path}`, body, query);
  }

  /** GET `/group/<path>?group_id=` and read an array of objects with `from`. */
  async list<T>(path: string, groupId: unknown, from: (r: Raw) => T): Promise<T[]> {
    return records(await this.get(path, groupArg(groupId) as Query), path).map(from);
  }

  /** The logged-in user's id. */
  me(): string {
    return this.rt.session().userId;
  }

  /** Stores a group view answer and returns it as GroupInfo. */
  keep(data: unknown, what: string): GroupInfo {
    const info = groupFrom(record(data, what));
    this.infos.set(info.groupId, info);
    return info;
  }

  /** Forgets a group the user no longer belongs to (destroyed, left, kicked, blocked). */
  drop(groupId: string): void {
    this.infos.delete(groupId);
    this.members.delete(groupId);
    this.settings.delete(groupId);
    if (this.joined) this.joined = this.joined.filter((id) => id !== groupId);
  }

  /** Empties every cache (logout). */
  clear(): void {
    this.infos.clear();
    this.members.clear();
    this.settings.clear();
    this.joined = undefined;
  }
}

/**
 * What `client.groups` keeps per client instance (group information, the joined list, the first page
 * of members, settings) and the request and argument helpers its methods share. Caches follow the
 * REST answers and the group notices (group-notices.ts); nothing here is module-level state.
 * The member names are distinctive because the mini-program build shortens them (rollup PRIVATE_NAMES).
 */
import { InvalidArgumentError } from '../errors';
import type { Query } from '../http/ratel';
import type { Runtime } from '../runtime';
import { checkId, checkText } from '../validate';
import { checkIds, groupFrom, record, records, wireId, type Raw } from './parse';
import type { GroupInfo, GroupMember } from './types';

/** Group information fields, by their name in GroupInfo, on the wire and in notices. */
export const INFO_FIELDS = ['name', 'avatar', 'description', 'ext'] as const;

/** Longest free text (descriptions, ext, reasons, announcements) the SDK lets through. */
export const MAX_TEXT = 10000;

/** Reads an answer (`what` names it in errors). */
export type Read<T> = (data: unknown, what: string) => T;

/** Reads an array of objects with `from`. */
export const many = <T>(from: (r: Raw) => T): Read<T[]> => (data, what) => records(data, what).map(from);

/** Reads one object with `from`. */
export const one = <T>(from: (r: Raw) => T): Read<T> => (data, what) => from(record(data, what));

/** The parameters of a call about one group: `{group_id, ...extra}` after checking the id. */
export function groupArg(groupId: unknown, extra?: Raw): Raw {
  return Object.assign({ group_id: wireId(checkId(groupId, 'groupId')) }, extra);
}

/** A non-empty list of ids as JSON numbers. */
export function userList(ids: unknown, what = 'userIds'): Array<number | string> {
  const list = checkIds(ids, what);
  if (!list.length) throw new InvalidArgumentError(`${what} must not be empty`);
  return list.map(wireId);
}

/** Checks a ban duration: whole minutes ≥ 1, or -1 for "until lifted". */
export function minutesArg(minutes: unknown): number {
  if (minutes === -1 || (Number.isSafeInteger(minutes) && (minutes as number) >= 1)) return minutes as number;
  throw new InvalidArgumentError('minutes must be an integer ≥ 1, or -1');
}

/** Optional text: absent stays absent. */
export function optText(value: unknown, what: string, max = MAX_TEXT): string | undefined {
  return value === undefined ? undefined : checkText(value, what, max, true);
}

/** Checks a boolean argument. */
export function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidArgumentError(`${what} must be true or false`);
  return value;
}

/** Checks an object argument. */
export function obj<T>(value: T, what: string): T {
  if (!value || typeof value !== 'object') throw new InvalidArgumentError(`${what} must be an object`);
  return value;
}

/** State and plumbing of `client.groups`. @internal */
export class GroupCore {
  /** Group information by id. */
  readonly groupInfos = new Map<string, GroupInfo>();
  /** Ids of the joined groups in the server's order; undefined until loaded, or after the user joined one. */
  joinedIds?: string[];
  /** The first page of members by group. */
  readonly groupMembers = new Map<string, GroupMember[]>();
  /** The `GET /group/settings` answer by group, merged with later notices. */
  readonly groupSettings = new Map<string, Raw>();

  constructor(readonly rt: Runtime) {}

  /**
   * One REST call to `/group/<path>`: GET with `params` as the query, POST with them as the JSON body,
   * or (`query`) POST with them as the query, as the official clients call destroy, leave and
   * announcement/delete. `params` runs inside the promise, so argument checks reject; the login is
   * required after them. `read` turns the answer into the result (none: undefined).
   */
  async groupCall<T = void>(path: string, params?: () => Raw, read?: Read<T>, how: 'get' | 'post' | 'query' = 'post'): Promise<T> {
    const p = params?.();
    this.rt.session();
    const url = `/group/${path}`;
    const { http } = this.rt;
    const data = await (how === 'get' ? http.get(url, p as Query) : how === 'query' ? http.post(url, undefined, p as Query) : http.post(url, p));
    return read?.(data, path) as T;
  }

  /** GET `/group/<path>?group_id=`. */
  groupGet<T>(path: string, groupId: unknown, read: (data: unknown, what: string) => T): Promise<T> {
    return this.groupCall(path, () => groupArg(groupId), read, 'get');
  }

  /** POST `{group_id, user_list, duration?}`. */
  actOnUsers(path: string, groupId: unknown, userIds: unknown, duration?: () => number): Promise<void> {
    return this.groupCall(path, () => groupArg(groupId, { user_list: userList(userIds), duration: duration?.() }));
  }

  /** Accepts or declines an invitation or application: `{group_id, user_id, approval}`. */
  handleRequest(what: string, groupId: unknown, userId: unknown, accept: unknown): Promise<void> {
    return this.groupCall(`${what}/handle`, () => groupArg(groupId, { user_id: wireId(checkId(userId, 'userId')), approval: flag(accept, 'accept') }));
  }

  /** Changes one of the user's own message settings and merges it into the settings cache. */
  ownSetting(groupId: string, path: string, key: string, value: () => unknown, wire = key): Promise<void> {
    let v: unknown;
    return this.groupCall(`msg/${path}`, () => groupArg(groupId, { [wire]: (v = value()) }), () => {
      const cached = this.groupSettings.get(String(groupId));
      if (cached) cached[key] = v;
    });
  }

  /** The logged-in user's id. */
  myId(): string {
    return this.rt.session().userId;
  }

  /** Stores a group view answer and returns it as GroupInfo. */
  keepGroup(data: unknown, what: string): GroupInfo {
    const info = groupFrom(record(data, what));
    this.groupInfos.set(info.groupId, info);
    return info;
  }

  /** Forgets a group the user no longer belongs to (destroyed, left, kicked, blocked). */
  dropGroup(groupId: string): void {
    this.groupInfos.delete(groupId);
    this.groupMembers.delete(groupId);
    this.groupSettings.delete(groupId);
    if (this.joinedIds) this.joinedIds = this.joinedIds.filter((id) => id !== groupId);
  }

  /** Empties every cache (logout). */
  clearGroups(): void {
    this.groupInfos.clear();
    this.groupMembers.clear();
    this.groupSettings.clear();
    this.joinedIds = undefined;
  }
}

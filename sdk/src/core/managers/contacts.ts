/**
 * Friends, joined groups and the user's own profile, read over REST (ratel): the first slice, kept
 * until the demo moves to `client.users`, `client.roster` and `client.groups`.
 */
import { ErrorCode } from '../error-codes';
import { InvalidArgumentError, ServerError } from '../errors';
import type { Runtime } from '../runtime';
import { checkId, checkText } from '../validate';
import type { GroupInfo, OwnProfile, ProfileUpdate, UserProfile } from '../social/types';

/** Most ids one lookup takes (the server's limit per request). */
const MAX_IDS = 1000;
/** Longest profile field the server stores. */
const MAX_FIELD = 4000;
/** ProfileUpdate field → REST field. */
const UPDATABLE: Record<keyof ProfileUpdate, string> = { nickName: 'nick_name', avatar: 'avatar', description: 'description', ext: 'ext' };

type Raw = Record<string, unknown>;

/** The `client.contacts` API. */
export class ContactsManager {
  constructor(private readonly rt: Runtime) {}

  /** The user's friends with their public information. */
  async friends(): Promise<UserProfile[]> {
    this.rt.session();
    const ids = idList(await this.rt.http.get<unknown>('/roster/list'), 'GET /roster/list');
    return ids.length ? this.lookupUsers(ids) : [];
  }

  /** Public information about users (friends or not), in the order asked; unknown ids are left out. */
  async users(ids: readonly string[]): Promise<UserProfile[]> {
    const checked = checkIds(ids, 'ids');
    this.rt.session();
    return checked.length ? this.lookupUsers(checked) : [];
  }

  /** The groups the user is a member of. */
  async groups(): Promise<GroupInfo[]> {
    this.rt.session();
    const ids = idList(await this.rt.http.get<unknown>('/group/user_joined'), 'GET /group/user_joined');
    if (!ids.length) return [];
    const data = await this.rt.http.post<unknown>('/group/info/batch', { group_list: ids.map(wireId) });
    return records(data, 'POST /group/info/batch').map(groupFrom);
  }

  /** The logged-in user's own profile. */
  async profile(): Promise<OwnProfile> {
    this.rt.session();
    return ownFrom(record(await this.rt.http.get<unknown>('/user/profile'), 'GET /user/profile'));
  }

  /** Changes the own nickname, avatar URL or description; resolves with the updated profile. */
  async updateProfile(update: ProfileUpdate): Promise<OwnProfile> {
    if (!update || typeof update !== 'object') throw new InvalidArgumentError('updateProfile() takes an object');
    const body: Record<string, string> = {};
    for (const key of Object.keys(UPDATABLE) as Array<keyof ProfileUpdate>) {
      if (update[key] !== undefined) body[UPDATABLE[key]] = checkText(update[key], key, MAX_FIELD, true);
    }
    if (!Object.keys(body).length) throw new InvalidArgumentError('updateProfile(): set nickName, avatar or description');
    this.rt.session();
    return ownFrom(record(await this.rt.http.post<unknown>('/user/profile', body), 'POST /user/profile'));
  }

  private async lookupUsers(ids: string[]): Promise<UserProfile[]> {
    const data = await this.rt.http.post<unknown>('/roster/list', { list: ids.map(wireId) });
    return records(data, 'POST /roster/list').map(userFrom);
  }
}

function checkIds(ids: unknown, what: string): string[] {
  if (!Array.isArray(ids)) throw new InvalidArgumentError(`${what} must be an array of id strings`);
  if (ids.length > MAX_IDS) throw new InvalidArgumentError(`${what} holds more than ${MAX_IDS} ids`);
  return Array.from(new Set(ids.map((id, i) => checkId(id, `${what}[${i}]`))));
}

/** Ids go out as JSON numbers, as the official clients send them, when that loses no digits. */
function wireId(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}

/** The server answers ids as JSON numbers (or decimal strings); the SDK hands out decimal strings. */
function idString(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function invalid(what: string): ServerError {
  return new ServerError(ErrorCode.ServerResponseInvalid, `${what}: unexpected answer`);
}

function idList(data: unknown, what: string): string[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw invalid(what);
  return data.map(idString).filter((id) => id !== '');
}

function records(data: unknown, what: string): Raw[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw invalid(what);
  return data.filter((r): r is Raw => !!r && typeof r === 'object');
}

function record(data: unknown, what: string): Raw {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid(what);
  return data as Raw;
}

function userFrom(r: Raw): UserProfile {
  return {
    userId: idString(r.user_id),
    username: text(r.username),
    nickName: text(r.nick_name),
    avatar: text(r.avatar),
    description: text(r.description),
    ext: text(r.ext),
  };
}

function ownFrom(r: Raw): OwnProfile {
  return { ...userFrom(r), mobile: text(r.mobile), email: text(r.email) };
}

function groupFrom(r: Raw): GroupInfo {
  return {
    groupId: idString(r.group_id),
    name: text(r.name),
    avatar: text(r.avatar),
    description: text(r.description),
    ext: text(r.ext),
    ownerId: idString(r.owner_id),
    type: r.type === 1 ? 'public' : 'private',
    memberCount: typeof r.member_count === 'number' ? r.member_count : 0,
    capacity: typeof r.capacity === 'number' ? r.capacity : 0,
    createdAt: typeof r.created_at === 'number' ? r.created_at : 0,
  };
}

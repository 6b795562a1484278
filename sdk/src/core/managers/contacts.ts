/**
 * Friends, joined groups and the user's own profile, read over REST (ratel): the first slice, kept
 * until the demo moves to `client.users`, `client.roster` and `client.groups`.
 */
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { checkText } from '../validate';
import { checkIds, groupFrom, idList, ownFrom, record, records, userFrom, wireId } from '../social/parse';
import type { GroupInfo, OwnProfile, ProfileUpdate, UserProfile } from '../social/types';

/** Longest profile field the server stores. */
const MAX_FIELD = 4000;
/** ProfileUpdate field → REST field. */
const UPDATABLE: Record<keyof ProfileUpdate, string> = { nickName: 'nick_name', avatar: 'avatar', description: 'description', ext: 'ext' };

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


/** The `client.roster` API: friends, friend requests, aliases and the personal blocklist. */
import type { Meta } from '../../protocol/types';
import { FlooError, InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { idList, idString, record, records, userFrom, wireId, type Raw } from '../social/parse';
import { applicationFrom, friendFrom } from '../social/roster-parse';
import { rosterEvent } from '../social/roster-notices';
import type { ApplyResult, Friend, FriendApplication, UserProfile } from '../social/types';
import { checkId, checkText } from '../validate';
import type { CacheOptions, UsersManager } from './users';

/** Longest request message, decline reason, alias or ext the SDK sends (the server has its own limits). */
const MAX_TEXT = 4000;

/**
 * What is cached for one login: the friends' ids and the blocklist. The friends' views (profile,
 * alias, private ext) live in the users cache, so that one notice updates both.
 */
interface Cache {
  friends?: Set<string>;
  blocked?: Set<string>;
}

/** The `client.roster` API. */
export class RosterManager {
  // Replaced (not cleared) at logout, so that a late answer of the previous login lands in the old one.
  private c: Cache = {};

  constructor(protected readonly rt: Runtime, private readonly users: UsersManager) {}

  /** The friends with their profiles, alias and private ext (cached; `refresh` asks the server). */
  async friends(options?: CacheOptions): Promise<Friend[]> {
    this.rt.session();
    const c = this.c;
    const refresh = options?.refresh;
    if (!c.friends || refresh) c.friends = new Set(idList(await this.rt.http.get<unknown>('/roster/list'), 'GET /roster/list'));
    await this.users.load(Array.from(c.friends), refresh);
    return this.cachedFriends();
  }

  /** The cached friends (empty before the first `friends()`; a new friend's profile may be empty until the next). */
  cachedFriends(): Friend[] {
    return Array.from(this.c.friends ?? [], (id) => friendFrom(this.users.view(id) ?? { user_id: id }));
  }

  /** Whether the user is a friend, as far as the cache knows. */
  isFriend(userId: string): boolean {
    return !!this.c.friends?.has(userId);
  }

  /** Finds a user by id (all digits; then by name if no such id) or by user name; undefined when none. */
  async search(query: string): Promise<UserProfile | undefined> {
    const q = checkText(query, 'query', 64).trim();
    if (!q) throw new InvalidArgumentError('query is blank');
    this.rt.session();
    const r = (/^[1-9]\d{0,15}$/.test(q) && await this.lookup('/roster/id', { user_id: q })) || await this.lookup('/roster/name', { username: q });
    if (r) this.users.remember([r]);
    return r && userFrom(r);
  }

  /** Sends a friend request; `added` when the target accepts anyone (or the answer was right). */
  async apply(userId: string, options: { message?: string; answer?: string } = {}): Promise<ApplyResult> {
    const { message = '', answer } = options ?? {};
    checkText(message, 'message', MAX_TEXT, true);
    if (answer !== undefined) checkText(answer, 'answer', MAX_TEXT, true);
    // `alias` doubles as the request message, as the official clients send it.
    const [id, data] = await this.act('/roster/apply', userId, { alias: message, answer });
    if (record(data, 'POST /roster/apply').result !== 'added') return 'pending';
    this.c.friends?.add(id);
    return 'added';
  }

  /** Accepts a pending friend request from the user. */
  async accept(userId: string): Promise<void> {
    const [id] = await this.act('/roster/accept', userId);
    this.c.friends?.add(id);
  }

  /** Declines a pending friend request from the user. */
  async decline(userId: string, reason = ''): Promise<void> {
    await this.act('/roster/decline', userId, { reason: checkText(reason, 'reason', MAX_TEXT, true) });
  }

  /** Removes a friend (for both sides). */
  async remove(userId: string): Promise<void> {
    const [id] = await this.act('/roster/delete', userId);
    this.c.friends?.delete(id);
  }

  /** Sets the remark name of a friend ('' clears it). */
  async setAlias(userId: string, alias: string): Promise<void> {
    this.users.merge((await this.act('/roster/ext', userId, { alias: checkText(alias, 'alias', MAX_TEXT, true) }))[0], { alias });
  }

  /** Sets the private JSON text about a friend ('' clears it). */
  async setExt(userId: string, ext: string): Promise<void> {
    this.users.merge((await this.act('/roster/ext', userId, { ext: checkText(ext, 'ext', MAX_TEXT, true) }))[0], { roster_ext: ext });
  }

  /** Friend requests to and from the user, newest first. */
  async applications(): Promise<FriendApplication[]> {
    const me = this.rt.session().userId;
    const data = await this.rt.http.get<unknown>('/roster/apply/list', { cursor: '' });
    return records(data, 'GET /roster/apply/list').map((r) => applicationFrom(r, me));
  }

  /** Adds the user to the blocklist: no messages or requests between the two. */
  async block(userId: string): Promise<void> {
    const [id] = await this.act('/roster/block', userId);
    this.c.blocked?.add(id);
  }

  /** Removes the user from the blocklist. */
  async unblock(userId: string): Promise<void> {
    const [id] = await this.act('/roster/unblock', userId);
    this.c.blocked?.delete(id);
  }

  /** The ids of the users on the blocklist (cached; `refresh` asks the server). */
  async blocklist(options?: CacheOptions): Promise<string[]> {
    this.rt.session();
    const c = this.c;
    if (!c.blocked || options?.refresh) c.blocked = new Set(idList(await this.rt.http.get<unknown>('/roster/blocked_list'), 'GET /roster/blocked_list'));
    return Array.from(c.blocked);
  }

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    const e = rosterEvent(meta);
    if (!e) return;
    const { kind, from, to, content } = e;
    const mine = from === this.rt.session().userId;
    const other = (mine ? to[0] : from) ?? '';
    const { friends, blocked } = this.c;
    if (kind === 'added' || kind === 'accepted') friends?.add(other);
    else if (kind === 'removed') friends?.delete(other);
    else if (kind === 'blocked') to.forEach((id) => blocked?.add(id));
    else if (kind === 'unblocked') to.forEach((id) => blocked?.delete(id));
    else if (kind === 'infoUpdated') {
      // From another own device: alias and private ext of a friend; else a friend's changed profile fields.
      const fields: Raw = mine ? {} : content;
      if (mine && 'alias' in content) fields.alias = content.alias;
      if (mine && 'ext' in content) fields.roster_ext = content.ext;
      this.users.merge(idString(content.user_id) || other, fields);
    }
    this.rt.events.emit('rosterNotice', e);
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {
    this.c = {};
  }

  /** POSTs a call about one user (`user_id` in the body when there is one, else in the query); resolves with the checked id and the answer. */
  private async act(path: string, userId: string, body?: Raw): Promise<[string, unknown]> {
    const id = checkId(userId, 'userId');
    this.rt.session();
    return [id, await this.rt.http.post<unknown>(path, body && { user_id: wireId(id), ...body }, body ? undefined : { user_id: id })];
  }

  /** A user view, or undefined when the server has no such user (code 10005). */
  private async lookup(path: string, query: Record<string, string>): Promise<Raw | undefined> {
    try {
      return record(await this.rt.http.get<unknown>(path, query), `GET ${path}`);
    } catch (err) {
      if (err instanceof FlooError && err.code === 'UserNotExist') return undefined;
      throw err;
    }
  }
}

/**
 * Names and avatars of the users and groups the pages show, fetched once per login through
 * `client.users`, `client.roster` and `client.groups` and kept in memory. Lookups never wait: a page
 * asks `ensure` for what it is about to show, renders ids meanwhile, and re-renders when `ensure`
 * reports new names. Profile, alias and group-name changes arrive as notices (`follow`), which
 * refresh what is known and tell the pages that listen (`onChange`).
 */
import type { ConversationRef, FlooClient, GroupInfo, GroupNoticeEvent, RosterNoticeEvent, UserProfile } from 'floo-miniprogram';

/** How a user or a group is shown. */
export interface Display {
  name: string;
  avatar: string;
}

/** A user, possibly a friend with an alias. */
export type Person = UserProfile & { alias?: string };

/** The name a user is shown under: the alias the user gave a friend, else nickname, user name, id. */
export function userDisplay(u: Person): Display {
  return { name: u.alias || u.nickName || u.username || u.userId, avatar: u.avatar };
}

/** How a group is shown. */
export function groupDisplay(g: GroupInfo): Display {
  return { name: g.name || g.groupId, avatar: g.avatar };
}

export class Directory {
  private readonly users = new Map<string, Display>();
  private readonly groups = new Map<string, Display>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly client: () => FlooClient) {}

  /** What is known about a user or group; the id as name until its lookup is done. */
  get(ref: ConversationRef): Display {
    return (ref.type === 'group' ? this.groups : this.users).get(ref.id) ?? { name: ref.id, avatar: '' };
  }

  /** Whether a user or group has been looked up. */
  has(ref: ConversationRef): boolean {
    return (ref.type === 'group' ? this.groups : this.users).has(ref.id);
  }

  /** Records users (and groups) fetched elsewhere, e.g. by the contacts page. */
  remember(users: Person[], groups: GroupInfo[] = []): void {
    for (const u of users) this.users.set(u.userId, userDisplay(u));
    for (const g of groups) this.groups.set(g.groupId, groupDisplay(g));
  }

  /** Looks up the refs not known yet (all of them with `refresh`); resolves true when it looked anything up. */
  async ensure(refs: ConversationRef[], refresh = false): Promise<boolean> {
    const userIds = unique(refs.filter((r) => r.type === 'user' && (refresh || !this.users.has(r.id))).map((r) => r.id));
    const needGroups = refs.some((r) => r.type === 'group' && (refresh || !this.groups.has(r.id)));
    if (!userIds.length && !needGroups) return false;
    const client = this.client();
    const [users, groups] = await Promise.all([
      userIds.length ? this.lookUsers(userIds, refresh) : Promise.resolve([]),
      // The server answers with every joined group at once, which is what a group list needs anyway.
      needGroups ? client.groups.joined({ refresh }) : Promise.resolve([]),
    ]);
    this.remember(users, groups);
    // Ids the server does not know keep their id as name, and are not asked for again.
    for (const id of userIds) if (!this.users.has(id)) this.users.set(id, { name: id, avatar: '' });
    if (needGroups) for (const r of refs) if (r.type === 'group' && !this.groups.has(r.id)) this.groups.set(r.id, { name: r.id, avatar: '' });
    return true;
  }

  /** Calls `listener` after names changed because of a notice; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Follows a client's notices that change names; returns the unsubscribe functions. */
  follow(client: FlooClient): Array<() => void> {
    return [
      client.on('rosterNotice', (e) => void this.onRosterNotice(e)),
      client.on('groupNotice', (e) => void this.onGroupNotice(e)),
    ];
  }

  /** Forgets everything (logout). */
  clear(): void {
    this.users.clear();
    this.groups.clear();
  }

  /** Profiles of users, with the alias of those who are friends (the friend list is cached by the SDK). */
  private async lookUsers(ids: string[], refresh: boolean): Promise<Person[]> {
    const client = this.client();
    const [users, friends] = await Promise.all([
      client.users.get(ids, { refresh }),
      client.roster.friends().catch(() => []),
    ]);
    const byId = new Map(friends.map((f) => [f.userId, f]));
    return users.map((u) => ({ ...u, alias: byId.get(u.userId)?.alias ?? '' }));
  }

  private async onRosterNotice(e: RosterNoticeEvent): Promise<void> {
    // A friend's profile or alias changed, or someone became or stopped being a friend (alias gone).
    if (!['infoUpdated', 'added', 'accepted', 'removed'].includes(e.kind)) return;
    const ids = unique([...e.to, e.from, typeof e.content.user_id === 'string' || typeof e.content.user_id === 'number' ? String(e.content.user_id) : ''])
      .filter((id) => id && id !== this.client().userId && this.users.has(id));
    if (!ids.length) return;
    try {
      this.remember(await this.lookUsers(ids, true));
      this.changed();
    } catch {
      // Names stay as they were; the next lookup tries again.
    }
  }

  private async onGroupNotice(e: GroupNoticeEvent): Promise<void> {
    if (e.kind !== 'infoUpdated' || !this.groups.has(e.groupId)) return;
    try {
      const client = this.client();
      this.remember([], [await client.groups.info(e.groupId, { refresh: true })]);
      this.changed();
    } catch {
      // As above.
    }
  }

  private changed(): void {
    for (const listener of Array.from(this.listeners)) listener();
  }
}

function unique(ids: string[]): string[] {
  return Array.from(new Set(ids));
}

/**
 * Names and avatars of the users and groups the pages show, fetched once per login through
 * `client.contacts` and kept in memory. Lookups never wait: a page asks `ensure` for what it is about
 * to show, renders ids meanwhile, and re-renders when `ensure` reports new names.
 */
import type { ConversationRef, FlooClient, GroupInfo, UserProfile } from 'floo-miniprogram';

/** How a user or a group is shown. */
export interface Display {
  name: string;
  avatar: string;
}

/** The name a user is shown under: nickname, else user name, else id. */
export function userDisplay(u: UserProfile): Display {
  return { name: u.nickName || u.username || u.userId, avatar: u.avatar };
}

/** How a group is shown. */
export function groupDisplay(g: GroupInfo): Display {
  return { name: g.name || g.groupId, avatar: g.avatar };
}

export class Directory {
  private readonly users = new Map<string, Display>();
  private readonly groups = new Map<string, Display>();

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
  remember(users: UserProfile[], groups: GroupInfo[] = []): void {
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
      userIds.length ? client.contacts.users(userIds) : Promise.resolve([]),
      // The server answers with every joined group at once, which is what a group list needs anyway.
      needGroups ? client.contacts.groups() : Promise.resolve([]),
    ]);
    this.remember(users, groups);
    // Ids the server does not know keep their id as name, and are not asked for again.
    for (const id of userIds) if (!this.users.has(id)) this.users.set(id, { name: id, avatar: '' });
    if (needGroups) for (const r of refs) if (r.type === 'group' && !this.groups.has(r.id)) this.groups.set(r.id, { name: r.id, avatar: '' });
    return true;
  }

  /** Forgets everything (logout). */
  clear(): void {
    this.users.clear();
    this.groups.clear();
  }
}

function unique(ids: string[]): string[] {
  return Array.from(new Set(ids));
}

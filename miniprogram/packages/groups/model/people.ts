/**
 * What the group pages show about people: names (group nickname, else nickname, else user name, else
 * id), avatars and roles, plus the navigation between the group pages.
 */
import type { FlooClient, GroupMember, GroupRole, UserProfile } from 'floo-miniprogram';
import type { Dictionary } from '../../../i18n/index';
import { initial } from '../../../utils/format';

/** A person row of any group list. */
export interface PersonRow {
  key: string;
  id: string;
  name: string;
  avatar: string;
  initial: string;
  role: GroupRole;
  /** "Owner", "Admin" or '' for members. */
  roleText: string;
  banned: boolean;
}

/** The users behind `ids`, by id (the SDK caches profiles per id). Unknown ids are simply missing. */
export async function profiles(client: FlooClient, ids: string[]): Promise<Map<string, UserProfile>> {
  const unique = Array.from(new Set(ids.filter(Boolean)));
  const users = unique.length ? await client.users.get(unique) : [];
  return new Map(users.map((u) => [u.userId, u]));
}

/** The name of a user: the group nickname if any, else the profile's nickname or user name, else the id. */
export function nameOf(id: string, users: Map<string, UserProfile>, displayName = ''): string {
  const u = users.get(id);
  return displayName || u?.nickName || u?.username || id;
}

/** A user as a row (members are drawn with their role; others as members). */
export function personRow(id: string, users: Map<string, UserProfile>, t: Dictionary, member?: GroupMember): PersonRow {
  const name = nameOf(id, users, member?.displayName);
  const role = member?.role ?? 'member';
  return {
    key: `u-${id}`,
    id,
    name,
    avatar: users.get(id)?.avatar ?? '',
    initial: initial(name),
    role,
    roleText: role === 'owner' ? t.groups.owner : role === 'admin' ? t.groups.admin : '',
    banned: member ? member.bannedUntil === -1 || member.bannedUntil > Date.now() : false,
  };
}

/** The user's role in a group: the owner from the group info, admins from the admin list. */
export async function roleIn(client: FlooClient, groupId: string, ownerId: string): Promise<GroupRole> {
  const me = client.userId;
  if (me === ownerId) return 'owner';
  const admins = await client.groups.admins(groupId);
  return admins.some((a) => a.userId === me) ? 'admin' : 'member';
}

/** Rank of a role: one may manage the members of a lower rank only. */
export function rank(role: GroupRole): number {
  return role === 'owner' ? 2 : role === 'admin' ? 1 : 0;
}

/** The address of a group page. */
export function groupPage(page: 'create' | 'join' | 'info' | 'members' | 'invite' | 'announcements' | 'requests' | 'blocklist', groupId?: string): string {
  const base = `/packages/groups/pages/${page}/${page}`;
  return groupId ? `${base}?id=${groupId}` : base;
}

/** The error code of an SDK error, if any. */
export function codeOf(err: unknown): string | undefined {
  return (err as { code?: string } | undefined)?.code;
}

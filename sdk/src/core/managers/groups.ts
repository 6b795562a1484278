/** The `client.groups` API: creation, information, members, roles, invitations, applications, bans, announcements, shared files and settings. */
import type { Meta } from '../../protocol/types';
import { InvalidArgumentError } from '../errors';
import type { Query } from '../http/ratel';
import type { Runtime } from '../runtime';
import { checkId, checkInt, checkText } from '../validate';
import { GroupCore, groupArg, minutesArg, optText, userList, MAX_TEXT } from '../social/group-core';
import { groupNotice } from '../social/group-notices';
import {
  announcementFrom, applicationFrom, bannedFrom, fileFrom, inviteFrom, invitationFrom, memberFrom, settingsFrom,
} from '../social/group-parse';
import { checkIds, groupFrom, idList, record, records, wireId, type Raw } from '../social/parse';
import type {
  Announcement, BannedMember, GroupApplication, GroupInfo, GroupInvitation, GroupMember, GroupSettings,
  GroupSettingsUpdate, GroupType, GroupUpdate, InviteResult, MemberPage, SharedFile,
} from '../social/types';
import { joinedGroups, members, updateInfo, updateSettings } from '../social/group-info';

const TYPES: readonly GroupType[] = ['private', 'public', 'chatroom', 'temporary'];

/** Checks a boolean argument. */
function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidArgumentError(`${what} must be true or false`);
  return value;
}

/** Checks an object argument. */
function obj<T>(value: T, what: string): T {
  if (!value || typeof value !== 'object') throw new InvalidArgumentError(`${what} must be an object`);
  return value;
}

/**
 * The `client.groups` API. Every method rejects with a FlooError: InvalidParam for bad arguments
 * (before anything is sent), UserNotLogin without a login, the server's refusal code otherwise
 * (docs/social.md). Cached objects are shared: treat them as read-only.
 */
export class GroupsManager {
  private readonly c: GroupCore;

  constructor(protected readonly rt: Runtime) {
    this.c = new GroupCore(rt);
  }

  /** Creates a group owned by the user, with `members` added at once. */
  async create(g: { name: string; type?: GroupType; avatar?: string; description?: string; members?: string[] }): Promise<GroupInfo> {
    obj(g, 'group');
    const type = g.type === undefined ? 0 : TYPES.indexOf(g.type);
    if (type < 0) throw new InvalidArgumentError(`type must be one of ${TYPES.join(', ')}`);
    const body = {
      name: checkText(g.name, 'name', 100), type, avatar: optText(g.avatar, 'avatar'), description: optText(g.description, 'description'),
      user_list: g.members === undefined ? undefined : checkIds(g.members, 'members').map(wireId),
    };
    const info = this.c.keep(await this.c.post('create', body), 'create');
    this.c.joined = undefined;
    return info;
  }

  /** Destroys a group (owner). */
  async destroy(groupId: string): Promise<void> {
    const g = groupArg(groupId);
    await this.c.post('destroy', undefined, g as Query);
    this.c.drop(String(g.group_id));
  }

  /** A group's information, from the cache unless `refresh` (or not cached). */
  async info(groupId: string, options?: { refresh?: boolean }): Promise<GroupInfo> {
    const g = groupArg(groupId);
    const hit = !options?.refresh && this.c.infos.get(String(g.group_id));
    return hit || this.c.keep(await this.c.get('info', g as Query), 'info');
  }

  /** The cached information of a group, if any. */
  cachedGroup(groupId: string): GroupInfo | undefined {
    return this.c.infos.get(groupId);
  }

  /** Changes name, avatar, description or ext (one request per field given); resolves with the new information. */
  update(groupId: string, u: GroupUpdate): Promise<GroupInfo> {
    return updateInfo(this.c, groupId, u);
  }

  /** The groups the user belongs to, from the cache unless `refresh` (or a join made it stale). */
  joined(options?: { refresh?: boolean }): Promise<GroupInfo[]> {
    return joinedGroups(this.c, !!options?.refresh);
  }

  /** Public groups of the app (newest first). */
  async publicGroups(): Promise<GroupInfo[]> {
    return records(await this.c.get('public_list'), 'public_list').map(groupFrom);
  }

  /** A page of members in join order; the first page is cached. `cursor` comes from the previous page's `next`. */
  members(groupId: string, options?: { cursor?: string; limit?: number }): Promise<MemberPage> {
    return members(this.c, groupId, options);
  }

  /** The cached first page of a group's members, if any (kept up to date by notices). */
  cachedMembers(groupId: string): GroupMember[] | undefined {
    return this.c.members.get(groupId);
  }

  /** Sets the user's own display name in a group ('' clears it). */
  async setDisplayName(groupId: string, name: string): Promise<void> {
    await this.c.post('display_name', { ...groupArg(groupId), value: checkText(name, 'name', 100, true) });
  }

  /** The admins of a group (not the owner). */
  admins(groupId: string): Promise<GroupMember[]> {
    return this.c.list('admin_list', groupId, memberFrom);
  }

  /** Makes members admins (owner). */
  addAdmins(groupId: string, userIds: string[]): Promise<void> {
    return this.act('admin/add', groupId, userIds);
  }

  /** Makes admins plain members again (owner). */
  removeAdmins(groupId: string, userIds: string[]): Promise<void> {
    return this.act('admin/remove', groupId, userIds);
  }

  /** Hands the group to another member (owner); the user becomes a plain member. */
  async transfer(groupId: string, newOwnerId: string): Promise<void> {
    await this.c.post('transfer', { ...groupArg(groupId), new_owner: wireId(checkId(newOwnerId, 'newOwnerId')) });
  }

  /** Invites users: each is added at once, invited (the invitee confirms) or refused with a reason. */
  async invite(groupId: string, userIds: string[]): Promise<InviteResult[]> {
    return records(await this.c.post('invite', { ...groupArg(groupId), user_list: userList(userIds) }), 'invite').map(inviteFrom);
  }

  /** Invitations to the user. */
  async invitations(): Promise<GroupInvitation[]> {
    return records(await this.c.get('invitation_list'), 'invitation_list').map(invitationFrom);
  }

  /** Accepts or declines an invitation (by the group and the inviter). */
  async handleInvitation(groupId: string, inviterId: string, accept: boolean): Promise<void> {
    await this.c.post('invite/handle', { ...groupArg(groupId), user_id: wireId(checkId(inviterId, 'inviterId')), approval: flag(accept, 'accept') });
  }

  /** Asks to join a group: `joined` at once or `pending` an admin's decision. */
  async apply(groupId: string, reason?: string): Promise<'joined' | 'pending'> {
    const r = record(await this.c.post('apply', { ...groupArg(groupId), reason: optText(reason, 'reason') }), 'apply');
    return r.result === 'joined' ? 'joined' : 'pending';
  }

  /** Applications to the given groups (admins). */
  async applications(groupIds: string[]): Promise<GroupApplication[]> {
    const ids = checkIds(groupIds, 'groupIds');
    return ids.length ? records(await this.c.post('application_list', { group_list: ids.map(wireId) }), 'application_list').map(applicationFrom) : [];
  }

  /** Accepts or declines an application (admins). */
  async handleApplication(groupId: string, userId: string, accept: boolean): Promise<void> {
    await this.c.post('apply/handle', { ...groupArg(groupId), user_id: wireId(checkId(userId, 'userId')), approval: flag(accept, 'accept') });
  }

  /** Removes members (admins; only the owner removes admins). */
  kick(groupId: string, userIds: string[]): Promise<void> {
    return this.act('kick', groupId, userIds);
  }

  /** Leaves a group (the owner transfers it first). */
  async leave(groupId: string): Promise<void> {
    const g = groupArg(groupId);
    await this.c.post('leave', undefined, g as Query);
    this.c.drop(String(g.group_id));
  }

  /** Puts users on the group's blocklist (members among them are removed). */
  block(groupId: string, userIds: string[]): Promise<void> {
    return this.act('block', groupId, userIds);
  }

  /** Takes users off the group's blocklist. */
  unblock(groupId: string, userIds: string[]): Promise<void> {
    return this.act('unblock', groupId, userIds);
  }

  /** The group's blocklist (admins). */
  async blocklist(groupId: string): Promise<string[]> {
    return idList(await this.c.get('blocked_list', groupArg(groupId) as Query), 'blocked_list');
  }

  /** Forbids members to speak for `minutes` (-1: until lifted). */
  async ban(groupId: string, userIds: string[], minutes: number): Promise<void> {
    return this.act('ban', groupId, userIds, { duration: minutesArg(minutes) });
  }

  /** Lifts members' bans. */
  unban(groupId: string, userIds: string[]): Promise<void> {
    return this.act('unban', groupId, userIds);
  }

  /** The members banned now. */
  bannedMembers(groupId: string): Promise<BannedMember[]> {
    return this.c.list('banned_list', groupId, bannedFrom);
  }

  /** Lets only the owner and admins speak for `minutes` (-1: until lifted). */
  async banAll(groupId: string, minutes: number): Promise<void> {
    await this.c.post('settings/ban_all', { ...groupArg(groupId), duration: minutesArg(minutes) });
  }

  /** Ends a ban-all. */
  async unbanAll(groupId: string): Promise<void> {
    await this.c.post('settings/unban_all', groupArg(groupId));
  }

  /** The group's announcements, newest first. */
  announcements(groupId: string): Promise<Announcement[]> {
    return this.c.list('announcement/list', groupId, announcementFrom);
  }

  /** One announcement. */
  async announcement(groupId: string, id: string): Promise<Announcement> {
    const q = { ...groupArg(groupId), announcement_id: wireId(checkId(id, 'id')) };
    return announcementFrom(record(await this.c.get('announcement', q), 'announcement'));
  }

  /** Publishes an announcement (admins). */
  async editAnnouncement(groupId: string, a: { title: string; content: string }): Promise<Announcement> {
    const body = { ...groupArg(groupId), title: checkText(obj(a, 'announcement').title, 'title', 200), content: checkText(a.content, 'content', MAX_TEXT) };
    return announcementFrom(record(await this.c.post('announcement/edit', body), 'announcement/edit'));
  }

  /** Deletes an announcement (admins). */
  async deleteAnnouncement(groupId: string, id: string): Promise<void> {
    await this.c.post('announcement/delete', undefined, { ...groupArg(groupId), announcement_id: wireId(checkId(id, 'id')) });
  }

  /** The group's shared files, newest first. */
  files(groupId: string): Promise<SharedFile[]> {
    return this.c.list('file/list', groupId, fileFrom);
  }

  /** Registers an uploaded file (its bytes live at `url`) in the group. */
  async addFile(groupId: string, f: { name: string; size: number; url: string; type?: string }): Promise<SharedFile> {
    const body = {
      ...groupArg(groupId), name: checkText(obj(f, 'file').name, 'name', 200), size: checkInt(f.size, 'size', 0, Number.MAX_SAFE_INTEGER),
      url: checkText(f.url, 'url', 2000), type: optText(f.type, 'type', 100),
    };
    return fileFrom(record(await this.c.post('file/upload', body), 'file/upload'));
  }

  /** Deletes shared files (the uploader's own, or any as an admin). */
  async deleteFiles(groupId: string, fileIds: string[]): Promise<void> {
    await this.c.post('file/delete', { ...groupArg(groupId), file_list: userList(fileIds, 'fileIds') });
  }

  /** The group's settings and the user's own message settings for it. */
  async settings(groupId: string): Promise<GroupSettings> {
    const g = groupArg(groupId);
    const raw = record(await this.c.get('settings', g as Query), 'settings');
    this.c.settings.set(String(g.group_id), raw);
    return settingsFrom(raw);
  }

  /** The settings last read by `settings()`, kept up to date by notices, if any. */
  cachedSettings(groupId: string): GroupSettings | undefined {
    const raw = this.c.settings.get(groupId);
    return raw && settingsFrom(raw);
  }

  /** Changes group settings (admins; one request per setting given); resolves with the new settings. */
  updateSettings(groupId: string, u: GroupSettingsUpdate): Promise<GroupSettings> {
    return updateSettings(this.c, groupId, u, () => this.settings(groupId));
  }

  /** The user's own notification mode for a group: 0 notify, 1 no local notification, 2 do not receive. */
  async setMuteMode(groupId: string, mode: 0 | 1 | 2): Promise<void> {
    await this.own(groupId, 'mute_mode', 'msg_mute_mode', checkInt(mode, 'mode', 0, 2));
  }

  /** The user's own do-not-disturb switch for a group. */
  async setDoNotDisturb(groupId: string, on: boolean): Promise<void> {
    await this.own(groupId, 'not_disturb', 'not_disturb', flag(on, 'on'), 'value');
  }

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    const event = groupNotice(this.c, meta);
    if (event) this.rt.events.emit('groupNotice', event);
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {
    this.c.clear();
  }

  /** POST `{group_id, user_list, ...extra}`. */
  private async act(path: string, groupId: unknown, userIds: unknown, extra?: Raw): Promise<void> {
    await this.c.post(path, { ...groupArg(groupId), user_list: userList(userIds), ...extra });
  }

  /** Changes one of the user's own message settings and merges it into the settings cache. */
  private async own(groupId: string, path: string, key: string, value: unknown, wire = key): Promise<void> {
    const g = groupArg(groupId);
    await this.c.post(`msg/${path}`, { ...g, [wire]: value });
    const cached = this.c.settings.get(String(g.group_id));
    if (cached) cached[key] = value;
  }
}

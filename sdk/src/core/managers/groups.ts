/** The `client.groups` API: creation, information, members, roles, invitations, applications, bans, announcements, shared files and settings. */
import type { Meta } from '../../protocol/types';
import { InvalidArgumentError } from '../errors';
import type { Runtime } from '../runtime';
import { FilesManager } from './files';
import { checkId, checkInt, checkText } from '../validate';
import { flag, GroupCore, groupArg, many, MAX_TEXT, minutesArg, obj, one, optText, userList } from '../social/group-core';
import { groupInfo, groupSettings, joinedGroups, memberPage, updateInfo, updateSettings } from '../social/group-info';
import { groupNotice } from '../social/group-notices';
import {
  announcementFrom, applicationFrom, bannedFrom, fileFrom, inviteFrom, invitationFrom, memberFrom, settingsFrom,
} from '../social/group-parse';
import { checkIds, GROUP_TYPES, groupFrom, idList, wireId } from '../social/parse';
import type {
  Announcement, BannedMember, GroupApplication, GroupInfo, GroupInvitation, GroupMember, GroupSettings,
  GroupSettingsUpdate, GroupType, GroupUpdate, InviteResult, MemberPage, SharedFile,
} from '../social/types';

/**
 * The `client.groups` API. Every method rejects with a FlooError: InvalidParam for bad arguments
 * (before anything is sent), UserNotLogin without a login, the server's refusal code otherwise
 * (docs/social.md). Cached objects are shared with the cache: treat them as read-only.
 */
export class GroupsManager {
  private readonly c: GroupCore;

  constructor(protected readonly rt: Runtime) {
    this.c = new GroupCore(rt);
  }

  /** Creates a group owned by the user, with `members` added at once. */
  create(g: { name: string; type?: GroupType; avatar?: string; description?: string; members?: string[] }): Promise<GroupInfo> {
    return this.c.groupCall('create', () => {
      const type = obj(g, 'group').type === undefined ? 0 : GROUP_TYPES.indexOf(g.type!);
      if (type < 0) throw new InvalidArgumentError(`type must be ${GROUP_TYPES.join(', ')}`);
      return {
        name: checkText(g.name, 'name', 100), type, avatar: optText(g.avatar, 'avatar'), description: optText(g.description, 'description'),
        user_list: g.members === undefined ? undefined : checkIds(g.members, 'members').map(wireId),
      };
    }, (d, w) => {
      this.c.joinedIds = undefined;
      return this.c.keepGroup(d, w);
    });
  }

  /** Destroys a group (owner). */
  destroy(groupId: string): Promise<void> {
    return this.c.groupCall('destroy', () => groupArg(groupId), () => this.c.dropGroup(String(groupId)), 'query');
  }

  /** A group's information, from the cache unless `refresh` (or not cached). */
  info(groupId: string, options?: { refresh?: boolean }): Promise<GroupInfo> {
    return groupInfo(this.c, groupId, options?.refresh);
  }

  /** The cached information of a group, if any (kept up to date by notices). */
  cachedGroup(groupId: string): GroupInfo | undefined {
    return this.c.groupInfos.get(groupId);
  }

  /** Changes name, avatar, description or ext (one request per field given); resolves with the new information. */
  update(groupId: string, u: GroupUpdate): Promise<GroupInfo> {
    return updateInfo(this.c, groupId, u);
  }

  /** Uploads an image (local path) and makes it the group's avatar (owner, admins, or members if allowed). */
  async updateAvatar(groupId: string, path: string): Promise<GroupInfo> {
    const { url } = await new FilesManager(this.rt).upload({ path, for: { groupAvatar: groupId } }).result;
    return this.update(groupId, { avatar: url });
  }

  /** The groups the user belongs to, from the cache unless `refresh` (or a join made it stale). */
  joined(options?: { refresh?: boolean }): Promise<GroupInfo[]> {
    return joinedGroups(this.c, !!options?.refresh);
  }

  /** Public groups of the app, newest first. */
  publicGroups(): Promise<GroupInfo[]> {
    return this.c.groupCall('public_list', undefined, many(groupFrom), 'get');
  }

  /** A page of members in join order; the first page is cached. `cursor` is the previous page's `next`. */
  members(groupId: string, options?: { cursor?: string; limit?: number }): Promise<MemberPage> {
    return memberPage(this.c, groupId, options);
  }

  /** The cached first page of a group's members, if any (kept up to date by notices). */
  cachedMembers(groupId: string): GroupMember[] | undefined {
    return this.c.groupMembers.get(groupId);
  }

  /** Sets the user's own display name in a group ('' clears it). */
  setDisplayName(groupId: string, name: string): Promise<void> {
    return this.c.groupCall('display_name', () => groupArg(groupId, { value: checkText(name, 'name', 100, true) }));
  }

  /** The admins of a group (not the owner). */
  admins(groupId: string): Promise<GroupMember[]> {
    return this.c.groupGet('admin_list', groupId, many(memberFrom));
  }

  /** Makes members admins (owner). */
  addAdmins(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('admin/add', groupId, userIds);
  }

  /** Makes admins plain members again (owner). */
  removeAdmins(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('admin/remove', groupId, userIds);
  }

  /** Hands the group to another member (owner); the user becomes a plain member. */
  transfer(groupId: string, newOwnerId: string): Promise<void> {
    return this.c.groupCall('transfer', () => groupArg(groupId, { new_owner: wireId(checkId(newOwnerId, 'newOwnerId')) }));
  }

  /** Invites users: each is added at once, invited (the invitee confirms) or refused with a reason. */
  invite(groupId: string, userIds: string[]): Promise<InviteResult[]> {
    return this.c.groupCall('invite', () => groupArg(groupId, { user_list: userList(userIds) }), many(inviteFrom));
  }

  /** Invitations to the user. */
  invitations(): Promise<GroupInvitation[]> {
    return this.c.groupCall('invitation_list', undefined, many(invitationFrom), 'get');
  }

  /** Accepts or declines an invitation (by the group and the inviter). */
  handleInvitation(groupId: string, inviterId: string, accept: boolean): Promise<void> {
    return this.c.handleRequest('invite', groupId, inviterId, accept);
  }

  /** Asks to join a group: `joined` at once or `pending` an admin's decision. */
  apply(groupId: string, reason?: string): Promise<'joined' | 'pending'> {
    return this.c.groupCall('apply', () => groupArg(groupId, { reason: optText(reason, 'reason') }),
      one((r) => (r.result === 'joined' ? 'joined' : 'pending')));
  }

  /** Applications to the given groups (admins). */
  applications(groupIds: string[]): Promise<GroupApplication[]> {
    return this.c.groupCall('application_list', () => ({ group_list: checkIds(groupIds, 'groupIds').map(wireId) }), many(applicationFrom));
  }

  /** Accepts or declines an application (admins). */
  handleApplication(groupId: string, userId: string, accept: boolean): Promise<void> {
    return this.c.handleRequest('apply', groupId, userId, accept);
  }

  /** Removes members (admins; only the owner removes admins). */
  kick(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('kick', groupId, userIds);
  }

  /** Leaves a group (the owner transfers it first). */
  leave(groupId: string): Promise<void> {
    return this.c.groupCall('leave', () => groupArg(groupId), () => this.c.dropGroup(String(groupId)), 'query');
  }

  /** Puts users on the group's blocklist (members among them are removed). */
  block(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('block', groupId, userIds);
  }

  /** Takes users off the group's blocklist. */
  unblock(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('unblock', groupId, userIds);
  }

  /** The group's blocklist (admins). */
  blocklist(groupId: string): Promise<string[]> {
    return this.c.groupGet('blocked_list', groupId, idList);
  }

  /** Forbids members to speak for `minutes` (-1: until lifted). */
  ban(groupId: string, userIds: string[], minutes: number): Promise<void> {
    return this.c.actOnUsers('ban', groupId, userIds, () => minutesArg(minutes));
  }

  /** Lifts members' bans. */
  unban(groupId: string, userIds: string[]): Promise<void> {
    return this.c.actOnUsers('unban', groupId, userIds);
  }

  /** The members banned now. */
  bannedMembers(groupId: string): Promise<BannedMember[]> {
    return this.c.groupGet('banned_list', groupId, many(bannedFrom));
  }

  /** Lets only the owner and admins speak for `minutes` (-1: until lifted). */
  banAll(groupId: string, minutes: number): Promise<void> {
    return this.c.groupCall('settings/ban_all', () => groupArg(groupId, { duration: minutesArg(minutes) }));
  }

  /** Ends a ban-all. */
  unbanAll(groupId: string): Promise<void> {
    return this.c.groupCall('settings/unban_all', () => groupArg(groupId));
  }

  /** The group's announcements, newest first. */
  announcements(groupId: string): Promise<Announcement[]> {
    return this.c.groupGet('announcement/list', groupId, many(announcementFrom));
  }

  /** One announcement. */
  announcement(groupId: string, id: string): Promise<Announcement> {
    return this.c.groupCall('announcement', () => groupArg(groupId, { announcement_id: wireId(checkId(id, 'id')) }), one(announcementFrom), 'get');
  }

  /** Publishes an announcement (admins). */
  editAnnouncement(groupId: string, a: { title: string; content: string }): Promise<Announcement> {
    return this.c.groupCall('announcement/edit',
      () => groupArg(groupId, { title: checkText(obj(a, 'announcement').title, 'title', 200), content: checkText(a.content, 'content', MAX_TEXT) }),
      one(announcementFrom));
  }

  /** Deletes an announcement (admins). */
  deleteAnnouncement(groupId: string, id: string): Promise<void> {
    return this.c.groupCall('announcement/delete', () => groupArg(groupId, { announcement_id: wireId(checkId(id, 'id')) }), undefined, 'query');
  }

  /** The group's shared files, newest first. */
  files(groupId: string): Promise<SharedFile[]> {
    return this.c.groupGet('file/list', groupId, many(fileFrom));
  }

  /** Registers an uploaded file (its bytes live at `url`) in the group. */
  addFile(groupId: string, f: { name: string; size: number; url: string; type?: string }): Promise<SharedFile> {
    return this.c.groupCall('file/upload', () => groupArg(groupId, {
      name: checkText(obj(f, 'file').name, 'name', 500), size: checkInt(f.size, 'size', 0, Number.MAX_SAFE_INTEGER),
      url: checkText(f.url, 'url', 4000), type: optText(f.type, 'type', 100),
    }), one(fileFrom));
  }

  /** Deletes shared files (the uploader's own, or any as an admin). */
  deleteFiles(groupId: string, fileIds: string[]): Promise<void> {
    return this.c.groupCall('file/delete', () => groupArg(groupId, { file_list: userList(fileIds, 'fileIds') }));
  }

  /** The group's settings and the user's own message settings for it. */
  settings(groupId: string): Promise<GroupSettings> {
    return groupSettings(this.c, groupId);
  }

  /** The settings last read by `settings()`, kept up to date by notices, if any. */
  cachedSettings(groupId: string): GroupSettings | undefined {
    const raw = this.c.groupSettings.get(groupId);
    return raw && settingsFrom(raw);
  }

  /** Changes group settings (admins; one request per setting given); resolves with the new settings. */
  updateSettings(groupId: string, u: GroupSettingsUpdate): Promise<GroupSettings> {
    return updateSettings(this.c, groupId, u);
  }

  /** The user's own notification mode for a group: 0 notify, 1 no local notification, 2 do not receive. */
  setMuteMode(groupId: string, mode: 0 | 1 | 2): Promise<void> {
    return this.c.ownSetting(groupId, 'mute_mode', 'msg_mute_mode', () => checkInt(mode, 'mode', 0, 2));
  }

  /** The user's own do-not-disturb switch for a group. */
  setDoNotDisturb(groupId: string, on: boolean): Promise<void> {
    return this.c.ownSetting(groupId, 'not_disturb', 'not_disturb', () => flag(on, 'on'), 'value');
  }

  /** Applies a notice item received by sync (updates caches, raises the typed event). @internal */
  onNotice(meta: Meta): void {
    const event = groupNotice(this.c, meta);
    if (event) this.rt.events.emit('groupNotice', event);
  }

  /** Forgets what was cached for the user who logged out. @internal */
  reset(): void {
    this.c.clearGroups();
  }
}

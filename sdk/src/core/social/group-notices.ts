/**
 * Group notices (GROUP_NOTICE items, docs/social.md "Notices / Group") as `groupNotice` events. The
 * caches are brought up to date before the event is raised, so a listener reading `cachedGroup` or
 * `joined()` sees the change.
 */
import type { GroupNotice, Meta } from '../../protocol/types';
import { noticeContent, uids } from './notice-parse';
import { idString } from './parse';
import { INFO_FIELDS, type GroupCore } from './group-core';
import type { GroupMember, GroupNoticeEvent, GroupRole } from './types';

/** GroupNotice.Type 1..28 → event kind (index = type - 1). */
const KINDS = ('presence absence created destroyed joined left applied applyAccepted applyDeclined invited '
  + 'inviteAccepted inviteDeclined kicked blocked unblocked ownerAssigned adminGranted adminRevoked muted unmuted '
  + 'banned unbanned infoUpdated announcementUpdated messageSetting fileUploaded fileDeleted fileUpdated')
  .split(' ') as Array<GroupNoticeEvent['kind']>;

/** Turns a GROUP_NOTICE item into an event after updating the caches; undefined for unknown types. */
export function groupNotice(core: GroupCore, meta: Meta): GroupNoticeEvent | undefined {
  const p = meta.payload as GroupNotice | undefined;
  const kind = p && KINDS[(p.type ?? 0) - 1];
  if (!p || !kind) return undefined;
  const event: GroupNoticeEvent = { kind, groupId: idString(p.gid?.uid), from: idString(p.from?.uid), to: uids(p.to), content: noticeContent(p.content) };
  update(core, event, Number(meta.timestamp) || 0);
  return event;
}

function update(core: GroupCore, e: GroupNoticeEvent, at: number): void {
  const { kind, groupId: gid, to, content } = e;
  const me = core.myId();
  const info = core.groupInfos.get(gid);
  const members = core.groupMembers.get(gid);
  const setRoles = (ids: string[], role: GroupRole) => members?.forEach((m) => { if (ids.includes(m.userId)) m.role = role; });
  switch (kind) {
    case 'destroyed':
      core.dropGroup(gid);
      break;
    case 'kicked':
    case 'left':
    case 'blocked':
      if (to.includes(me)) core.dropGroup(gid);
      else {
        // Blocking a non-member removes no one: without the member list, only kicks and leaves count.
        let gone = kind === 'blocked' ? 0 : to.length;
        if (members) {
          const kept = members.filter((m) => !to.includes(m.userId));
          gone = members.length - kept.length;
          core.groupMembers.set(gid, kept);
        }
        if (info) info.memberCount = Math.max(0, info.memberCount - gone);
      }
      break;
    case 'created':
    case 'joined':
      if (to.includes(me) || e.from === me) core.joinedIds = undefined;
      if (kind === 'joined') {
        const added = to.filter((id) => !members?.some((m) => m.userId === id));
        members?.push(...added.map((userId): GroupMember => ({ userId, role: 'member', displayName: '', joinedAt: at, bannedUntil: 0 })));
        if (info && !to.includes(me)) info.memberCount += added.length;
      }
      break;
    case 'ownerAssigned': {
      const owner = to[0];
      if (!owner) break;
      setRoles(members?.filter((m) => m.role === 'owner').map((m) => m.userId) ?? [], 'member');
      setRoles([owner], 'owner');
      if (info) info.ownerId = owner;
      break;
    }
    case 'adminGranted':
    case 'adminRevoked':
      setRoles(to, kind === 'adminGranted' ? 'admin' : 'member');
      break;
    case 'infoUpdated':
    case 'messageSetting': {
      const prop = typeof content.property === 'string' ? content.property : '';
      const value = content[prop];
      if ((INFO_FIELDS as readonly string[]).includes(prop)) {
        if (info && typeof value === 'string') (info as unknown as Record<string, unknown>)[prop] = value;
      } else if (prop === 'display_name') {
        members?.forEach((m) => { if (m.userId === (to[0] ?? e.from) && typeof value === 'string') m.displayName = value; });
      } else {
        // Settings (ban_expire_time, approval, toggles, own mute mode / do-not-disturb) keep their REST names.
        const settings = core.groupSettings.get(gid);
        if (settings) Object.assign(settings, content);
      }
      break;
    }
    default:
  }
}

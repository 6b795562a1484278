// GROUP_NOTICE items → groupNotice events and the cache updates that come first (no server needed).
import { GroupNoticeType, NameSpace } from '../../../sdk/src/protocol/enums';
import type { Meta } from '../../../sdk/src/protocol/types';
import type { Runtime } from '../../../sdk/src/core/runtime';
import { GroupCore } from '../../../sdk/src/core/social/group-core';
import { groupNotice } from '../../../sdk/src/core/social/group-notices';
import type { GroupInfo, GroupMember } from '../../../sdk/src/core/social/types';

const ME = '10';
const GID = '500';

function core(): GroupCore {
  const c = new GroupCore({ session: () => ({ userId: ME }) } as unknown as Runtime);
  c.groupInfos.set(GID, { groupId: GID, name: 'G', avatar: '', description: '', ext: '', ownerId: '1', type: 'private', memberCount: 3, capacity: 0, createdAt: 1 } as GroupInfo);
  c.joinedIds = [GID, '501'];
  const member = (userId: string, role: GroupMember['role']): GroupMember => ({ userId, role, displayName: '', joinedAt: 1, bannedUntil: 0 });
  c.groupMembers.set(GID, [member('1', 'owner'), member(ME, 'member'), member('11', 'member')]);
  c.groupSettings.set(GID, { ban_expire_time: 0, msg_mute_mode: 0 });
  return c;
}

function meta(type: number, to: string[] = [], content = '', from = '1'): Meta {
  return { ns: NameSpace.GROUP_NOTICE, timestamp: '1000', payload: { type: type as GroupNoticeType, gid: { uid: GID }, from: { uid: from }, to: to.map((uid) => ({ uid })), content } };
}

test('every notice type has its kind; unknown types raise nothing', () => {
  const kinds = Object.entries(GroupNoticeType).filter(([, n]) => n > 0).map(([name, n]) => [name, groupNotice(core(), meta(n))?.kind]);
  expect(kinds).toHaveLength(28);
  expect(Object.fromEntries(kinds)).toMatchObject({
    PRESENCE: 'presence', CREATED: 'created', DESTROYED: 'destroyed', JOINED: 'joined', LEAVED: 'left', APPLYED: 'applied',
    APPLY_ACCEPTED: 'applyAccepted', INVITE_DECLINED: 'inviteDeclined', KICKED: 'kicked', OWNER_ASSIGNED: 'ownerAssigned',
    ADMIN_REVOKED: 'adminRevoked', BANNED: 'banned', INFO_UPDATED: 'infoUpdated', ANNOUNCEMENT_UPDATED: 'announcementUpdated',
    MESSAGE_SETTING: 'messageSetting', FILE_UPLOADED: 'fileUploaded', FILE_UPDATED: 'fileUpdated',
  });
  expect(kinds.every(([, k]) => typeof k === 'string')).toBe(true);
  expect(groupNotice(core(), meta(0))).toBeUndefined();
  expect(groupNotice(core(), meta(29))).toBeUndefined();
  expect(groupNotice(core(), { ns: NameSpace.GROUP_NOTICE } as Meta)).toBeUndefined();
  expect(groupNotice(core(), meta(GroupNoticeType.INFO_UPDATED, [], 'not json'))).toMatchObject({ content: {} });
});

test('removals: of the user drop the group, of others shrink the member page and the count', () => {
  for (const type of [GroupNoticeType.DESTROYED, GroupNoticeType.KICKED, GroupNoticeType.LEAVED, GroupNoticeType.BLOCKED]) {
    const c = core();
    expect(groupNotice(c, meta(type, [ME]))).toMatchObject({ groupId: GID, from: '1', to: [ME] });
    expect([c.groupInfos.has(GID), c.groupMembers.has(GID), c.groupSettings.has(GID), c.joinedIds]).toEqual([false, false, false, ['501']]);
  }
  const c = core();
  groupNotice(c, meta(GroupNoticeType.KICKED, ['11']));
  expect(c.groupMembers.get(GID)!.map((m) => m.userId)).toEqual(['1', ME]);
  expect(c.groupInfos.get(GID)!.memberCount).toBe(2);
  groupNotice(c, meta(GroupNoticeType.BLOCKED, ['99'])); // not a member: nobody removed
  expect(c.groupInfos.get(GID)!.memberCount).toBe(2);
});

test('joins: of the user make the joined list stale, of others grow the member page once', () => {
  const c = core();
  groupNotice(c, meta(GroupNoticeType.JOINED, ['12']));
  groupNotice(c, meta(GroupNoticeType.JOINED, ['12']));
  expect(c.groupMembers.get(GID)!.map((m) => m.userId)).toEqual(['1', ME, '11', '12']);
  expect(c.groupInfos.get(GID)!.memberCount).toBe(4);
  expect(c.joinedIds).toEqual([GID, '501']);
  groupNotice(c, meta(GroupNoticeType.JOINED, [ME]));
  expect(c.joinedIds).toBeUndefined();
});

test('roles, information, display names and settings', () => {
  const c = core();
  groupNotice(c, meta(GroupNoticeType.ADMIN_GRANTED, ['11']));
  groupNotice(c, meta(GroupNoticeType.OWNER_ASSIGNED, [ME]));
  expect(c.groupMembers.get(GID)!.map((m) => m.role)).toEqual(['member', 'owner', 'admin']);
  expect(c.groupInfos.get(GID)!.ownerId).toBe(ME);
  groupNotice(c, meta(GroupNoticeType.ADMIN_REVOKED, ['11']));
  expect(c.groupMembers.get(GID)![2]!.role).toBe('member');

  groupNotice(c, meta(GroupNoticeType.INFO_UPDATED, [], '{"property":"name","name":"New"}'));
  groupNotice(c, meta(GroupNoticeType.INFO_UPDATED, [], '{"property":"owner_id","owner_id":"x"}'));
  expect(c.groupInfos.get(GID)).toMatchObject({ name: 'New', ownerId: ME });
  groupNotice(c, meta(GroupNoticeType.INFO_UPDATED, ['11'], '{"property":"display_name","display_name":"Eleven"}', '11'));
  expect(c.groupMembers.get(GID)![2]!.displayName).toBe('Eleven');
  groupNotice(c, meta(GroupNoticeType.INFO_UPDATED, [], '{"property":"ban_expire_time","ban_expire_time":-1}'));
  groupNotice(c, meta(GroupNoticeType.MESSAGE_SETTING, [ME], '{"msg_mute_mode":2}', ME));
  expect(c.groupSettings.get(GID)).toMatchObject({ ban_expire_time: -1, msg_mute_mode: 2 });
});

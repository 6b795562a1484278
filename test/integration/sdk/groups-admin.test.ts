// client.groups administration against a real floo-server, on Node and on wx: admins and the owner
// transfer, kicks and the kick limit, the group blocklist, bans and ban-all (with the refused group
// message), announcements, shared files, settings and the member's own message settings; the
// authorization matrix over non-member / member / admin / owner; bad arguments and no login.
import type { FlooClient } from '../../../sdk/src/core/client';
import { codeOf, groupsFixture, next, notice, type Account } from './groups-fixture';
import { KINDS, type Kind } from './platforms';

const { accounts, client } = groupsFixture();

/** A group with an owner, an admin, two members and a non-member. */
async function staffed(kind: Kind) {
  const [owner, admin, member, other, outsider] = await accounts(kind, 'owner', 'admin', 'member', 'other', 'outsider');
  const gid = (await owner.c.groups.create({ name: 'Staffed', members: [admin.id, member.id, other.id] })).groupId;
  const granted = notice(member.c, 'adminGranted', gid);
  await owner.c.groups.addAdmins(gid, [admin.id]);
  await granted;
  return { gid, owner, admin, member, other, outsider };
}

const say = (c: FlooClient, gid: string, text: string) => c.messages.sendText({ type: 'group', id: gid }, text);

test.each(KINDS)('%s: admins, owner transfer and the roles in the member caches', async (kind) => {
  const { gid, owner, admin, member, outsider } = await staffed(kind);
  expect((await member.c.groups.admins(gid)).map((m) => [m.userId, m.role])).toEqual([[admin.id, 'admin']]);
  await member.c.groups.members(gid);
  await member.c.groups.info(gid);
  expect(member.c.groups.cachedMembers(gid)!.find((m) => m.userId === admin.id)!.role).toBe('admin');

  const revoked = notice(member.c, 'adminRevoked', gid);
  await owner.c.groups.removeAdmins(gid, [admin.id]);
  expect(await revoked).toMatchObject({ from: owner.id, to: [admin.id] });
  expect(member.c.groups.cachedMembers(gid)!.find((m) => m.userId === admin.id)!.role).toBe('member');
  expect(await owner.c.groups.admins(gid)).toEqual([]);

  expect(await codeOf(owner.c.groups.transfer(gid, outsider.id))).toBe('GroupTransferNotAllowed');
  const assigned = notice(member.c, 'ownerAssigned', gid);
  await owner.c.groups.transfer(gid, admin.id);
  expect(await assigned).toMatchObject({ from: owner.id, to: [admin.id] });
  expect(member.c.groups.cachedGroup(gid)!.ownerId).toBe(admin.id);
  const roles = Object.fromEntries(member.c.groups.cachedMembers(gid)!.map((m) => [m.userId, m.role]));
  expect([roles[admin.id], roles[owner.id]]).toEqual(['owner', 'member']);
  expect(await codeOf(owner.c.groups.destroy(gid))).toBe('GroupOwnerPermissionRequired');
  await owner.c.groups.leave(gid);
});

test.each(KINDS)('%s: kicks, the kick limit and the group blocklist', async (kind) => {
  const { gid, owner, admin, member, other, outsider } = await staffed(kind);
  await admin.c.groups.members(gid);
  await admin.c.groups.info(gid);
  expect((await other.c.groups.joined()).map((g) => g.groupId)).toEqual([gid]);

  // A kick: the kicked user's joined list drops the group without a refresh; the others' caches follow.
  const kickedMe = notice(other.c, 'kicked', gid);
  const kickedThem = notice(admin.c, 'kicked', gid);
  await admin.c.groups.kick(gid, [other.id]);
  expect(await kickedMe).toMatchObject({ from: admin.id, to: [other.id] });
  await kickedThem;
  expect(await other.c.groups.joined()).toEqual([]);
  expect(other.c.groups.cachedGroup(gid)).toBeUndefined();
  expect(admin.c.groups.cachedMembers(gid)!.map((m) => m.userId)).not.toContain(other.id);
  expect(admin.c.groups.cachedGroup(gid)!.memberCount).toBe(3);
  expect(await codeOf(say(other.c, gid, 'still here?'))).toBe('GroupNotMemberFound');

  // Admins cannot kick admins or the owner; members kick nobody.
  expect(await codeOf(admin.c.groups.kick(gid, [owner.id]))).toBe('GroupOwnerPermissionRequired');
  expect(await codeOf(member.c.groups.kick(gid, [admin.id]))).toBe('GroupAdminPermissionRequired');
  expect(await codeOf(owner.c.groups.kick(gid, [outsider.id]))).toBe('GroupNotMemberFound');

  // More than three kicks and the user cannot come back.
  for (let i = 0; i < 3; i++) {
    expect(await owner.c.groups.invite(gid, [other.id])).toEqual([{ userId: other.id, result: 'joined' }]);
    await owner.c.groups.kick(gid, [other.id]);
  }
  expect(await owner.c.groups.invite(gid, [other.id])).toEqual([{ userId: other.id, result: 'refused', reason: 'GroupKickTooManyTimes' }]);
  expect(await codeOf(other.c.groups.apply(gid))).toBe('GroupKickTooManyTimes');

  // The blocklist: a blocked member is removed; blocked users cannot join.
  const blocked = notice(member.c, 'blocked', gid);
  await admin.c.groups.block(gid, [member.id, outsider.id]);
  expect(await blocked).toMatchObject({ to: [member.id, outsider.id] });
  expect(await member.c.groups.joined()).toEqual([]);
  expect((await admin.c.groups.blocklist(gid)).sort()).toEqual([member.id, outsider.id].sort());
  expect(await owner.c.groups.invite(gid, [outsider.id])).toEqual([{ userId: outsider.id, result: 'refused', reason: 'GroupBlockListExist' }]);
  expect(await codeOf(member.c.groups.apply(gid))).toBe('GroupBlockListExist');
  await admin.c.groups.unblock(gid, [outsider.id]);
  expect(await admin.c.groups.blocklist(gid)).toEqual([member.id]);
  expect(await outsider.c.groups.apply(gid)).toBe('pending');
});

test.each(KINDS)('%s: bans and ban-all refuse group messages; the settings cache follows', async (kind) => {
  const { gid, owner, admin, member } = await staffed(kind);
  await say(member.c, gid, 'hello');

  const banned = notice(owner.c, 'banned', gid);
  await admin.c.groups.ban(gid, [member.id], 10);
  expect(await banned).toMatchObject({ to: [member.id], content: { duration: 10 } });
  const list = await member.c.groups.bannedMembers(gid);
  expect(list).toEqual([{ userId: member.id, until: expect.any(Number) }]);
  expect(list[0]!.until).toBeGreaterThan(Date.now() + 9 * 60_000);
  expect((await owner.c.groups.members(gid)).members.find((m) => m.userId === member.id)!.bannedUntil).toBe(list[0]!.until);
  expect(await codeOf(say(member.c, gid, 'let me speak'))).toBe('GroupMemberBanned');
  expect(await codeOf(admin.c.groups.ban(gid, [owner.id], -1))).toBe('GroupOwnerPermissionRequired');
  await admin.c.groups.unban(gid, [member.id]);
  expect(await member.c.groups.bannedMembers(gid)).toEqual([]);
  await say(member.c, gid, 'thanks');

  // Ban-all: only the owner and admins speak; a member's cached settings follow the notice.
  expect((await member.c.groups.settings(gid)).banAllUntil).toBe(0);
  const all = next(member.c, 'groupNotice', (e) => e.kind === 'infoUpdated' && e.content.property === 'ban_expire_time');
  await admin.c.groups.banAll(gid, -1);
  expect((await all).content).toMatchObject({ ban_expire_time: -1 });
  expect(member.c.groups.cachedSettings(gid)!.banAllUntil).toBe(-1);
  expect(await codeOf(say(member.c, gid, 'anyone?'))).toBe('GroupMemberBanned');
  await say(admin.c, gid, 'quiet please');
  const lifted = next(member.c, 'groupNotice', (e) => e.content.property === 'ban_expire_time');
  await owner.c.groups.unbanAll(gid);
  await lifted;
  expect(member.c.groups.cachedSettings(gid)!.banAllUntil).toBe(0);
  await say(member.c, gid, 'finally');
});

test.each(KINDS)('%s: announcements and shared files', async (kind) => {
  const { gid, admin, member, other } = await staffed(kind);
  const told = notice(member.c, 'announcementUpdated', gid);
  const a = await admin.c.groups.editAnnouncement(gid, { title: 'Rules', content: 'Be kind.' });
  expect(a).toEqual({ id: expect.stringMatching(/^[0-9]+$/), title: 'Rules', content: 'Be kind.', authorId: admin.id, createdAt: expect.any(Number) });
  expect((await told).content).toMatchObject({ title: 'Rules' });
  expect(await member.c.groups.announcement(gid, a.id)).toEqual(a);
  expect(await member.c.groups.announcements(gid)).toEqual([a]);
  expect(await codeOf(member.c.groups.editAnnouncement(gid, { title: 'Mine', content: 'x' }))).toBe('GroupAdminPermissionRequired');
  expect(await codeOf(member.c.groups.deleteAnnouncement(gid, a.id))).toBe('GroupAdminPermissionRequired');
  await admin.c.groups.deleteAnnouncement(gid, a.id);
  expect(await member.c.groups.announcements(gid)).toEqual([]);
  expect(await codeOf(member.c.groups.announcement(gid, a.id))).toBe('GroupAnnouncementNotFound');

  const uploaded = notice(other.c, 'fileUploaded', gid);
  const f = await member.c.groups.addFile(gid, { name: 'map.png', size: 1234, url: 'https://files.invalid/map.png', type: 'image' });
  expect(f).toEqual({
    fileId: expect.stringMatching(/^[0-9]+$/), name: 'map.png', size: 1234, type: 'image', url: 'https://files.invalid/map.png',
    uploaderId: member.id, createdAt: expect.any(Number),
  });
  expect((await uploaded).content).toMatchObject({ name: 'map.png' });
  expect(await other.c.groups.files(gid)).toEqual([f]);
  expect(await codeOf(other.c.groups.deleteFiles(gid, [f.fileId]))).toBe('GroupSharedFileOperateNotAllowed');
  const own = await other.c.groups.addFile(gid, { name: 'notes.txt', size: 1, url: 'https://files.invalid/n' });
  await other.c.groups.deleteFiles(gid, [own.fileId]);
  const deleted = notice(member.c, 'fileDeleted', gid);
  await admin.c.groups.deleteFiles(gid, [f.fileId]);
  await deleted;
  expect(await member.c.groups.files(gid)).toEqual([]);
});

test.each(KINDS)('%s: group settings and the member\'s own message settings', async (kind) => {
  const { gid, owner, admin, member } = await staffed(kind);
  const before = await member.c.groups.settings(gid);
  expect(before).toEqual({
    allowMemberInvitation: true, allowMemberModify: false, enableReadAck: false, historyVisible: false, hideMemberInfo: false,
    applyApproval: 'adminConfirm', banAllUntil: 0, muteMode: 0, doNotDisturb: false,
  });
  const changed = next(member.c, 'groupNotice', (e) => e.content.property === 'hide_member_info');
  const after = await admin.c.groups.updateSettings(gid, {
    allowMemberModify: true, enableReadAck: true, historyVisible: true, hideMemberInfo: true, applyApproval: 'acceptAll',
  });
  expect(after).toEqual({ ...before, allowMemberModify: true, enableReadAck: true, historyVisible: true, hideMemberInfo: true, applyApproval: 'acceptAll' });
  await changed;
  expect(member.c.groups.cachedSettings(gid)).toMatchObject({ hideMemberInfo: true, applyApproval: 'acceptAll', allowMemberModify: true });

  // allow_member_modify lets members change the information.
  expect(await member.c.groups.update(gid, { description: 'by a member' })).toMatchObject({ description: 'by a member' });
  await owner.c.groups.updateSettings(gid, { allowMemberModify: false });
  expect(await codeOf(member.c.groups.update(gid, { description: 'again' }))).toBe('GroupAdminPermissionRequired');

  // Own settings: only the caller's.
  await member.c.groups.setMuteMode(gid, 2);
  await member.c.groups.setDoNotDisturb(gid, true);
  expect(await member.c.groups.settings(gid)).toMatchObject({ muteMode: 2, doNotDisturb: true });
  expect(member.c.groups.cachedSettings(gid)).toMatchObject({ muteMode: 2, doNotDisturb: true });
  expect(await admin.c.groups.settings(gid)).toMatchObject({ muteMode: 0, doNotDisturb: false });
});

/** Mutating calls and the least role each needs (their success is covered above). */
const MATRIX: Array<[string, 'member' | 'admin' | 'owner', (c: FlooClient, gid: string, peer: string) => Promise<unknown>]> = [
  ['destroy', 'owner', (c, g) => c.groups.destroy(g)],
  ['addAdmins', 'owner', (c, g, p) => c.groups.addAdmins(g, [p])],
  ['removeAdmins', 'owner', (c, g, p) => c.groups.removeAdmins(g, [p])],
  ['transfer', 'owner', (c, g, p) => c.groups.transfer(g, p)],
  ['update', 'admin', (c, g) => c.groups.update(g, { name: 'x' })],
  ['kick', 'admin', (c, g, p) => c.groups.kick(g, [p])],
  ['block', 'admin', (c, g, p) => c.groups.block(g, [p])],
  ['unblock', 'admin', (c, g, p) => c.groups.unblock(g, [p])],
  ['blocklist', 'admin', (c, g) => c.groups.blocklist(g)],
  ['ban', 'admin', (c, g, p) => c.groups.ban(g, [p], 5)],
  ['unban', 'admin', (c, g, p) => c.groups.unban(g, [p])],
  ['banAll', 'admin', (c, g) => c.groups.banAll(g, 5)],
  ['unbanAll', 'admin', (c, g) => c.groups.unbanAll(g)],
  ['editAnnouncement', 'admin', (c, g) => c.groups.editAnnouncement(g, { title: 't', content: 'c' })],
  ['deleteAnnouncement', 'admin', (c, g) => c.groups.deleteAnnouncement(g, '1')],
  ['updateSettings', 'admin', (c, g) => c.groups.updateSettings(g, { historyVisible: true })],
  ['applications', 'admin', (c, g) => c.groups.applications([g])],
  ['handleApplication', 'admin', (c, g, p) => c.groups.handleApplication(g, p, true)],
  ['invite', 'member', (c, g, p) => c.groups.invite(g, [p])],
  ['setDisplayName', 'member', (c, g) => c.groups.setDisplayName(g, 'x')],
  ['members', 'member', (c, g) => c.groups.members(g)],
  ['addFile', 'member', (c, g) => c.groups.addFile(g, { name: 'f', size: 1, url: 'u' })],
  ['setMuteMode', 'member', (c, g) => c.groups.setMuteMode(g, 1)],
  ['settings', 'member', (c, g) => c.groups.settings(g)],
];
const RANK = { outsider: 0, member: 1, admin: 2, owner: 3 } as const;
const REFUSAL = { outsider: 'GroupNotMemberFound', member: 'GroupAdminPermissionRequired', admin: 'GroupOwnerPermissionRequired' } as const;

test.each(KINDS)('%s: the authorization matrix of the group calls', async (kind) => {
  const { gid, admin, member, other, outsider } = await staffed(kind);
  const callers: Array<['outsider' | 'member' | 'admin', Account]> = [['outsider', outsider], ['member', member], ['admin', admin]];
  for (const [name, need, call] of MATRIX) {
    for (const [role, who] of callers) {
      if (RANK[role] >= RANK[need]) continue;
      const expected = role === 'member' && need === 'owner' ? 'GroupOwnerPermissionRequired' : REFUSAL[role];
      expect([name, role, await codeOf(call(who.c, gid, other.id))]).toEqual([name, role, expected]);
    }
  }
  // Unknown groups.
  expect(await codeOf(member.c.groups.info('999999999'))).toBe('GroupNotExist');
  expect(await codeOf(member.c.groups.kick('999999999', [other.id]))).toBe('GroupNotExist');
});

test.each(KINDS)('%s: bad arguments reject with InvalidParam before anything is sent; no login, UserNotLogin', async (kind) => {
  const [u] = await accounts(kind, 'validator');
  const g = u.c.groups;
  const bad: Array<Promise<unknown>> = [
    g.create({ name: '' }), g.create(null as never), g.create({ name: 'x', type: 'secret' as never }), g.create({ name: 'x', members: ['a'] }),
    g.info('abc'), g.info(-1 as never), g.update('1', {}), g.update('1', { name: 5 as never }), g.members('1', { limit: 0 }),
    g.members('1', { limit: 1001 }), g.members('1', { cursor: 'x' }), g.kick('1', []), g.kick('1', '2' as never),
    g.kick('1', Array.from({ length: 1001 }, (_, i) => String(i + 1))), g.ban('1', ['2'], 0), g.ban('1', ['2'], 1.5), g.banAll('1', -2),
    g.handleInvitation('1', '2', 'yes' as never), g.handleApplication('1', 'x', true), g.transfer('1', ''), g.setMuteMode('1', 3 as never),
    g.setDoNotDisturb('1', 1 as never), g.updateSettings('1', {}), g.updateSettings('1', { applyApproval: 'maybe' as never }),
    g.updateSettings('1', { historyVisible: 'yes' as never }), g.editAnnouncement('1', { title: '', content: 'c' }),
    g.announcement('1', 'x'), g.addFile('1', { name: 'f', size: -1, url: 'u' }), g.deleteFiles('1', []), g.applications('1' as never),
    g.setDisplayName('1', 'x'.repeat(101)), g.apply('1', 7 as never),
  ];
  for (const p of bad) expect(await codeOf(p)).toBe('InvalidParam');

  const c = client(kind);
  for (const p of [c.groups.joined(), c.groups.info('1'), c.groups.create({ name: 'x' }), c.groups.invitations(), c.groups.kick('1', ['2'])]) {
    expect(await codeOf(p)).toBe('UserNotLogin');
  }
  expect(c.groups.cachedGroup('1')).toBeUndefined();
});

// client.groups against a real floo-server, on Node and on wx: creation, information and its updates,
// the joined and public lists, member pages and display names, leaving and destroying, invitations
// and applications in each mode, with the groupNotice events at the other members' clients and the
// caches they keep up to date.
import { codeOf, groupsFixture, next, notice } from './groups-fixture';
import { KINDS } from './platforms';

const { accounts } = groupsFixture();

test.each(KINDS)('%s: create, info, update, members, display names, leave and destroy, with notices and caches', async (kind) => {
  const [o, a, b, n] = await accounts(kind, 'owner', 'ann', 'ben', 'nemo');
  const created = notice(a.c, 'created');
  const g = await o.c.groups.create({ name: 'Hikers', type: 'public', description: 'weekends', members: [a.id, b.id] });
  expect(g).toMatchObject({ name: 'Hikers', ownerId: o.id, type: 'public', description: 'weekends', avatar: '', ext: '', memberCount: 3 });
  expect(g.groupId).toMatch(/^[0-9]+$/);
  const gid = g.groupId;
  expect(await created).toEqual({ kind: 'created', groupId: gid, from: o.id, to: expect.arrayContaining([a.id, b.id]), content: {} });
  expect(o.c.groups.cachedGroup(gid)).toEqual(g);
  expect(await o.c.groups.info(gid)).toEqual(g);
  expect((await a.c.groups.joined()).map((x) => x.groupId)).toEqual([gid]);
  expect(await n.c.groups.joined()).toEqual([]);
  expect((await n.c.groups.publicGroups()).map((x) => x.groupId)).toContain(gid);

  // Member pages, in join order; the first page is cached.
  const all = await b.c.groups.members(gid);
  expect(all.next).toBeUndefined();
  // All three joined at the same moment.
  expect(all.members.map((m) => [m.userId, m.role]).sort()).toEqual([[o.id, 'owner'], [a.id, 'member'], [b.id, 'member']].sort());
  expect(all.members[0]).toMatchObject({ displayName: '', bannedUntil: 0, joinedAt: expect.any(Number) });
  expect(b.c.groups.cachedMembers(gid)).toEqual(all.members);
  const first = await o.c.groups.members(gid, { limit: 2 });
  expect(first.members).toEqual(all.members.slice(0, 2));
  expect(first.next).toBe('2');
  const second = await o.c.groups.members(gid, { cursor: first.next, limit: 2 });
  expect(second).toEqual({ members: all.members.slice(2) });

  // Information updates reach the other members' caches.
  expect(await a.c.groups.info(gid)).toMatchObject({ name: 'Hikers' });
  const renamed = notice(a.c, 'infoUpdated', gid);
  const described = next(a.c, 'groupNotice', (e) => e.content.property === 'ext');
  const updated = await o.c.groups.update(gid, { name: 'Climbers', ext: '{"k":1}' });
  expect(updated).toMatchObject({ name: 'Climbers', ext: '{"k":1}', description: 'weekends' });
  expect(await renamed).toMatchObject({ from: o.id, content: { property: 'name', name: 'Climbers' } });
  await described;
  expect(a.c.groups.cachedGroup(gid)).toMatchObject({ name: 'Climbers', ext: '{"k":1}' });
  expect(await a.c.groups.info(gid, { refresh: true })).toMatchObject({ name: 'Climbers' });

  // A display name reaches the member caches.
  const named = notice(b.c, 'infoUpdated', gid);
  await a.c.groups.setDisplayName(gid, 'Annie');
  expect((await named).content).toEqual({ property: 'display_name', display_name: 'Annie' });
  expect(b.c.groups.cachedMembers(gid)?.find((m) => m.userId === a.id)?.displayName).toBe('Annie');
  expect((await o.c.groups.members(gid)).members.find((m) => m.userId === a.id)).toMatchObject({ displayName: 'Annie' });

  // Leaving: the owner cannot; a member can, and the others' caches follow.
  expect(await codeOf(o.c.groups.leave(gid))).toBe('GroupOwnerCannotLeave');
  expect(await codeOf(n.c.groups.leave(gid))).toBe('GroupNotMemberFound');
  const left = notice(o.c, 'left', gid);
  await b.c.groups.leave(gid);
  expect(await left).toMatchObject({ from: b.id, to: [b.id] });
  expect(o.c.groups.cachedGroup(gid)?.memberCount).toBe(2);
  expect((await b.c.groups.joined()).map((x) => x.groupId)).toEqual([]);
  expect(await codeOf(b.c.groups.members(gid))).toBe('GroupNotMemberFound');

  // Destroying: only the owner; members' caches drop the group without a refresh.
  expect(await codeOf(a.c.groups.destroy(gid))).toBe('GroupOwnerPermissionRequired');
  const destroyed = notice(a.c, 'destroyed', gid);
  await o.c.groups.destroy(gid);
  expect(await destroyed).toMatchObject({ from: o.id, to: [] });
  expect(await a.c.groups.joined()).toEqual([]);
  expect(a.c.groups.cachedGroup(gid)).toBeUndefined();
  expect(o.c.groups.cachedGroup(gid)).toBeUndefined();
  expect(await codeOf(a.c.groups.info(gid, { refresh: true }))).toBe('GroupNotExist');
  expect(await codeOf(o.c.groups.update(gid, { name: 'x' }))).toBe('GroupNotExist');
});

test.each(KINDS)('%s: invitations with and without the invitee\'s confirmation', async (kind) => {
  const [o, joiner, confirmer, decliner, m] = await accounts(kind, 'host', 'joiner', 'confirmer', 'decliner', 'member');
  await confirmer.c.users.updateSettings({ groupInviteConfirm: true });
  await decliner.c.users.updateSettings({ groupInviteConfirm: true });
  const gid = (await o.c.groups.create({ name: 'Club', members: [m.id] })).groupId;

  const joined = notice(m.c, 'joined', gid);
  const invited = notice(confirmer.c, 'invited', gid);
  const results = await o.c.groups.invite(gid, [joiner.id, confirmer.id, decliner.id, m.id, '999999999']);
  expect(results).toEqual([
    { userId: joiner.id, result: 'joined' },
    { userId: confirmer.id, result: 'invited' },
    { userId: decliner.id, result: 'invited' },
    { userId: m.id, result: 'refused', reason: 'GroupMemberExist' },
    { userId: '999999999', result: 'refused', reason: 'UserNotExist' },
  ]);
  expect(await joined).toMatchObject({ from: o.id, to: [joiner.id] });
  expect(await invited).toMatchObject({ from: o.id, to: [confirmer.id] });
  expect((await joiner.c.groups.joined()).map((g) => g.groupId)).toEqual([gid]);

  const list = await confirmer.c.groups.invitations();
  expect(list).toEqual([{ groupId: gid, inviterId: o.id, inviteeId: confirmer.id, status: 'pending', expiresAt: expect.any(Number) }]);
  expect(list[0]!.expiresAt).toBeGreaterThan(Date.now());

  // Accepting: the invitee joins; the member cache of another member grows.
  await m.c.groups.members(gid);
  const count = m.c.groups.cachedMembers(gid)!.length;
  const accepted = notice(o.c, 'inviteAccepted', gid);
  const confirmerJoined = notice(m.c, 'joined', gid);
  await confirmer.c.groups.handleInvitation(gid, o.id, true);
  await accepted;
  await confirmerJoined;
  expect(m.c.groups.cachedMembers(gid)!.map((x) => x.userId)).toContain(confirmer.id);
  expect(m.c.groups.cachedMembers(gid)!.length).toBe(count + 1);
  expect((await confirmer.c.groups.joined()).map((g) => g.groupId)).toEqual([gid]);
  expect(await codeOf(confirmer.c.groups.handleInvitation(gid, o.id, true))).toBe('GroupInvitationExpiredOrHandled');
  expect((await confirmer.c.groups.invitations())[0]).toMatchObject({ status: 'accepted' });

  // Declining.
  const declined = notice(o.c, 'inviteDeclined', gid);
  await decliner.c.groups.handleInvitation(gid, o.id, false);
  expect(await declined).toMatchObject({ to: [decliner.id] });
  expect(await decliner.c.groups.joined()).toEqual([]);
  expect(await codeOf(decliner.c.groups.handleInvitation(gid, o.id, true))).toBe('GroupInvitationExpiredOrHandled');

  // Members invite only while the group allows it (the default).
  expect(await m.c.groups.invite(gid, [decliner.id])).toEqual([{ userId: decliner.id, result: 'invited' }]);
  await o.c.groups.updateSettings(gid, { allowMemberInvitation: false });
  expect(await codeOf(m.c.groups.invite(gid, [decliner.id]))).toBe('GroupAdminPermissionRequired');
});

test.each(KINDS)('%s: applications under each approval mode', async (kind) => {
  const [o, a, p, q, r, s] = await accounts(kind, 'admin', 'plain', 'pat', 'quinn', 'rita', 'sam');
  const gid = (await o.c.groups.create({ name: 'Open door', members: [a.id] })).groupId;
  expect((await o.c.groups.settings(gid)).applyApproval).toBe('adminConfirm');

  // Admin confirmation: the owner is told, lists and handles the application.
  const applied = notice(o.c, 'applied', gid);
  expect(await p.c.groups.apply(gid, 'let me in')).toBe('pending');
  expect(await applied).toMatchObject({ from: p.id, to: [p.id], content: { reason: 'let me in' } });
  expect(await o.c.groups.applications([gid])).toEqual([
    { groupId: gid, applicantId: p.id, reason: 'let me in', status: 'pending', expiresAt: expect.any(Number) },
  ]);
  expect(await codeOf(a.c.groups.applications([gid]))).toBe('GroupAdminPermissionRequired');
  expect(await codeOf(p.c.groups.applications([gid]))).toBe('GroupNotMemberFound');
  expect(await o.c.groups.applications([])).toEqual([]);
  const welcomed = notice(p.c, 'applyAccepted', gid);
  const pJoined = notice(p.c, 'joined', gid);
  await o.c.groups.handleApplication(gid, p.id, true);
  await welcomed;
  await pJoined;
  expect((await p.c.groups.joined()).map((g) => g.groupId)).toEqual([gid]);
  expect(await codeOf(o.c.groups.handleApplication(gid, p.id, true))).toBe('GroupApplicationExpiredOrHandled');
  expect(await codeOf(p.c.groups.apply(gid))).toBe('GroupMemberExist');
  expect(await codeOf(a.c.groups.handleApplication(gid, p.id, false))).toBe('GroupAdminPermissionRequired');

  const turnedDown = notice(q.c, 'applyDeclined', gid);
  expect(await q.c.groups.apply(gid)).toBe('pending');
  await o.c.groups.handleApplication(gid, q.id, false);
  await turnedDown;
  expect(await q.c.groups.joined()).toEqual([]);

  // Accept all: joined at once. Reject all: refused.
  expect(await o.c.groups.updateSettings(gid, { applyApproval: 'acceptAll' })).toMatchObject({ applyApproval: 'acceptAll' });
  expect(await r.c.groups.apply(gid)).toBe('joined');
  expect((await r.c.groups.joined()).map((g) => g.groupId)).toEqual([gid]);
  await o.c.groups.updateSettings(gid, { applyApproval: 'rejectAll' });
  expect(await codeOf(s.c.groups.apply(gid))).toBe('UserPermissionDenied');
  expect(await codeOf(s.c.groups.apply('999999999'))).toBe('GroupNotExist');
});

test.each(KINDS)('%s: the caches belong to the login: logout forgets them', async (kind) => {
  const [o] = await accounts(kind, 'forgetful');
  const g = await o.c.groups.create({ name: 'Mine' });
  await o.c.groups.members(g.groupId);
  await o.c.groups.settings(g.groupId);
  expect((await o.c.groups.joined()).map((x) => x.groupId)).toEqual([g.groupId]);
  expect(o.c.groups.cachedMembers(g.groupId)).toHaveLength(1);
  await o.c.logout();
  expect(o.c.groups.cachedGroup(g.groupId)).toBeUndefined();
  expect(o.c.groups.cachedMembers(g.groupId)).toBeUndefined();
  expect(o.c.groups.cachedSettings(g.groupId)).toBeUndefined();
  expect(await codeOf(o.c.groups.joined())).toBe('UserNotLogin');
});

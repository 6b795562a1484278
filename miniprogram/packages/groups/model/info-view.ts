/** The group info page's view data, derived from what the SDK answered. */
import type { ApplyApproval, GroupInfo, GroupMember, GroupRole, GroupSettings, UserProfile } from 'floo-miniprogram';
import { fill, type Dictionary } from '../../../i18n/index';
import { initial } from '../../../utils/format';
import { personRow, type PersonRow } from './people';

/** How many members the info page shows; the members page has them all. */
export const GRID_SIZE = 15;

/** The group settings shown as switches (admins). */
export const SWITCHES = ['allowMemberInvitation', 'allowMemberModify', 'enableReadAck', 'historyVisible', 'hideMemberInfo'] as const;
export type SwitchKey = (typeof SWITCHES)[number];

/** The info page's data about the group. */
export interface InfoView {
  group: { id: string; name: string; avatar: string; initial: string; description: string };
  membersTitle: string;
  members: PersonRow[];
  role: GroupRole;
  isAdmin: boolean;
  isOwner: boolean;
  canEdit: boolean;
  canInvite: boolean;
  announcement: string;
  displayName: string;
  muteMode: 0 | 1 | 2;
  doNotDisturb: boolean;
  switches: Array<{ key: SwitchKey; label: string; value: boolean }>;
  banAll: boolean;
  approval: ApplyApproval;
}

/** The view before anything is loaded. */
export function emptyInfoView(): InfoView {
  return {
    group: { id: '', name: '', avatar: '', initial: '', description: '' },
    membersTitle: '', members: [], role: 'member', isAdmin: false, isOwner: false, canEdit: false, canInvite: false,
    announcement: '', displayName: '', muteMode: 0, doNotDisturb: false, switches: [], banAll: false, approval: 'adminConfirm',
  };
}

/** What the page loaded. */
export interface InfoSource {
  info: GroupInfo;
  members: GroupMember[];
  settings: GroupSettings;
  role: GroupRole;
  users: Map<string, UserProfile>;
  /** The latest announcement, as one line. */
  announcement: string;
  me: string;
}

/** The page's data for `source`. */
export function infoView(s: InfoSource, t: Dictionary): InfoView {
  const g = s.info;
  const name = g.name || g.groupId;
  const isAdmin = s.role !== 'member';
  const mine = s.members.find((m) => m.userId === s.me);
  return {
    group: { id: g.groupId, name, avatar: g.avatar, initial: initial(name), description: g.description },
    membersTitle: fill(t.groups.members, { n: g.memberCount }),
    members: s.members.slice(0, GRID_SIZE).map((m): PersonRow => personRow(m.userId, s.users, t, m)),
    role: s.role,
    isAdmin,
    isOwner: s.role === 'owner',
    canEdit: isAdmin || s.settings.allowMemberModify,
    canInvite: isAdmin || s.settings.allowMemberInvitation,
    announcement: s.announcement,
    displayName: mine?.displayName ?? '',
    muteMode: s.settings.muteMode,
    doNotDisturb: s.settings.doNotDisturb,
    switches: SWITCHES.map((key) => ({ key, label: t.groups[key], value: s.settings[key] })),
    banAll: s.settings.banAllUntil !== 0,
    approval: s.settings.applyApproval,
  };
}

/** A radio option. */
export interface Option<V> {
  value: V;
  label: string;
}

/** The radio options of the page, in the chosen language. */
export function infoOptions(t: Dictionary): { approvalOptions: Array<Option<ApplyApproval>>; muteOptions: Array<Option<number>> } {
  const approvals: Array<[ApplyApproval, string]> = [
    ['acceptAll', t.groups.approvalAcceptAll], ['adminConfirm', t.groups.approvalAdminConfirm], ['rejectAll', t.groups.approvalRejectAll],
  ];
  return {
    approvalOptions: approvals.map(([value, label]) => ({ value, label })),
    muteOptions: [t.groups.mute0, t.groups.mute1, t.groups.mute2].map((label, value) => ({ value, label })),
  };
}

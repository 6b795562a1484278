// Group requests (subpackage "groups"): invitations to the user, and applications to the groups the
// user administers (one group with `?id=`), each accepted or declined here.
import type { FlooClient, GroupInfo } from 'floo-miniprogram';
import { fill, type Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { Reloader } from '../../model/notices';
import { nameOf, profiles, roleIn } from '../../model/people';

/** An invitation or an application as shown. */
interface RequestRow {
  key: string;
  groupId: string;
  /** The inviter of an invitation, the applicant of an application. */
  userId: string;
  title: string;
  description: string;
  state: '' | 'accepted' | 'declined';
  stateText: string;
}

type Kind = 'invitations' | 'applications';
/** Notices that change these lists. */
const KINDS = new Set(['invited', 'inviteAccepted', 'inviteDeclined', 'applied', 'applyAccepted', 'applyDeclined', 'joined']);

definePage<{ im: ImService; gid: string; offs: Array<() => void>; reloader: Reloader }>()({
  data: {
    t: {} as Dictionary,
    invitations: [] as RequestRow[],
    applications: [] as RequestRow[],
    showInvitations: true,
    loaded: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      this.reloader = new Reloader(() => this.load());
      this.setData({ t: this.im.t, showInvitations: !this.gid });
      wx.setNavigationBarTitle({ title: this.im.t.groups.requestsTitle });
      this.offs = [this.im.client.on('groupNotice', (e) => KINDS.has(e.kind) && this.reloader.run())];
      this.reloader.run();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async load() {
      const client = this.im.client;
      const t = this.im.t;
      try {
        const invitations = this.gid ? [] : (await client.groups.invitations()).filter((i) => i.status === 'pending');
        const adminOf = await adminGroups(client, this.gid);
        const applications = adminOf.length ? (await client.groups.applications(adminOf.map((g) => g.groupId))).filter((a) => a.status === 'pending') : [];
        const users = await profiles(client, [...invitations.map((i) => i.inviterId), ...applications.map((a) => a.applicantId)]);
        const names = new Map(adminOf.map((g) => [g.groupId, g.name || g.groupId]));
        for (const i of invitations) if (!names.has(i.groupId)) names.set(i.groupId, await groupName(client, i.groupId));
        const blank = { state: '' as const, stateText: '' };
        this.setData({
          invitations: invitations.map((i): RequestRow => ({
            key: `inv-${i.groupId}-${i.inviterId}`, groupId: i.groupId, userId: i.inviterId, title: names.get(i.groupId) ?? i.groupId,
            description: fill(t.groups.invitedBy, { name: nameOf(i.inviterId, users) }), ...blank,
          })),
          applications: applications.map((a): RequestRow => ({
            key: `app-${a.groupId}-${a.applicantId}`, groupId: a.groupId, userId: a.applicantId, title: nameOf(a.applicantId, users),
            description: `${names.get(a.groupId) ?? a.groupId}${a.reason ? ` · ${fill(t.groups.appliedWith, { reason: a.reason })}` : ''}`, ...blank,
          })),
          loaded: true,
        });
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
      }
    },
    async onHandle(e: WechatMiniprogram.CustomEvent) {
      const { kind, index, accept } = e.currentTarget.dataset as { kind: Kind; index: number; accept: boolean };
      const row = this.data[kind][index];
      if (!row || row.state) return;
      const t = this.im.t;
      const groups = this.im.client.groups;
      try {
        if (kind === 'invitations') await groups.handleInvitation(row.groupId, row.userId, accept);
        else await groups.handleApplication(row.groupId, row.userId, accept);
        this.setData({ [`${kind}[${index}].state`]: accept ? 'accepted' : 'declined', [`${kind}[${index}].stateText`]: accept ? t.groups.accepted : t.groups.declined });
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
        this.reloader.run();
      }
    },
  },
});

/** The groups whose applications the user handles: `gid` alone, or every joined group the user administers. */
async function adminGroups(client: FlooClient, gid: string): Promise<GroupInfo[]> {
  const candidates = gid ? [await client.groups.info(gid)] : await client.groups.joined({ refresh: true });
  const roles = await Promise.all(candidates.map((g) => roleIn(client, g.groupId, g.ownerId)));
  return candidates.filter((_, i) => roles[i] !== 'member');
}

/** A group's name for an invitation (the user is not a member yet; the id when it cannot be read). */
async function groupName(client: FlooClient, gid: string): Promise<string> {
  try {
    const g = await client.groups.info(gid);
    return g.name || gid;
  } catch {
    return gid;
  }
}

// Members of a group (subpackage "groups"), a page at a time. Admins manage the members below them
// from an action sheet: remove, mute for an hour or unmute, add to the group blocklist; the owner also
// grants and revokes admin and hands the group over.
import type { GroupMember, GroupRole } from 'floo-miniprogram';
import { fill, type Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { Reloader } from '../../model/notices';
import { personRow, profiles, rank, roleIn, type PersonRow } from '../../model/people';

const PAGE_SIZE = 20;
/** The mute of the action sheet: an hour. */
const BAN_MINUTES = 60;

type Action = 'kick' | 'ban' | 'unban' | 'block' | 'makeAdmin' | 'removeAdmin' | 'transfer';
/** Actions that ask first. */
const CONFIRMED: Partial<Record<Action, 'kickConfirm' | 'blockConfirm' | 'transferConfirm'>> = { kick: 'kickConfirm', block: 'blockConfirm', transfer: 'transferConfirm' };

interface Fields {
  im: ImService;
  gid: string;
  offs: Array<() => void>;
  reloader: Reloader;
  members: GroupMember[];
  next?: string;
  myRole: GroupRole;
  /** The member the sheet is about, and the actions it offers. */
  target?: PersonRow;
  actions: Action[];
  pending?: Action;
}

definePage<Fields>()({
  data: {
    t: {} as Dictionary,
    rows: [] as PersonRow[],
    hasMore: false,
    loaded: false,
    loading: false,
    sheet: { visible: false, title: '', items: [] as Array<{ label: string }> },
    confirm: { visible: false, content: '' },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      this.members = [];
      this.actions = [];
      this.myRole = 'member';
      this.reloader = new Reloader(() => this.reload());
      this.setData({ t: this.im.t });
      wx.setNavigationBarTitle({ title: this.im.t.groups.membersTitle });
      // Any change of the group may change roles, bans or who is in it (the info page handles a group gone).
      this.offs = [this.im.client.on('groupNotice', (e) => e.groupId === this.gid && e.kind !== 'destroyed' && this.reloader.run())];
      this.reloader.run();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    onReachBottom() {
      void this.onMore();
    },
    /** Reads the first page again (after a change) and the user's role. */
    async reload() {
      const client = this.im.client;
      try {
        const info = await client.groups.info(this.gid);
        this.myRole = await roleIn(client, this.gid, info.ownerId);
        this.members = [];
        this.next = undefined;
        await this.fetch(PAGE_SIZE);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    async onMore() {
      if (this.data.loading || !this.next) return;
      this.setData({ loading: true });
      try {
        await this.fetch(PAGE_SIZE, this.next);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      } finally {
        this.setData({ loading: false });
      }
    },
    async fetch(limit: number, cursor?: string) {
      const client = this.im.client;
      const page = await client.groups.members(this.gid, cursor ? { cursor, limit } : { limit });
      this.members = this.members.concat(page.members);
      this.next = page.next;
      const users = await profiles(client, this.members.map((m) => m.userId));
      const rows = this.members.map((m) => personRow(m.userId, users, this.im.t, m));
      this.setData({ rows, hasMore: page.next !== undefined, loaded: true });
    },
    onMember(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      const target = this.data.rows.find((r) => r.id === id);
      if (!target || id === this.im.userId || rank(this.myRole) <= rank(target.role)) return;
      const actions: Action[] = ['kick', target.banned ? 'unban' : 'ban', 'block'];
      if (this.myRole === 'owner') actions.push(target.role === 'admin' ? 'removeAdmin' : 'makeAdmin', 'transfer');
      this.target = target;
      this.actions = actions;
      const g = this.im.t.groups;
      const labels: Record<Action, string> = {
        kick: g.actionKick, ban: g.actionBan, unban: g.actionUnban, block: g.actionBlock,
        makeAdmin: g.actionMakeAdmin, removeAdmin: g.actionRemoveAdmin, transfer: g.actionTransfer,
      };
      this.setData({ sheet: { visible: true, title: target.name, items: actions.map((a) => ({ label: labels[a] })) } });
    },
    onSheetClose() {
      this.setData({ 'sheet.visible': false });
    },
    onAction(e: WechatMiniprogram.CustomEvent<{ index: number }>) {
      const action = this.actions[e.detail.index];
      this.setData({ 'sheet.visible': false });
      const target = this.target;
      if (!action || !target) return;
      const ask = CONFIRMED[action];
      if (ask) {
        this.pending = action;
        this.setData({ confirm: { visible: true, content: fill(this.im.t.groups[ask], { name: target.name }) } });
      } else {
        void this.run(action, target.id);
      }
    },
    onDialogCancel() {
      this.pending = undefined;
      this.setData({ 'confirm.visible': false });
    },
    onConfirm() {
      const action = this.pending;
      this.pending = undefined;
      this.setData({ 'confirm.visible': false });
      if (action && this.target) void this.run(action, this.target.id);
    },
    async run(action: Action, userId: string) {
      const groups = this.im.client.groups;
      const gid = this.gid;
      const calls: Record<Action, () => Promise<unknown>> = {
        kick: () => groups.kick(gid, [userId]),
        ban: () => groups.ban(gid, [userId], BAN_MINUTES),
        unban: () => groups.unban(gid, [userId]),
        block: () => groups.block(gid, [userId]),
        makeAdmin: () => groups.addAdmins(gid, [userId]),
        removeAdmin: () => groups.removeAdmins(gid, [userId]),
        transfer: () => groups.transfer(gid, userId),
      };
      try {
        await calls[action]();
        wx.showToast({ title: this.im.t.groups.done, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      this.reloader.run();
    },
  },
});

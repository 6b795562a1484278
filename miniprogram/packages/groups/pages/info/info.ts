// Group information (subpackage "groups"): the group, its first members, the latest announcement,
// the user's own name and message settings; for admins the group settings, ban-all, requests and
// the blocklist; leave or (owner) destroy. Follows the group's notices while open.
import type { ApplyApproval, GroupNoticeEvent } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { emptyInfoView, GRID_SIZE, infoOptions, infoView, type Option, type SwitchKey } from '../../model/info-view';
import { AFTER_GONE, goneReason, Reloader } from '../../model/notices';
import { codeOf, groupPage, profiles, roleIn } from '../../model/people';

type EditField = 'name' | 'description' | 'displayName';

interface Fields {
  im: ImService;
  gid: string;
  offs: Array<() => void>;
  reloader: Reloader;
  /** The group is gone for this user (left, kicked, destroyed): nothing more to do here. */
  gone: boolean;
  /** What the confirm dialog will do. */
  pending: 'leave' | 'destroy' | '';
  shown: boolean;
}

definePage<Fields>()({
  data: {
    t: {} as Dictionary,
    loaded: false,
    /** The user is no longer in the group: the page empties while it closes. */
    gone: false,
    ...emptyInfoView(),
    approvalOptions: [] as Array<Option<ApplyApproval>>,
    muteOptions: [] as Array<Option<number>>,
    confirm: { visible: false, content: '' },
    edit: { visible: false, field: '' as EditField | '', title: '', value: '' },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      this.gone = false;
      this.pending = '';
      this.shown = false;
      this.reloader = new Reloader(() => this.load());
      const t = this.im.t;
      this.setData({ t, ...infoOptions(t) });
      wx.setNavigationBarTitle({ title: t.groups.infoTitle });
      this.offs = [this.im.client.on('groupNotice', (e) => this.onNotice(e))];
      this.reloader.run();
    },
    onShow() {
      // Back from the members, invite or announcement pages: show what changed there.
      if (this.shown && !this.gone) this.reloader.run();
      this.shown = true;
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    onNotice(e: GroupNoticeEvent) {
      if (e.groupId !== this.gid || this.gone) return;
      const why = goneReason(e, this.im.userId, this.im.t);
      if (why) this.leavePage(why);
      else this.reloader.run();
    },
    async load() {
      if (this.gone) return;
      const client = this.im.client;
      const groups = client.groups;
      try {
        const [info, page, settings] = await Promise.all([groups.info(this.gid, { refresh: true }), groups.members(this.gid), groups.settings(this.gid)]);
        const role = await roleIn(client, this.gid, info.ownerId);
        const announcements = await groups.announcements(this.gid).catch(() => []);
        const latest = announcements.slice().sort((a, b) => b.createdAt - a.createdAt)[0];
        const me = client.userId ?? '';
        const users = await profiles(client, [...page.members.slice(0, GRID_SIZE).map((m) => m.userId), me]);
        if (this.gone) return;
        const view = infoView({ info, members: page.members, settings, role, users, announcement: latest ? `${latest.title}: ${latest.content}` : '', me }, this.im.t);
        this.setData({ ...view, loaded: true });
      } catch (err) {
        const code = codeOf(err);
        if (code === 'GroupNotExist') this.leavePage(this.im.t.groups.destroyed);
        else if (code === 'GroupNotMemberFound' || code === 'GroupMemberPermissionRequired') this.leavePage(this.im.t.groups.kicked);
        else wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    leavePage(why: string) {
      this.gone = true;
      this.setData({ gone: true });
      wx.showToast({ title: why, icon: 'none' });
      wx.switchTab({ url: AFTER_GONE });
    },
    /** Runs an SDK call; a refusal is shown and the page re-read (a switch flipped in vain flips back). */
    async act(work: () => Promise<unknown>, done?: string) {
      try {
        await work();
        if (done) wx.showToast({ title: done, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      this.reloader.run();
    },
    onSwitch(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const key = (e.currentTarget.dataset as { key: SwitchKey }).key;
      const index = this.data.switches.findIndex((s) => s.key === key);
      if (index >= 0) this.setData({ [`switches[${index}].value`]: e.detail.value });
      void this.act(() => this.im.client.groups.updateSettings(this.gid, { [key]: e.detail.value }));
    },
    onApproval(e: WechatMiniprogram.CustomEvent<{ value: ApplyApproval }>) {
      this.setData({ approval: e.detail.value });
      void this.act(() => this.im.client.groups.updateSettings(this.gid, { applyApproval: e.detail.value }));
    },
    onBanAll(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const groups = this.im.client.groups;
      this.setData({ banAll: e.detail.value });
      void this.act(() => (e.detail.value ? groups.banAll(this.gid, -1) : groups.unbanAll(this.gid)));
    },
    onMuteMode(e: WechatMiniprogram.CustomEvent<{ value: 0 | 1 | 2 }>) {
      this.setData({ muteMode: e.detail.value });
      void this.act(() => this.im.client.groups.setMuteMode(this.gid, e.detail.value));
    },
    onDoNotDisturb(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ doNotDisturb: e.detail.value });
      void this.act(() => this.im.client.groups.setDoNotDisturb(this.gid, e.detail.value));
    },
    onEdit(e: WechatMiniprogram.CustomEvent) {
      const field = (e.currentTarget.dataset as { field: EditField }).field;
      if (field !== 'displayName' && !this.data.canEdit) return;
      const t = this.im.t.groups;
      const title = field === 'name' ? t.editName : field === 'description' ? t.editDescription : t.editDisplayName;
      const value = field === 'displayName' ? this.data.displayName : this.data.group[field];
      this.setData({ edit: { visible: true, field, title, value } });
    },
    onEditInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'edit.value': e.detail.value });
    },
    onEditSave() {
      const { field, value } = this.data.edit;
      this.setData({ 'edit.visible': false });
      const groups = this.im.client.groups;
      if (field === 'displayName') void this.act(() => groups.setDisplayName(this.gid, value.trim()), this.im.t.groups.saved);
      else if (field) void this.act(() => groups.update(this.gid, { [field]: value.trim() }), this.im.t.groups.saved);
    },
    onLeave() {
      this.pending = 'leave';
      this.setData({ confirm: { visible: true, content: this.im.t.groups.leaveConfirm } });
    },
    onDestroy() {
      this.pending = 'destroy';
      this.setData({ confirm: { visible: true, content: this.im.t.groups.destroyConfirm } });
    },
    onDialogCancel() {
      this.pending = '';
      this.setData({ 'confirm.visible': false, 'edit.visible': false });
    },
    async onConfirm() {
      const what = this.pending;
      this.pending = '';
      this.setData({ 'confirm.visible': false });
      if (!what) return;
      const t = this.im.t;
      try {
        if (what === 'destroy') await this.im.client.groups.destroy(this.gid);
        else await this.im.client.groups.leave(this.gid);
        if (!this.gone) this.leavePage(what === 'destroy' ? t.groups.destroyed : t.groups.left);
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
      }
    },
    onMembers() {
      wx.navigateTo({ url: groupPage('members', this.gid) });
    },
    onInvite() {
      wx.navigateTo({ url: groupPage('invite', this.gid) });
    },
    onAnnouncements() {
      wx.navigateTo({ url: groupPage('announcements', this.gid) });
    },
    onRequests() {
      wx.navigateTo({ url: groupPage('requests', this.gid) });
    },
    onBlocklist() {
      wx.navigateTo({ url: groupPage('blocklist', this.gid) });
    },
  },
});

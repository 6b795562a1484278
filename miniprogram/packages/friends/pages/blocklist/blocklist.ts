// Blocklist: the users the user blocked, each with Unblock; follows block and unblock notices (also
// those of the user's other devices).
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { initial } from '../../../../utils/format';
import { isEmptyPatch, listPatch } from '../../../../utils/list-patch';
import { friendsError } from '../../model/errors';

interface BlockedRow {
  key: string;
  id: string;
  name: string;
  avatar: string;
  initial: string;
}

definePage<{ im: ImService; ids: string[]; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    users: [] as BlockedRow[],
    loaded: false,
    busy: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.ids = [];
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.friends.blocklist.title });
      this.offs = [
        this.im.client.on('rosterNotice', (e) => { if (e.kind === 'blocked' || e.kind === 'unblocked') void this.load(); }),
        this.im.directory.onChange(() => this.render()),
      ];
      void this.load();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async load() {
      try {
        this.ids = await this.im.client.roster.blocklist();
        this.render();
        if (await this.im.directory.ensure(this.ids.map((id) => ({ type: 'user' as const, id })))) this.render();
        if (!this.data.loaded) this.setData({ loaded: true });
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    render() {
      const rows = this.ids.map((id): BlockedRow => {
        const d = this.im.directory.get({ type: 'user', id });
        return { key: `user-${id}`, id, name: d.name, avatar: d.avatar, initial: initial(d.name) };
      });
      const patch = listPatch('users', this.data.users, rows);
      if (!isEmptyPatch(patch)) this.setData(patch);
    },
    async onUnblock(e: WechatMiniprogram.CustomEvent) {
      const id = String(e.currentTarget.dataset.id);
      if (this.data.busy) return;
      this.setData({ busy: id });
      try {
        await this.im.client.roster.unblock(id);
        wx.showToast({ title: this.im.t.friends.detail.unblocked, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
      await this.load();
      this.setData({ busy: '' });
    },
    onOpen(e: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({ url: `/packages/friends/pages/detail/detail?id=${String(e.currentTarget.dataset.id)}` });
    },
  },
});

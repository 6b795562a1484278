// A group's blocklist (subpackage "groups", admins): who may not join again; unblock from here.
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { personRow, profiles, type PersonRow } from '../../model/people';

definePage<{ im: ImService; gid: string }>()({
  data: {
    t: {} as Dictionary,
    rows: [] as PersonRow[],
    loaded: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      this.setData({ t: this.im.t });
      wx.setNavigationBarTitle({ title: this.im.t.groups.blocklistTitle });
      void this.load();
    },
    async load() {
      const client = this.im.client;
      try {
        const ids = await client.groups.blocklist(this.gid);
        const users = await profiles(client, ids);
        this.setData({ rows: ids.map((id) => personRow(id, users, this.im.t)), loaded: true });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    async onUnblock(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      try {
        await this.im.client.groups.unblock(this.gid, [id]);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      await this.load();
    },
  },
});

// Invite friends into a group (subpackage "groups"): the friends not in it yet, with checkboxes.
import { fill, type Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { initial } from '../../../../utils/format';

/** A friend to pick. */
interface PickRow {
  key: string;
  id: string;
  name: string;
  avatar: string;
  initial: string;
  checked: boolean;
}

definePage<{ im: ImService; gid: string }>()({
  data: {
    t: {} as Dictionary,
    friends: [] as PickRow[],
    picked: 0,
    sendText: '',
    loaded: false,
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      const t = this.im.t;
      this.setData({ t, sendText: fill(t.groups.sendInvite, { n: 0 }) });
      wx.setNavigationBarTitle({ title: t.groups.inviteTitle });
      void this.load();
    },
    async load() {
      const client = this.im.client;
      try {
        const members = new Set<string>();
        let cursor: string | undefined;
        do {
          const page = await client.groups.members(this.gid, cursor ? { cursor } : {});
          for (const m of page.members) members.add(m.userId);
          cursor = page.next;
        } while (cursor);
        const friends = (await client.roster.friends()).filter((f) => !members.has(f.userId));
        const rows = friends.map((f): PickRow => {
          const name = f.alias || f.nickName || f.username || f.userId;
          return { key: `f-${f.userId}`, id: f.userId, name, avatar: f.avatar, initial: initial(name), checked: false };
        });
        this.setData({ friends: rows, loaded: true });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    onToggle(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      const index = this.data.friends.findIndex((f) => f.id === id);
      if (index < 0) return;
      const checked = !this.data.friends[index].checked;
      const picked = this.data.picked + (checked ? 1 : -1);
      this.setData({ [`friends[${index}].checked`]: checked, picked, sendText: fill(this.im.t.groups.sendInvite, { n: picked }) });
    },
    async onInvite() {
      const ids = this.data.friends.filter((f) => f.checked).map((f) => f.id);
      if (!ids.length || this.data.busy) return;
      const t = this.im.t;
      this.setData({ busy: true });
      try {
        const results = await this.im.client.groups.invite(this.gid, ids);
        const count = (r: string) => results.filter((x) => x.result === r).length;
        wx.showToast({ title: fill(t.groups.inviteResult, { joined: count('joined'), invited: count('invited'), refused: count('refused') }), icon: 'none' });
        wx.navigateBack();
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});

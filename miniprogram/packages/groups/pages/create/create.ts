// Create a group (subpackage "groups"): a name, private or public, friends picked from the roster;
// then the new group's chat replaces this page.
import type { GroupType } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { initial } from '../../../../utils/format';
import { chatUrl } from '../../../../utils/tabs';

/** A friend to pick. */
interface PickRow {
  key: string;
  id: string;
  name: string;
  avatar: string;
  initial: string;
  checked: boolean;
}

definePage<{ im: ImService }>()({
  data: {
    t: {} as Dictionary,
    name: '',
    type: 'private' as GroupType,
    typeOptions: [] as Array<{ label: string; value: GroupType }>,
    friends: [] as PickRow[],
    loaded: false,
    busy: false,
  },
  methods: {
    onLoad() {
      this.im = imService();
      const t = this.im.t;
      this.setData({ t, typeOptions: [{ label: t.groups.typePrivate, value: 'private' }, { label: t.groups.typePublic, value: 'public' }] });
      wx.setNavigationBarTitle({ title: t.groups.createTitle });
      void this.load();
    },
    async load() {
      try {
        const friends = await this.im.client.roster.friends();
        const rows = friends.map((f): PickRow => {
          const name = f.alias || f.nickName || f.username || f.userId;
          return { key: `f-${f.userId}`, id: f.userId, name, avatar: f.avatar, initial: initial(name), checked: false };
        });
        this.setData({ friends: rows, loaded: true });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: e.detail.value });
    },
    onType(e: WechatMiniprogram.CustomEvent<{ value: GroupType }>) {
      this.setData({ type: e.detail.value });
    },
    onToggle(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      const index = this.data.friends.findIndex((f) => f.id === id);
      if (index >= 0) this.setData({ [`friends[${index}].checked`]: !this.data.friends[index].checked });
    },
    async onCreate() {
      const t = this.im.t;
      const name = this.data.name.trim();
      if (!name) {
        wx.showToast({ title: t.groups.nameMissing, icon: 'none' });
        return;
      }
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        const members = this.data.friends.filter((f) => f.checked).map((f) => f.id);
        const group = await this.im.client.groups.create({ name, type: this.data.type, members });
        wx.redirectTo({ url: chatUrl('group', group.groupId, group.name) });
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});

// Edit profile: the user's nickname, avatar URL and description.
import type { OwnProfile, ProfileUpdate } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { initial } from '../../../../utils/format';
import { friendsError } from '../../model/errors';

/** The editable fields, as the form holds them. */
const FIELDS = ['nickName', 'avatar', 'description'] as const;

definePage<{ im: ImService; profile: OwnProfile | undefined }>()({
  data: {
    t: {} as Dictionary,
    loaded: false,
    username: '',
    initial: '',
    nickName: '',
    avatar: '',
    description: '',
    dirty: false,
    saving: false,
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.profile = undefined;
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.friends.edit.title });
      void this.load();
    },
    async load() {
      try {
        this.show(await this.im.client.users.profile());
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    show(p: OwnProfile) {
      this.profile = p;
      this.setData({
        loaded: true, username: p.username, initial: initial(p.nickName || p.username),
        nickName: p.nickName, avatar: p.avatar, description: p.description, dirty: false,
      });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = String(e.currentTarget.dataset.field);
      this.setData({ [field]: e.detail.value });
      this.checkDirty();
    },
    changes(): ProfileUpdate {
      const p = this.profile;
      const update: ProfileUpdate = {};
      if (!p) return update;
      for (const f of FIELDS) {
        const value = this.data[f].trim();
        if (value !== p[f]) update[f] = value;
      }
      return update;
    },
    checkDirty() {
      const dirty = Object.keys(this.changes()).length > 0;
      if (dirty !== this.data.dirty) this.setData({ dirty });
    },
    async onSave() {
      const update = this.changes();
      if (!Object.keys(update).length || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const updated = await this.im.client.users.updateProfile(update);
        this.im.directory.remember([updated]);
        this.show(updated);
        wx.showToast({ title: this.im.t.friends.edit.saved, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
      this.setData({ saving: false });
    },
  },
});

// The user's own profile (third tab): nickname and avatar URL, language, server, log out.
import type { OwnProfile } from 'floo-miniprogram';
import type { Dictionary, Lang } from '../../i18n/index';
import type { ImService } from '../../services/im';
import { LOGIN_PAGE } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError, serverLabel } from '../../utils/errors';
import { initial } from '../../utils/format';
import { applyTabTexts } from '../../utils/tabs';

definePage<{ im: ImService; profile: OwnProfile | undefined }>()({
  data: {
    t: {} as Dictionary,
    lang: 'zh' as Lang,
    userId: '',
    username: '',
    displayName: '',
    avatar: '',
    initial: '',
    nickName: '',
    avatarInput: '',
    dirty: false,
    saving: false,
    server: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.profile = undefined;
      this.setData({ userId: this.im.userId ?? '', server: serverLabel(this.im.settings) });
      void this.load();
    },
    onShow() {
      const t = this.im.t;
      this.setData({ t, lang: this.im.settings.lang });
      wx.setNavigationBarTitle({ title: t.profile.title });
      applyTabTexts(t);
      this.im.refreshTabBadge();
    },
    async load() {
      try {
        this.show(await this.im.client.contacts.profile());
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    show(p: OwnProfile) {
      this.profile = p;
      const name = p.nickName || p.username;
      this.setData({
        userId: p.userId, username: p.username, displayName: name, avatar: p.avatar, initial: initial(name),
        nickName: p.nickName, avatarInput: p.avatar, dirty: false,
      });
    },
    onNickName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ nickName: e.detail.value });
      this.checkDirty();
    },
    onAvatar(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ avatarInput: e.detail.value });
      this.checkDirty();
    },
    checkDirty() {
      const p = this.profile;
      const dirty = !!p && (this.data.nickName !== p.nickName || this.data.avatarInput !== p.avatar);
      if (dirty !== this.data.dirty) this.setData({ dirty });
    },
    async onSave() {
      if (!this.data.dirty || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const updated = await this.im.client.contacts.updateProfile({ nickName: this.data.nickName.trim(), avatar: this.data.avatarInput.trim() });
        this.im.directory.remember([updated]);
        this.show(updated);
        wx.showToast({ title: this.im.t.profile.saved, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      this.setData({ saving: false });
    },
    async onLanguage() {
      const lang: Lang = this.im.settings.lang === 'zh' ? 'en' : 'zh';
      await this.im.updateSettings({ ...this.im.settings, lang });
      this.onShow();
    },
    onSettings() {
      wx.navigateTo({ url: '/pages/settings/settings' });
    },
    async onLogout() {
      try {
        await this.im.logout();
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      wx.reLaunch({ url: LOGIN_PAGE });
    },
  },
});

// The user's own profile (third tab): who the user is, the ways to edit the profile and the account
// settings (friends subpackage), language, server, log out.
import type { OwnProfile } from 'floo-miniprogram';
import type { Dictionary, Lang } from '../../i18n/index';
import type { ImService } from '../../services/im';
import { LOGIN_PAGE } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError, serverLabel } from '../../utils/errors';
import { initial } from '../../utils/format';
import { applyTabTexts } from '../../utils/tabs';

/** Where the entries lead. */
const ENTRIES: Record<string, string> = {
  edit: '/packages/friends/pages/edit/edit',
  account: '/packages/friends/pages/account/account',
  settings: '/pages/settings/settings',
};

definePage<{ im: ImService; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    lang: 'zh' as Lang,
    userId: '',
    username: '',
    displayName: '',
    description: '',
    avatar: '',
    initial: '',
    server: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.setData({ userId: this.im.userId ?? '', server: serverLabel(this.im.settings) });
      // A profile change made on another device.
      this.offs = [this.im.client.on('userNotice', (e) => { if (e.kind === 'infoUpdated') void this.load(); })];
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    onShow() {
      const t = this.im.t;
      this.setData({ t, lang: this.im.settings.lang });
      wx.setNavigationBarTitle({ title: t.profile.title });
      applyTabTexts(t);
      this.im.refreshTabBadge();
      // Back from the edit page, the profile may have changed.
      void this.load();
    },
    async load() {
      if (!this.im.userId) return;
      try {
        this.show(await this.im.client.users.profile());
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    show(p: OwnProfile) {
      const name = p.nickName || p.username;
      this.setData({ userId: p.userId, username: p.username, displayName: name, description: p.description, avatar: p.avatar, initial: initial(name) });
    },
    async onLanguage() {
      const lang: Lang = this.im.settings.lang === 'zh' ? 'en' : 'zh';
      await this.im.updateSettings({ ...this.im.settings, lang });
      this.onShow();
    },
    onEntry(e: WechatMiniprogram.CustomEvent) {
      const url = ENTRIES[String(e.currentTarget.dataset.entry)];
      if (url) wx.navigateTo({ url });
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

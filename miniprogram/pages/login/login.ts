// Log in with a user name and password. A session saved by an earlier run is resumed first (App.onLaunch
// started it), so a returning user goes straight to the conversation list.
import type { ImService } from '../../services/im';
import { HOME_PAGE } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError, serverLabel } from '../../utils/errors';

definePage<{ im: ImService }>()({
  data: {
    t: {} as ImService['t'],
    resuming: true,
    username: '',
    password: '',
    busy: false,
    error: '',
    server: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.refreshText();
      void this.im.ready.then((resumed) => {
        if (resumed) wx.switchTab({ url: HOME_PAGE });
        else this.setData({ resuming: false });
      });
    },
    onShow() {
      // Back from the settings page: language or server may have changed.
      if (this.im) this.refreshText();
    },
    onUnload() {
      // The password is only ever in this form; drop it with the page.
      this.setData({ password: '' });
    },
    refreshText() {
      const t = this.im.t;
      this.setData({ t, server: serverLabel(this.im.settings) });
      wx.setNavigationBarTitle({ title: t.login.title });
    },
    onUsername(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ username: e.detail.value, error: '' });
    },
    onPassword(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ password: e.detail.value, error: '' });
    },
    async onSubmit() {
      const { username, password, busy } = this.data;
      if (busy) return;
      if (!username.trim() || !password) {
        this.setData({ error: this.im.t.login.missing });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        await this.im.login(username.trim(), password);
        this.setData({ busy: false, password: '' });
        wx.switchTab({ url: HOME_PAGE });
      } catch (err) {
        this.setData({ busy: false, error: describeError(err, this.im.t) });
      }
    },
    onRegister() {
      wx.navigateTo({ url: '/pages/register/register' });
    },
    onSettings() {
      wx.navigateTo({ url: '/pages/settings/settings' });
    },
  },
});

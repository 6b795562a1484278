// Create an account, then log in with it.
import type { ImService } from '../../services/im';
import { HOME_PAGE } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError } from '../../utils/errors';

definePage<{ im: ImService }>()({
  data: {
    t: {} as ImService['t'],
    username: '',
    password: '',
    confirm: '',
    busy: false,
    error: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.setData({ t: this.im.t });
      wx.setNavigationBarTitle({ title: this.im.t.register.title });
    },
    onUnload() {
      this.setData({ password: '', confirm: '' });
    },
    onUsername(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ username: e.detail.value, error: '' });
    },
    onPassword(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ password: e.detail.value, error: '' });
    },
    onConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ confirm: e.detail.value, error: '' });
    },
    async onSubmit() {
      const { username, password, confirm, busy } = this.data;
      const t = this.im.t;
      if (busy) return;
      if (!username.trim() || !password) {
        this.setData({ error: t.login.missing });
        return;
      }
      if (password !== confirm) {
        this.setData({ error: t.register.mismatch });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        await this.im.register(username.trim(), password);
        this.setData({ busy: false, password: '', confirm: '' });
        wx.switchTab({ url: HOME_PAGE });
      } catch (err) {
        this.setData({ busy: false, error: describeError(err, t) });
      }
    },
  },
});

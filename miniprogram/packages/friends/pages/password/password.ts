// Change password: the current one and the new one twice. The passwords live in this page's data only
// until it closes; on success the user stays logged in here (other devices are logged out).
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { friendsError } from '../../model/errors';

definePage<{ im: ImService }>()({
  data: {
    t: {} as Dictionary,
    oldPassword: '',
    newPassword: '',
    confirm: '',
    busy: false,
    error: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.friends.password.title });
    },
    onUnload() {
      this.setData({ oldPassword: '', newPassword: '', confirm: '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ [String(e.currentTarget.dataset.field)]: e.detail.value, error: '' });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const t = this.im.t.friends.password;
      const { oldPassword, newPassword, confirm } = this.data;
      const error = !oldPassword || !newPassword || !confirm ? t.missing
        : newPassword !== confirm ? t.mismatch
        : newPassword === oldPassword ? t.same : '';
      if (error) {
        this.setData({ error });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        await this.im.client.users.changePassword(oldPassword, newPassword);
        this.setData({ oldPassword: '', newPassword: '', confirm: '' });
        wx.showToast({ title: t.done, icon: 'success' });
        wx.navigateBack({ fail: () => undefined });
      } catch (err) {
        this.setData({ error: friendsError(err, this.im.t) });
      }
      this.setData({ busy: false });
    },
  },
});

// Account settings: how friend requests are handled (anyone, confirm, a question, refuse all),
// group-invitation confirmation, do not disturb, the devices logged in (log one out), and the way to
// the change-password form.
import type { Device, FriendVerification, UserSettings, UserSettingsUpdate } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { listTime } from '../../../../utils/format';
import { friendsError } from '../../model/errors';

const MODES: FriendVerification[] = ['anyone', 'confirm', 'question', 'refuseAll'];

interface DeviceRow {
  key: string;
  sn: number;
  title: string;
  description: string;
  current: boolean;
  online: boolean;
}

definePage<{ im: ImService; settings: UserSettings | undefined }>()({
  data: {
    t: {} as Dictionary,
    loaded: false,
    modes: [] as Array<{ value: FriendVerification; label: string }>,
    /** The mode shown as chosen; `question` may be chosen but not saved until it has its question. */
    mode: 'confirm' as FriendVerification,
    question: '',
    answer: '',
    groupConfirm: false,
    doNotDisturb: false,
    devices: [] as DeviceRow[],
    saving: false,
    error: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.settings = undefined;
      const t = this.im.t;
      this.setData({ t, modes: MODES.map((value) => ({ value, label: t.friends.account.modes[value] })) });
      wx.setNavigationBarTitle({ title: t.friends.account.title });
      void this.load();
    },
    async load() {
      try {
        const [settings] = await Promise.all([this.im.client.users.settings(), this.loadDevices()]);
        this.show(settings);
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    show(s: UserSettings) {
      this.settings = s;
      this.setData({
        loaded: true, mode: s.friendVerification, question: s.verificationQuestion, answer: '',
        groupConfirm: s.groupInviteConfirm, doNotDisturb: s.doNotDisturb,
      });
    },
    async loadDevices() {
      const t = this.im.t.friends.account;
      const devices: Device[] = await this.im.client.users.devices();
      // This device first, then the online ones.
      devices.sort((a, b) => Number(b.current) - Number(a.current) || Number(b.online) - Number(a.online) || b.lastLoginAt - a.lastLoginAt);
      const now = Date.now();
      this.setData({
        devices: devices.map((d): DeviceRow => ({
          key: `device-${d.sn}`, sn: d.sn, current: d.current, online: d.online,
          title: d.info ? `${d.platform} · ${d.info}` : d.platform || String(d.sn),
          description: `${d.current ? t.current : d.online ? t.online : t.offline} · ${listTime(d.lastLoginAt, now, this.im.t)}`,
        })),
      });
    },
    async save(update: UserSettingsUpdate) {
      this.setData({ saving: true, error: '' });
      try {
        this.show(await this.im.client.users.updateSettings(update));
        wx.showToast({ title: this.im.t.friends.account.saved, icon: 'success' });
      } catch (err) {
        this.setData({ error: friendsError(err, this.im.t) });
        if (this.settings) this.show(this.settings);
      }
      this.setData({ saving: false });
    },
    async onMode(e: WechatMiniprogram.CustomEvent) {
      const mode = e.currentTarget.dataset.mode as FriendVerification;
      if (this.data.saving) return;
      // A question needs its text and answer first (saved by onSaveQuestion).
      if (mode === 'question') {
        this.setData({ mode, error: '' });
        return;
      }
      if (mode === this.settings?.friendVerification) {
        this.setData({ mode });
        return;
      }
      this.setData({ mode });
      await this.save({ friendVerification: mode });
    },
    onQuestion(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ question: e.detail.value, error: '' });
    },
    onAnswer(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ answer: e.detail.value, error: '' });
    },
    async onSaveQuestion() {
      const question = this.data.question.trim();
      const answer = this.data.answer.trim();
      if (!question || !answer) {
        this.setData({ error: this.im.t.friends.account.questionMissing });
        return;
      }
      await this.save({ friendVerification: 'question', verificationQuestion: question, verificationAnswer: answer });
    },
    async onGroupConfirm(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ groupConfirm: e.detail.value });
      await this.save({ groupInviteConfirm: e.detail.value });
    },
    async onDoNotDisturb(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ doNotDisturb: e.detail.value });
      await this.save({ doNotDisturb: e.detail.value });
    },
    async onKick(e: WechatMiniprogram.CustomEvent) {
      const sn = Number(e.currentTarget.dataset.sn);
      try {
        await this.im.client.users.kickDevice(sn);
        wx.showToast({ title: this.im.t.friends.account.kicked, icon: 'success' });
        await this.loadDevices();
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    onPassword() {
      wx.navigateTo({ url: '/packages/friends/pages/password/password' });
    },
  },
});

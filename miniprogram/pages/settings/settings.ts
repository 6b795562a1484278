// Which server the demo talks to (app id and discovery URL, remembered across runs) and the language.
import { dictionary, LANGS, type Lang } from '../../i18n/index';
import type { ImService } from '../../services/im';
import { DEFAULT_SETTINGS, settingsProblem } from '../../services/settings';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError } from '../../utils/errors';

definePage<{ im: ImService }>()({
  data: {
    t: {} as ImService['t'],
    appId: '',
    dnsServer: '',
    lang: 'zh' as Lang,
    langs: LANGS.map((value) => ({ value, label: dictionary(value).languages[value] })),
    /** Server fields are read-only while logged in: the client is bound to its server. */
    locked: false,
    error: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      const s = this.im.settings;
      this.setData({ appId: s.appId, dnsServer: s.dnsServer, lang: s.lang, locked: !!this.im.userId });
      this.showText(s.lang);
    },
    showText(lang: Lang) {
      const t = dictionary(lang);
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.settings.title });
    },
    onAppId(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ appId: e.detail.value, error: '' });
    },
    onDnsServer(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ dnsServer: e.detail.value, error: '' });
    },
    onLang(e: WechatMiniprogram.TouchEvent) {
      const lang = e.currentTarget.dataset.lang as Lang;
      this.setData({ lang });
      this.showText(lang);
    },
    onReset() {
      this.setData({ appId: DEFAULT_SETTINGS.appId, dnsServer: DEFAULT_SETTINGS.dnsServer, error: '' });
    },
    async onSave() {
      const next = { appId: this.data.appId, dnsServer: this.data.dnsServer, lang: this.data.lang };
      const problem = settingsProblem(next);
      if (problem) {
        this.setData({ error: this.data.t.settings[problem] });
        return;
      }
      try {
        await this.im.updateSettings(next);
      } catch (err) {
        this.setData({ error: describeError(err, this.data.t) });
        return;
      }
      wx.showToast({ title: this.data.t.settings.saved, icon: 'success' });
      wx.navigateBack();
    },
  },
});

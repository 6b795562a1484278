// Contacts (second tab): the user's groups and friends from the server; tap one to chat.
import type { GroupInfo, UserProfile } from 'floo-miniprogram';
import { fill, type Dictionary, type Lang } from '../../i18n/index';
import { groupDisplay, userDisplay } from '../../services/directory';
import type { ImService } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { describeError } from '../../utils/errors';
import { initial } from '../../utils/format';
import { listPatch, isEmptyPatch } from '../../utils/list-patch';
import { applyTabTexts, chatUrl } from '../../utils/tabs';

/** A row of either list. */
interface ContactRow {
  key: string;
  id: string;
  name: string;
  description: string;
  avatar: string;
  initial: string;
}

definePage<{ im: ImService; lang: Lang; friends: UserProfile[]; groups: GroupInfo[] }>()({
  data: {
    t: {} as Dictionary,
    friends: [] as ContactRow[],
    groups: [] as ContactRow[],
    loaded: false,
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.friends = [];
      this.groups = [];
      this.lang = this.im.settings.lang;
      this.setData({ t: this.im.t });
      void this.load();
    },
    onShow() {
      const t = this.im.t;
      // Back from the profile tab, the language may have changed.
      if (this.lang !== this.im.settings.lang) {
        this.lang = this.im.settings.lang;
        this.setData({ t });
        this.render();
      }
      wx.setNavigationBarTitle({ title: t.contacts.title });
      applyTabTexts(t);
      this.im.refreshTabBadge();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      if (!this.im.userId) return;
      try {
        const contacts = this.im.client.contacts;
        const [friends, groups] = await Promise.all([contacts.friends(), contacts.groups()]);
        this.friends = friends;
        this.groups = groups;
        // The conversation list and chat pages show the same names.
        this.im.directory.remember(friends, groups);
        this.render();
        if (!this.data.loaded) this.setData({ loaded: true });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    render() {
      const t = this.data.t;
      const friends = this.friends.map((u): ContactRow => {
        const d = userDisplay(u);
        return { key: `user-${u.userId}`, id: u.userId, name: d.name, description: u.username, avatar: d.avatar, initial: initial(d.name) };
      });
      const groups = this.groups.map((g): ContactRow => {
        const d = groupDisplay(g);
        return { key: `group-${g.groupId}`, id: g.groupId, name: d.name, description: fill(t.contacts.members, { n: g.memberCount }), avatar: d.avatar, initial: initial(d.name) };
      });
      const patch = { ...listPatch('friends', this.data.friends, friends), ...listPatch('groups', this.data.groups, groups) };
      if (!isEmptyPatch(patch)) this.setData(patch);
    },
    onOpen(e: WechatMiniprogram.CustomEvent) {
      const { type, id, name } = e.currentTarget.dataset as { type: 'user' | 'group'; id: string; name: string };
      wx.navigateTo({ url: chatUrl(type, id, name) });
    },
  },
});

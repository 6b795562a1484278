// Contacts (second tab): entries to new friends (with the number of pending requests), add friend,
// blocklist, create and join group; then the user's groups (tap: group chat) and friends (tap: the
// friend's detail page). Follows roster and group notices.
import type { Friend, GroupInfo, GroupNoticeEvent, RosterNoticeEvent } from 'floo-miniprogram';
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

/** Where the entries lead (the group pages are in the `groups` subpackage). */
const ENTRIES: Record<string, string> = {
  requests: '/packages/friends/pages/requests/requests',
  add: '/packages/friends/pages/add/add',
  blocklist: '/packages/friends/pages/blocklist/blocklist',
  createGroup: '/packages/groups/pages/create/create',
  joinGroup: '/packages/groups/pages/join/join',
};

/** Roster notices that change the friend list (the others change at most the requests). */
const FRIEND_CHANGES: Array<RosterNoticeEvent['kind']> = ['added', 'accepted', 'removed', 'infoUpdated'];
/** Group notices that change the group list or a group's row. */
const GROUP_CHANGES: Array<GroupNoticeEvent['kind']> = ['created', 'destroyed', 'joined', 'left', 'kicked', 'blocked', 'infoUpdated', 'applyAccepted', 'inviteAccepted'];

definePage<{ im: ImService; lang: Lang; friends: Friend[]; groups: GroupInfo[]; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    friends: [] as ContactRow[],
    groups: [] as ContactRow[],
    /** Incoming friend requests waiting for an answer. */
    pending: 0,
    loaded: false,
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.friends = [];
      this.groups = [];
      this.lang = this.im.settings.lang;
      this.setData({ t: this.im.t });
      const client = this.im.client;
      this.offs = [
        client.on('rosterNotice', (e) => {
          if (FRIEND_CHANGES.includes(e.kind)) void this.loadFriends(true);
          void this.loadPending();
        }),
        client.on('groupNotice', (e) => {
          if (GROUP_CHANGES.includes(e.kind)) void this.loadGroups(true);
        }),
      ];
      void this.load();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
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
      // Requests may have been handled on the requests page.
      if (this.data.loaded) void this.loadPending();
    },
    async onPullDownRefresh() {
      await this.load(true);
      wx.stopPullDownRefresh();
    },
    async load(refresh = false) {
      if (!this.im.userId) return;
      await Promise.all([this.loadFriends(refresh), this.loadGroups(refresh), this.loadPending()]);
      if (!this.data.loaded) this.setData({ loaded: true });
    },
    async loadFriends(refresh: boolean) {
      await this.guard(async () => {
        this.friends = await this.im.client.roster.friends({ refresh });
        // The conversation list and chat pages show the same names.
        this.im.directory.remember(this.friends);
        this.render();
      });
    },
    async loadGroups(refresh: boolean) {
      await this.guard(async () => {
        this.groups = await this.im.client.groups.joined({ refresh });
        this.im.directory.remember([], this.groups);
        this.render();
      });
    },
    async loadPending() {
      await this.guard(async () => {
        const applications = await this.im.client.roster.applications();
        const pending = applications.filter((a) => a.direction === 'incoming' && a.status === 'pending').length;
        if (pending !== this.data.pending) this.setData({ pending });
      });
    },
    async guard(work: () => Promise<void>) {
      if (!this.im.userId) return;
      try {
        await work();
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
    onEntry(e: WechatMiniprogram.CustomEvent) {
      const url = ENTRIES[String(e.currentTarget.dataset.entry)];
      if (url) wx.navigateTo({ url });
    },
    onGroup(e: WechatMiniprogram.CustomEvent) {
      const { id, name } = e.currentTarget.dataset as { id: string; name: string };
      wx.navigateTo({ url: chatUrl('group', id, name) });
    },
    onFriend(e: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({ url: `/packages/friends/pages/detail/detail?id=${String(e.currentTarget.dataset.id)}` });
    },
  },
});

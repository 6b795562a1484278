// The conversation list (first tab). It is always derived from the SDK's local list; each SDK event
// re-derives it and sends the view only the rows and fields that changed (utils/list-patch).
import type { Conversation, ConnectionState } from 'floo-miniprogram';
import type { ConversationRow } from '../../components/conversation-item/conversation-item';
import type { Dictionary, Lang } from '../../i18n/index';
import type { ImService } from '../../services/im';
import { imService } from '../../utils/app';
import { definePage } from '../../utils/define-page';
import { fill } from '../../i18n/index';
import { describeError } from '../../utils/errors';
import { initial, listTime, preview } from '../../utils/format';
import { listPatch, isEmptyPatch } from '../../utils/list-patch';
import { applyTabTexts, chatUrl } from '../../utils/tabs';

type Ref = { type: 'user' | 'group'; id: string; name?: string };

definePage<{ im: ImService; lang: Lang; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    items: [] as ConversationRow[],
    /** False until the first render, so that the empty state does not flash. */
    loaded: false,
    banner: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      const client = this.im.client;
      this.lang = this.im.settings.lang;
      this.setData({ t: this.im.t });
      this.offs = [
        client.on('conversationUpdate', () => this.render()),
        client.on('conversationDelete', () => this.render()),
        client.on('ready', () => this.render()),
        client.on('connectionStateChange', ({ current }) => this.showConnection(current)),
      ];
      this.showConnection(client.state);
      this.render();
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
      wx.setNavigationBarTitle({ title: t.conversations.title });
      applyTabTexts(t);
      this.im.refreshTabBadge();
    },
    async onPullDownRefresh() {
      try {
        if (this.im.userId) await this.im.directory.ensure(this.refs(this.im.client.conversations.list()), true);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      this.render();
      wx.stopPullDownRefresh();
    },
    render() {
      if (!this.im.userId) return;
      const conversations = this.im.client.conversations.list();
      const now = Date.now();
      const items = conversations.map((c) => this.row(c, now));
      const patch = listPatch('items', this.data.items, items);
      if (!this.data.loaded) patch.loaded = true;
      if (!isEmptyPatch(patch)) this.setData(patch);
      const unknown = this.refs(conversations).filter((r) => !this.im.directory.has(r));
      if (unknown.length) {
        this.im.directory.ensure(unknown).then((learnt) => learnt && this.render(), () => undefined);
      }
    },
    row(c: Conversation, now: number): ConversationRow {
      const { directory } = this.im;
      const t = this.data.t;
      const who = directory.get(c.ref);
      const last = c.lastMessage;
      const author = last ? directory.get({ type: 'user', id: last.from }).name : '';
      let text = preview(last, t);
      if (last && last.recalled) text = last.isOwn ? t.chat.recalledByMe : fill(t.chat.recalledBy, { name: author });
      // In a group, say who wrote the last message.
      else if (last && c.ref.type === 'group' && !last.isOwn) text = `${author}: ${text}`;
      return {
        key: `${c.ref.type}-${c.ref.id}`,
        type: c.ref.type,
        id: c.ref.id,
        name: who.name,
        avatar: who.avatar,
        initial: initial(who.name),
        preview: text,
        time: listTime(last?.timestamp ?? c.updatedAt, now, t),
        unread: c.unread,
        mention: c.mentioned ? t.chat.mentioned : '',
        markLabel: c.unread > 0 ? t.chat.markRead : t.chat.markUnread,
      };
    },
    /** The users and groups a list shows: peers, groups, and the authors of group previews. */
    refs(conversations: Conversation[]): Ref[] {
      const refs: Ref[] = [];
      for (const c of conversations) {
        refs.push(c.ref);
        if (c.ref.type === 'group' && c.lastMessage && !c.lastMessage.isOwn) refs.push({ type: 'user', id: c.lastMessage.from });
      }
      return refs;
    },
    showConnection(state: ConnectionState) {
      const t = this.data.t;
      const banner = state === 'connected' || state === 'idle' ? ''
        : state === 'connecting' || state === 'authenticating' ? t.conversations.connecting
          : t.conversations.offline;
      if (banner !== this.data.banner) this.setData({ banner });
    },
    onOpen(e: WechatMiniprogram.CustomEvent<Ref>) {
      const { type, id } = e.detail;
      wx.navigateTo({ url: chatUrl(type, id, e.detail.name ?? id) });
    },
    /** The swipe action: mark unread (READ_CANCEL to own devices), or read when something is unread. */
    async onMark(e: WechatMiniprogram.CustomEvent<Ref>) {
      const ref = { type: e.detail.type, id: e.detail.id };
      const conversations = this.im.client.conversations;
      try {
        if ((conversations.get(ref)?.unread ?? 0) > 0) await conversations.markRead(ref);
        else await conversations.markUnread(ref);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    async onRemove(e: WechatMiniprogram.CustomEvent<Ref>) {
      const { type, id } = e.detail;
      try {
        await this.im.client.conversations.delete({ type, id });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
  },
});

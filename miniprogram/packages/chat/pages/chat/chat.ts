// A 1:1 or group chat (subpackage "chat"): local messages first, older ones from the server on pull
// down, new ones live; own messages go sending → sent or failed (tap to send again).
import type { ConversationRef, Message } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { chatTime, initial } from '../../../../utils/format';
import { MessageList, type Drawn, type ListData, type Patch } from '../../model/message-list';

/** A separator is drawn above a message sent this long after the previous one. */
const SEPARATOR_GAP_MS = 5 * 60 * 1000;
const PAGE_SIZE = 20;

interface Fields {
  im: ImService;
  ref: ConversationRef;
  list: MessageList;
  offs: Array<() => void>;
  visible: boolean;
}

definePage<Fields>()({
  data: {
    t: {} as Dictionary,
    blocks: [] as ListData['blocks'],
    order: [] as number[],
    hasMore: true,
    loadingOlder: false,
    anchor: '',
    isGroup: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.ref = { type: query.type === 'group' ? 'group' : 'user', id: query.id ?? '' };
      this.visible = true;
      this.list = new MessageList((m, previous) => this.draw(m, previous));
      this.setData({ t: this.im.t, isGroup: this.ref.type === 'group' });
      const title = query.name ? safeDecode(query.name) : this.im.directory.get(this.ref).name;
      wx.setNavigationBarTitle({ title });
      const client = this.im.client;
      const mine = (m: Message) => m.conversation.type === this.ref.type && m.conversation.id === this.ref.id;
      this.offs = [
        client.on('message', (m) => {
          if (!mine(m)) return;
          this.apply(this.list.append(m), true);
          this.nameSenders();
          if (this.visible) this.markRead();
        }),
        client.on('messageStatus', ({ message }) => {
          if (mine(message)) this.apply(message.status === 'sending' ? this.list.append(message) : this.list.update(message), message.status === 'sending');
        }),
      ];
      void this.open();
    },
    onShow() {
      this.visible = true;
    },
    onHide() {
      this.visible = false;
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async open() {
      const local = await this.im.client.messages.local(this.ref);
      this.apply(this.list.reset(local), true);
      this.markRead();
      this.nameSenders();
      // Nothing stored yet (a new device, or a deleted conversation): fetch the newest page.
      if (!local.length) await this.onLoadOlder();
    },
    draw(m: Message, previous: Message | undefined): Drawn {
      const who = this.im.directory.get({ type: 'user', id: m.from });
      const separate = !previous || m.timestamp - previous.timestamp > SEPARATOR_GAP_MS;
      return {
        id: m.id,
        own: m.isOwn,
        text: m.kind === 'text' ? m.content : `[${m.kind}] ${m.content}`,
        status: m.status,
        timestamp: m.timestamp,
        time: separate ? chatTime(m.timestamp, Date.now(), this.data.t) : '',
        name: who.name,
        avatar: who.avatar,
        initial: initial(who.name),
        showName: this.ref.type === 'group' && !m.isOwn,
      };
    },
    /** Sends a patch to the view; `scroll` brings the newest message into view. */
    apply(patch: Patch, scroll: boolean) {
      const key = scroll ? this.list.newestKey() : undefined;
      if (key) patch.anchor = `b-${key}`;
      if (Object.keys(patch).length) this.setData(patch);
    },
    markRead() {
      const c = this.im.client.conversations.get(this.ref);
      if (c && c.unread > 0) this.im.client.conversations.markRead(this.ref).catch(() => undefined);
    },
    /** Looks up the names of senders not known yet, then redraws the names that changed. */
    nameSenders() {
      const unknown = this.list.senders().map((id) => ({ type: 'user' as const, id })).filter((r) => !this.im.directory.has(r));
      if (!unknown.length) return;
      this.im.directory.ensure(unknown).then((learnt) => learnt && this.apply(this.list.redraw(), false), () => undefined);
    },
    async onLoadOlder() {
      if (this.data.loadingOlder || !this.data.hasMore) return;
      this.setData({ loadingOlder: true });
      try {
        const before = this.list.oldestId();
        const page = await this.im.client.messages.history(this.ref, before ? { before, limit: PAGE_SIZE } : { limit: PAGE_SIZE });
        // The first page of an empty chat is the newest: show it and scroll down. Later pages go above.
        const first = this.list.all().length === 0;
        const patch = first ? this.list.reset(page.messages) : this.list.prepend(page.messages);
        patch.hasMore = page.next !== undefined;
        patch.loadingOlder = false;
        this.apply(patch, first);
        this.nameSenders();
      } catch (err) {
        this.setData({ loadingOlder: false });
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    /** The group's information page (subpackage "groups"). */
    onGroupInfo() {
      wx.navigateTo({ url: `/packages/groups/pages/info/info?id=${this.ref.id}` });
    },
    async onSend(e: WechatMiniprogram.CustomEvent<{ text: string }>) {
      await this.send(e.detail.text);
    },
    async onRetry(e: WechatMiniprogram.CustomEvent<{ key: string }>) {
      const failed = this.list.message(e.detail.key);
      if (!failed) return;
      this.apply(this.list.hide(e.detail.key), false);
      try {
        // The SDK drops the failed copy (also from storage) and sends the content again.
        await this.im.client.messages.resend(failed);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'InvalidParam' || code === 'UserNotLogin') wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    async send(text: string) {
      if (!text.trim()) return;
      try {
        // The bubble appears through the `messageStatus` events (sending, then sent or failed).
        await this.im.client.messages.sendText(this.ref, text);
      } catch (err) {
        const code = (err as { code?: string }).code;
        // A refusal by the server already shows as a failed bubble; anything else gets a toast.
        if (code === 'InvalidParam' || code === 'UserNotLogin') wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
  },
});

/** Query values arrive URI-encoded (chatUrl encodes the name); a stray `%` must not break the page. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

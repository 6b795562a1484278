// Forwarding a message (subpackage "chat"): the recent conversations, then friends without one; a tap
// sends a copy there (`messages.forward`: files get a URL the target may read) and goes back.
import type { ConversationRef, Message } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { initial } from '../../../../utils/format';

/** A target row. */
interface Target {
  key: string;
  type: 'user' | 'group';
  id: string;
  name: string;
  avatar: string;
  initial: string;
}

definePage<{ im: ImService; message?: Message }>()({
  data: {
    t: {} as Dictionary,
    recent: [] as Target[],
    friends: [] as Target[],
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.chat.forwardTitle });
      void this.load({ type: query.type === 'group' ? 'group' : 'user', id: query.id ?? '' }, query.mid ?? '');
    },
    async load(from: ConversationRef, mid: string) {
      const client = this.im.client;
      try {
        this.message = (await client.messages.local(from)).find((m) => m.id === mid);
        const conversations = client.conversations.list().map((c) => c.ref);
        const friends = (await client.roster.friends()).map((f) => ({ type: 'user' as const, id: f.userId }))
          .filter((f) => !conversations.some((c) => c.type === 'user' && c.id === f.id));
        await this.im.directory.ensure([...conversations, ...friends]);
        this.setData({ recent: conversations.map((r) => this.target(r)), friends: friends.map((r) => this.target(r)) });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    target(ref: ConversationRef): Target {
      const who = this.im.directory.get(ref);
      return { key: `${ref.type}-${ref.id}`, type: ref.type, id: ref.id, name: who.name, avatar: who.avatar, initial: initial(who.name) };
    },
    async onPick(e: WechatMiniprogram.BaseEvent) {
      const { type, id } = e.currentTarget.dataset as { type: 'user' | 'group'; id: string };
      if (!this.message || this.data.busy) return;
      this.setData({ busy: true });
      try {
        await this.im.client.messages.forward(this.message, { type, id });
        wx.showToast({ title: this.data.t.chat.forwarded, icon: 'success' });
        wx.navigateBack({ delta: 1 });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});

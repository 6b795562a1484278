// A 1:1 or group chat (subpackage "chat"): local messages first, older ones from the server on pull
// down, new ones live; own messages go sending → sent (→ read in 1:1) or failed (tap to send again).
// Images, voice, video, files and places are sent from the input's panel and voice mode; a tap on a
// bubble opens it (model/open), a long press offers copy, recall, delete, forward, @ and edit
// (model/actions). The title says when the peer is typing.
import type { ConversationRef, Message } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { actionsFor, recallRefusal, type ActionId } from '../../model/actions';
import { mentionRows, sendMedia, sendPickedFile, sendPlace, sendVoice, type MemberRow, type PickedFile, type PickedMedia, type PickedPlace } from '../../model/compose';
import { drawMessage } from '../../model/draw';
import { MessageList, type ListData, type Patch } from '../../model/message-list';
import { fileUrl, openFile, openPlace, previewImages, previewVideo, VoicePlayer } from '../../model/open';
import type { Voice } from '../../model/voice';

const PAGE_SIZE = 20;
/** The typing indicator goes away this long after the last `typing` (the SDK repeats it every 3 s). */
const TYPING_SHOWN_MS = 6000;

interface Fields {
  im: ImService;
  ref: ConversationRef;
  title: string;
  list: MessageList;
  offs: Array<() => void>;
  visible: boolean;
  player: VoicePlayer;
  /** Upload progress (0–100) of own files being sent, by client message id. */
  progress: Map<string, number>;
  /** Others' voice messages already acknowledged as played. */
  played: Set<string>;
  typingTimer?: ReturnType<typeof setTimeout>;
  /** 'typing' was sent and not yet ended with 'nothing'. */
  typingSent: boolean;
  /** The own message being edited in the input. */
  editing?: Message;
}

type Detail<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<T>;

definePage<Fields>()({
  data: {
    t: {} as Dictionary,
    blocks: [] as ListData['blocks'],
    order: [] as number[],
    hasMore: true,
    loadingOlder: false,
    anchor: '',
    isGroup: false,
    /** The key of the voice message playing. */
    playing: '',
    typing: false,
    /** The @ member picker. */
    picking: false,
    members: [] as MemberRow[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.ref = { type: query.type === 'group' ? 'group' : 'user', id: query.id ?? '' };
      this.visible = true;
      this.progress = new Map();
      this.played = new Set();
      this.player = new VoicePlayer((playing) => this.setData({ playing }));
      this.list = new MessageList((m, previous) => drawMessage(m, previous, {
        t: this.data.t, isGroup: this.ref.type === 'group',
        who: (id) => this.im.directory.get({ type: 'user', id }),
        fileUrl: (url, thumb) => fileUrl(this.im.client, url, thumb),
        progress: (x) => (x.clientMid ? this.progress.get(x.clientMid) ?? 0 : undefined),
      }));
      this.setData({ t: this.im.t, isGroup: this.ref.type === 'group' });
      this.title = query.name ? safeDecode(query.name) : this.im.directory.get(this.ref).name;
      wx.setNavigationBarTitle({ title: this.title });
      const client = this.im.client;
      const mine = (m: Message) => m.conversation.type === this.ref.type && m.conversation.id === this.ref.id;
      const redraw = ({ message }: { message: Message }) => mine(message) && this.apply(this.list.update(message), false);
      this.offs = [
        client.on('message', (m) => {
          if (!mine(m)) return;
          // A message from the peer ends their typing.
          if (!m.isOwn && this.data.typing) this.showTyping(false);
          this.apply(this.list.append(m), true);
          this.nameSenders();
          if (this.visible) this.markRead();
        }),
        client.on('messageStatus', ({ message }) => {
          if (mine(message)) this.apply(message.status === 'sending' ? this.list.append(message) : this.list.update(message), message.status === 'sending');
        }),
        client.on('messageProgress', ({ message, loaded, total }) => {
          if (!mine(message) || !message.clientMid) return;
          this.progress.set(message.clientMid, total > 0 ? Math.min(100, Math.floor((loaded * 100) / total)) : 0);
          this.apply(this.list.update(message), false);
        }),
        client.on('messageRecall', redraw),
        client.on('messageEdit', redraw),
        client.on('messageDelete', ({ message }) => mine(message) && this.apply(this.list.hideMessage(message), false)),
        client.on('typing', (e) => {
          if (e.conversation.type === this.ref.type && e.conversation.id === this.ref.id && e.from !== client.userId) this.showTyping(e.state === 'typing');
        }),
      ];
      void this.open();
    },
    onShow() {
      this.visible = true;
      this.markRead();
    },
    onHide() {
      this.visible = false;
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
      this.player.destroy();
      if (this.typingTimer) clearTimeout(this.typingTimer);
      this.onIdle();
    },
    async open() {
      const local = await this.im.client.messages.local(this.ref);
      this.apply(this.list.reset(local), true);
      this.markRead();
      this.nameSenders();
      // Nothing stored yet (a new device, or a deleted conversation): fetch the newest page.
      if (!local.length) await this.onLoadOlder();
    },
    /** Sends a patch to the view; `scroll` brings the newest message into view. */
    apply(patch: Patch, scroll: boolean) {
      const key = scroll ? this.list.newestKey() : undefined;
      if (key) patch.anchor = `b-${key}`;
      if (Object.keys(patch).length) this.setData(patch);
    },
    markRead() {
      const c = this.im.client.conversations.get(this.ref);
      if (c && (c.unread > 0 || c.mentioned)) this.im.client.conversations.markRead(this.ref).catch(() => undefined);
    },
    /** Looks up the names of senders not known yet, then redraws the names that changed. */
    nameSenders() {
      const unknown = this.list.senders().map((id) => ({ type: 'user' as const, id })).filter((r) => !this.im.directory.has(r));
      if (!unknown.length) return;
      this.im.directory.ensure(unknown).then((learnt) => learnt && this.apply(this.list.redraw(), false), () => undefined);
    },
    showTyping(on: boolean) {
      if (this.typingTimer) clearTimeout(this.typingTimer);
      this.typingTimer = on ? setTimeout(() => this.showTyping(false), TYPING_SHOWN_MS) : undefined;
      if (on === this.data.typing) return;
      this.setData({ typing: on });
      wx.setNavigationBarTitle({ title: on ? this.data.t.chat.typing : this.title });
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
        this.toast(err);
      }
    },
    toast(err: unknown) {
      wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
    },
    /** The group's information page (subpackage "groups"). */
    onGroupInfo() {
      wx.navigateTo({ url: `/packages/groups/pages/info/info?id=${this.ref.id}` });
    },
    /** Runs a send; a refusal by the server shows as a failed bubble, anything else as a toast. */
    async sending(send: () => Promise<unknown>) {
      try {
        await send();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'InvalidParam' || code === 'UserNotLogin' || code === 'InvalidArgument') this.toast(err);
      }
    },
    async onSend(e: Detail<{ text: string; mentions?: string[] | 'all'; edit?: boolean }>) {
      const { text, mentions, edit } = e.detail;
      if (!text.trim()) return;
      this.onIdle();
      const editing = this.editing;
      this.editing = undefined;
      if (edit && editing) {
        try {
          this.apply(this.list.update(await this.im.client.messages.edit(editing, text)), false);
        } catch (err) {
          this.toast(err);
        }
        return;
      }
      // The bubble appears through the `messageStatus` events (sending, then sent or failed).
      await this.sending(() => this.im.client.messages.send(mentions ? { to: this.ref, kind: 'text', content: text, mentions } : { to: this.ref, kind: 'text', content: text }));
    },
    onEditCancel() {
      this.editing = undefined;
    },
    /** Text is being typed (1:1 only; the SDK sends it at most every 3 s). */
    onTyping() {
      if (this.ref.type !== 'user') return;
      this.typingSent = true;
      this.im.client.messages.typing(this.ref, 'typing');
    },
    /** The field was left, emptied or sent: the peer's indicator goes away. */
    onIdle() {
      if (!this.typingSent) return;
      this.typingSent = false;
      this.im.client.messages.typing(this.ref, 'nothing');
    },
    async onMedia(e: Detail<PickedMedia>) {
      await this.sending(() => sendMedia(this.im.client, this.ref, e.detail));
    },
    async onFile(e: Detail<PickedFile>) {
      await this.sending(() => sendPickedFile(this.im.client, this.ref, e.detail));
    },
    async onVoice(e: Detail<Voice>) {
      await this.sending(() => sendVoice(this.im.client, this.ref, e.detail));
    },
    async onLocation(e: Detail<PickedPlace>) {
      await this.sending(() => sendPlace(this.im.client, this.ref, e.detail));
    },
    async onRetry(e: Detail<{ key: string }>) {
      const failed = this.list.message(e.detail.key);
      if (!failed) return;
      this.apply(this.list.hide(e.detail.key), false);
      // The SDK drops the failed copy (also from storage) and sends the content again (uploading files again).
      await this.sending(() => this.im.client.messages.resend(failed));
    },
    /** A tap on a bubble's content. */
    onOpen(e: Detail<{ key: string }>) {
      const m = this.list.message(e.detail.key);
      if (!m || m.recalled) return;
      const client = this.im.client;
      if (m.kind === 'image') previewImages(client, m, this.list.all());
      else if (m.kind === 'video') previewVideo(client, m);
      else if (m.kind === 'location') openPlace(m);
      else if (m.kind === 'file') void openFile(client, m, (err) => this.toast(err));
      else if (m.kind === 'audio') this.play(e.detail.key, m);
    },
    play(key: string, m: Message) {
      let url = '';
      try {
        url = fileUrl(this.im.client, (JSON.parse(m.attachment ?? '{}') as { url?: string }).url ?? '');
      } catch {
        // No attachment: nothing to play.
      }
      if (!url || !this.player.toggle(key, url) || m.isOwn || this.played.has(m.id)) return;
      this.played.add(m.id);
      this.im.client.messages.ackPlayed(m).catch(() => undefined);
    },
    /** A long press on a bubble: WeChat's action sheet with what the message allows. */
    onMenu(e: Detail<{ key: string }>) {
      const m = this.list.message(e.detail.key);
      if (!m) return;
      const actions = actionsFor(m, { isGroup: this.ref.type === 'group', now: Date.now(), t: this.data.t });
      if (!actions.length) return;
      wx.showActionSheet({
        itemList: actions.map((a) => a.label),
        success: ({ tapIndex }) => {
          const action = actions[tapIndex];
          if (action) void this.act(action.id, e.detail.key, m);
        },
        fail: () => undefined,
      });
    },
    async act(id: ActionId, key: string, m: Message) {
      const client = this.im.client;
      const input = this.selectComponent('#input') as unknown as { insertMention(id: string, name: string, replaceAt: boolean): void; startEdit(text: string): void };
      try {
        if (id === 'copy') wx.setClipboardData({ data: m.content });
        else if (id === 'recall') {
          await client.messages.recall(m);
          this.apply(this.list.update({ ...m, recalled: true }), false);
        } else if (id === 'delete') {
          await client.messages.deleteForMe(m);
          this.apply(this.list.hide(key), false);
        } else if (id === 'forward') {
          wx.navigateTo({ url: `/packages/chat/pages/forward/forward?type=${this.ref.type}&id=${this.ref.id}&mid=${m.id}` });
        } else if (id === 'mention') {
          input.insertMention(m.from, this.im.directory.get({ type: 'user', id: m.from }).name, false);
        } else if (id === 'cancel') {
          // The upload stops and the bubble turns failed (tap it to send again).
          client.messages.cancelSend(m);
        } else if (id === 'edit') {
          this.editing = m;
          input.startEdit(m.content);
        }
      } catch (err) {
        wx.showToast({ title: (id === 'recall' && recallRefusal(err, this.data.t)) || describeError(err, this.im.t), icon: 'none' });
      }
    },
    /** "@" typed in a group: the member picker, with everyone first. */
    async onMention() {
      try {
        this.setData({ picking: true, members: await mentionRows(this.im.client, this.im.directory, this.ref.id, this.data.t.chat.everyone) });
      } catch (err) {
        this.toast(err);
      }
    },
    onPickMember(e: WechatMiniprogram.BaseEvent) {
      const { id, name } = e.currentTarget.dataset as { id: string; name: string };
      this.setData({ picking: false });
      (this.selectComponent('#input') as unknown as { insertMention(id: string, name: string, replaceAt: boolean): void }).insertMention(id, name, true);
    },
    onClosePicker() {
      this.setData({ picking: false });
    },
    /** Taps inside the picker do not close it. */
    onNoop() {},
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

// New friends: friend requests received (accept or decline) and sent (with their status), updated
// live by roster notices.
import type { FriendApplication } from 'floo-miniprogram';
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { initial } from '../../../../utils/format';
import { isEmptyPatch, listPatch } from '../../../../utils/list-patch';
import { friendsError } from '../../model/errors';

/** A request as a row. */
interface RequestRow {
  key: string;
  id: string;
  name: string;
  avatar: string;
  initial: string;
  message: string;
  direction: 'incoming' | 'outgoing';
  status: 'pending' | 'accepted' | 'declined';
  /** Incoming and pending: the row has Accept and Decline. */
  actionable: boolean;
  statusText: string;
}

/** Roster notices that change the request list. */
const RELEVANT = ['applied', 'accepted', 'declined', 'added', 'removed'];

definePage<{ im: ImService; applications: FriendApplication[]; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    requests: [] as RequestRow[],
    loaded: false,
    /** The user whose request is being handled. */
    busy: '',
  },
  methods: {
    onLoad() {
      this.im = imService();
      this.applications = [];
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.friends.requests.title });
      this.offs = [
        this.im.client.on('rosterNotice', (e) => { if (RELEVANT.includes(e.kind)) void this.load(); }),
        this.im.directory.onChange(() => this.render()),
      ];
      void this.load();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      try {
        this.applications = await this.im.client.roster.applications();
        this.render();
        const refs = this.applications.map((a) => ({ type: 'user' as const, id: a.userId }));
        const learnt = await this.im.directory.ensure(refs);
        if (learnt) this.render();
        if (!this.data.loaded) this.setData({ loaded: true });
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    render() {
      const t = this.im.t;
      const rows = this.applications.map((a): RequestRow => {
        const d = this.im.directory.get({ type: 'user', id: a.userId });
        const actionable = a.direction === 'incoming' && a.status === 'pending';
        return {
          key: `${a.direction}-${a.userId}`, id: a.userId, name: d.name, avatar: d.avatar, initial: initial(d.name),
          message: a.message || (a.direction === 'incoming' ? t.friends.requests.noMessage : ''),
          direction: a.direction, status: a.status, actionable,
          statusText: `${a.direction === 'incoming' ? t.friends.requests.incoming : t.friends.requests.outgoing} · ${t.friends.requests[a.status]}`,
        };
      });
      const patch = listPatch('requests', this.data.requests, rows);
      if (!isEmptyPatch(patch)) this.setData(patch);
    },
    async onAccept(e: WechatMiniprogram.CustomEvent) {
      await this.handle(String(e.currentTarget.dataset.id), true);
    },
    async onDecline(e: WechatMiniprogram.CustomEvent) {
      await this.handle(String(e.currentTarget.dataset.id), false);
    },
    async handle(userId: string, accept: boolean) {
      if (this.data.busy) return;
      this.setData({ busy: userId });
      try {
        const roster = this.im.client.roster;
        if (accept) await roster.accept(userId);
        else await roster.decline(userId);
        await this.load();
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
      this.setData({ busy: '' });
    },
    onOpen(e: WechatMiniprogram.CustomEvent) {
      wx.navigateTo({ url: `/packages/friends/pages/detail/detail?id=${String(e.currentTarget.dataset.id)}` });
    },
  },
});

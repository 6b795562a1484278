// Announcements of a group (subpackage "groups"), newest first; admins publish and delete them.
import type { Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { listTime } from '../../../../utils/format';
import { Reloader } from '../../model/notices';
import { nameOf, profiles, roleIn } from '../../model/people';

/** An announcement as shown. */
interface Item {
  key: string;
  id: string;
  title: string;
  content: string;
  /** Author and date. */
  meta: string;
}

definePage<{ im: ImService; gid: string; offs: Array<() => void>; reloader: Reloader }>()({
  data: {
    t: {} as Dictionary,
    items: [] as Item[],
    isAdmin: false,
    loaded: false,
    title: '',
    content: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.gid = query.id ?? '';
      this.reloader = new Reloader(() => this.load());
      this.setData({ t: this.im.t });
      wx.setNavigationBarTitle({ title: this.im.t.groups.announcementsTitle });
      this.offs = [this.im.client.on('groupNotice', (e) => {
        if (e.groupId === this.gid && (e.kind === 'announcementUpdated' || e.kind === 'adminGranted' || e.kind === 'adminRevoked' || e.kind === 'ownerAssigned')) this.reloader.run();
      })];
      this.reloader.run();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async load() {
      const client = this.im.client;
      try {
        const [info, list] = await Promise.all([client.groups.info(this.gid), client.groups.announcements(this.gid)]);
        const role = await roleIn(client, this.gid, info.ownerId);
        const sorted = list.slice().sort((a, b) => b.createdAt - a.createdAt);
        const users = await profiles(client, sorted.map((a) => a.authorId));
        const now = Date.now();
        const items = sorted.map((a): Item => ({
          key: `a-${a.id}`, id: a.id, title: a.title, content: a.content,
          meta: `${nameOf(a.authorId, users)} · ${listTime(a.createdAt, now, this.im.t)}`,
        }));
        this.setData({ items, isAdmin: role !== 'member', loaded: true });
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
    },
    onTitle(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: e.detail.value });
    },
    onContent(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ content: e.detail.value });
    },
    async onPublish() {
      const t = this.im.t;
      const title = this.data.title.trim();
      const content = this.data.content.trim();
      if (!title || !content) {
        wx.showToast({ title: t.groups.announcementMissing, icon: 'none' });
        return;
      }
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        await this.im.client.groups.editAnnouncement(this.gid, { title, content });
        this.setData({ title: '', content: '' });
        wx.showToast({ title: t.groups.saved, icon: 'success' });
      } catch (err) {
        wx.showToast({ title: describeError(err, t), icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
      this.reloader.run();
    },
    async onDelete(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      try {
        await this.im.client.groups.deleteAnnouncement(this.gid, id);
      } catch (err) {
        wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      }
      this.reloader.run();
    },
  },
});

// Join a group by id (subpackage "groups"): look it up, then apply with a reason; the group either
// takes the user at once or the request waits for an admin.
import { fill, type Dictionary } from '../../../../i18n/index';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { describeError } from '../../../../utils/errors';
import { initial } from '../../../../utils/format';
import { chatUrl } from '../../../../utils/tabs';
import { codeOf, groupPage } from '../../model/people';

/** The group found, as shown. */
interface Preview {
  id: string;
  name: string;
  description: string;
  members: string;
  avatar: string;
  initial: string;
}

definePage<{ im: ImService }>()({
  data: {
    t: {} as Dictionary,
    gid: '',
    reason: '',
    preview: null as Preview | null,
    /** '' until applied; then 'joined' or 'pending'. */
    state: '' as '' | 'joined' | 'pending',
    looking: false,
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      this.setData({ t: this.im.t, gid: query.id ?? '' });
      wx.setNavigationBarTitle({ title: this.im.t.groups.joinTitle });
      if (query.id) void this.onLookup();
    },
    onId(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ gid: e.detail.value.trim(), preview: null, state: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    async onLookup() {
      const t = this.im.t;
      const gid = this.data.gid;
      if (!/^\d+$/.test(gid)) {
        wx.showToast({ title: t.groups.idInvalid, icon: 'none' });
        return;
      }
      this.setData({ looking: true });
      try {
        const g = await this.im.client.groups.info(gid, { refresh: true });
        const name = g.name || g.groupId;
        const preview: Preview = { id: g.groupId, name, description: g.description || `${t.groups.id}: ${g.groupId}`, members: fill(t.contacts.members, { n: g.memberCount }), avatar: g.avatar, initial: initial(name) };
        this.setData({ preview, state: '' });
      } catch (err) {
        const notFound = codeOf(err) === 'GroupNotExist';
        wx.showToast({ title: notFound ? t.groups.notFound : describeError(err, t), icon: 'none' });
        this.setData({ preview: null });
      } finally {
        this.setData({ looking: false });
      }
    },
    async onApply() {
      const preview = this.data.preview;
      if (!preview || this.data.busy) return;
      this.setData({ busy: true });
      try {
        const state = await this.im.client.groups.apply(preview.id, this.data.reason.trim() || undefined);
        this.setData({ state });
      } catch (err) {
        // Already a member counts as joined: the chat is the place to go.
        if (codeOf(err) === 'GroupMemberExist') this.setData({ state: 'joined' });
        else wx.showToast({ title: describeError(err, this.im.t), icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
    },
    onOpenChat() {
      const preview = this.data.preview;
      if (preview) wx.redirectTo({ url: chatUrl('group', preview.id, preview.name) });
    },
    onRequests() {
      wx.navigateTo({ url: groupPage('requests') });
    },
  },
});

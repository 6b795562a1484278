// Friend detail: a user's profile; for a friend the alias, "send message" and delete; block or
// unblock anyone. Follows roster notices about this user.
import type { Dictionary } from '../../../../i18n/index';
import { userDisplay } from '../../../../services/directory';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { initial } from '../../../../utils/format';
import { chatUrl } from '../../../../utils/tabs';
import { friendsError } from '../../model/errors';

definePage<{ im: ImService; offs: Array<() => void> }>()({
  data: {
    t: {} as Dictionary,
    id: '',
    self: false,
    loaded: false,
    name: '',
    nickName: '',
    username: '',
    avatar: '',
    initial: '',
    description: '',
    isFriend: false,
    /** The saved alias and the one being typed. */
    alias: '',
    aliasInput: '',
    blocked: false,
    /** The delete confirmation dialog is open. */
    confirmRemove: false,
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      const t = this.im.t;
      const id = query.id ?? '';
      this.setData({ t, id, self: id === this.im.userId });
      wx.setNavigationBarTitle({ title: t.friends.detail.title });
      this.offs = [
        this.im.client.on('rosterNotice', (e) => {
          if (e.from === id || e.to.includes(id)) void this.load();
        }),
      ];
      void this.load();
    },
    onUnload() {
      for (const off of this.offs.splice(0)) off();
    },
    async load() {
      const id = this.data.id;
      if (!id) return;
      try {
        const client = this.im.client;
        const [users, friends, blocked] = await Promise.all([
          client.users.get([id], { refresh: true }), client.roster.friends(), client.roster.blocklist(),
        ]);
        const user = users[0];
        const friend = friends.find((f) => f.userId === id);
        const person = friend ?? user;
        if (person) {
          const d = userDisplay(person);
          this.im.directory.remember([person]);
          this.setData({
            name: d.name, avatar: d.avatar, initial: initial(d.name), nickName: person.nickName, username: person.username,
            description: person.description,
          });
        }
        const alias = friend?.alias ?? '';
        this.setData({ isFriend: !!friend, alias, aliasInput: alias, blocked: blocked.includes(id), loaded: true });
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
    },
    onAliasInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ aliasInput: e.detail.value });
    },
    async onSaveAlias() {
      await this.act(async () => {
        await this.im.client.roster.setAlias(this.data.id, this.data.aliasInput.trim());
        wx.showToast({ title: this.im.t.friends.detail.aliasSaved, icon: 'success' });
      });
    },
    onSend() {
      wx.navigateTo({ url: chatUrl('user', this.data.id, this.data.name) });
    },
    onAdd() {
      wx.navigateTo({ url: `/packages/friends/pages/add/add?q=${this.data.id}` });
    },
    onRemove() {
      this.setData({ confirmRemove: true });
    },
    onRemoveCancel() {
      this.setData({ confirmRemove: false });
    },
    async onRemoveConfirm() {
      this.setData({ confirmRemove: false });
      await this.act(async () => {
        await this.im.client.roster.remove(this.data.id);
        wx.showToast({ title: this.im.t.friends.detail.removed, icon: 'success' });
      });
    },
    async onBlock() {
      const blocked = this.data.blocked;
      await this.act(async () => {
        const roster = this.im.client.roster;
        if (blocked) await roster.unblock(this.data.id);
        else await roster.block(this.data.id);
        const t = this.im.t.friends.detail;
        wx.showToast({ title: blocked ? t.unblocked : t.blocked, icon: 'success' });
      });
    },
    /** Runs one change at a time, then shows the state the server has. */
    async act(change: () => Promise<void>) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        await change();
      } catch (err) {
        wx.showToast({ title: friendsError(err, this.im.t), icon: 'none' });
      }
      await this.load();
      this.setData({ busy: false });
    },
  },
});

// Add friend: find a user by user name or id, then send a friend request with a message (and the
// answer, when the user asks a verification question).
import type { Dictionary } from '../../../../i18n/index';
import { userDisplay } from '../../../../services/directory';
import type { ImService } from '../../../../services/im';
import { imService } from '../../../../utils/app';
import { definePage } from '../../../../utils/define-page';
import { initial } from '../../../../utils/format';
import { chatUrl } from '../../../../utils/tabs';
import { codeOf, friendsError } from '../../model/errors';

/** The user found, as the card shows it. */
interface Found {
  id: string;
  name: string;
  username: string;
  avatar: string;
  initial: string;
  /** `self`: the user's own account; `friend`: already a friend. */
  relation: 'self' | 'friend' | 'stranger';
}

definePage<{ im: ImService }>()({
  data: {
    t: {} as Dictionary,
    query: '',
    searching: false,
    notFound: false,
    found: null as Found | null,
    message: '',
    answer: '',
    /** The server refused without the right answer: the user asks a question. */
    needAnswer: false,
    applying: false,
    /** What the request did: added at once, or waiting for the other user. */
    outcome: '' as '' | 'added' | 'pending',
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.im = imService();
      const t = this.im.t;
      this.setData({ t });
      wx.setNavigationBarTitle({ title: t.friends.add.title });
      const q = query.q ? decodeURIComponent(query.q) : '';
      if (q) {
        this.setData({ query: q });
        void this.onSearch();
      }
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onMessage(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ message: e.detail.value });
    },
    onAnswer(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ answer: e.detail.value, error: '' });
    },
    async onSearch() {
      const query = this.data.query.trim();
      if (!query || this.data.searching) return;
      this.setData({ searching: true, notFound: false, found: null, outcome: '', error: '', needAnswer: false, answer: '' });
      const client = this.im.client;
      try {
        const [user, friends] = await Promise.all([client.roster.search(query), client.roster.friends()]);
        if (!user) {
          this.setData({ notFound: true });
        } else {
          const friend = friends.find((f) => f.userId === user.userId);
          const d = userDisplay(friend ?? user);
          const relation = user.userId === this.im.userId ? 'self' : friend ? 'friend' : 'stranger';
          this.setData({ found: { id: user.userId, name: d.name, username: user.username, avatar: d.avatar, initial: initial(d.name), relation } });
        }
      } catch (err) {
        if (codeOf(err) === 'UserNotExist') this.setData({ notFound: true });
        else this.setData({ error: friendsError(err, this.im.t) });
      }
      this.setData({ searching: false });
    },
    async onApply() {
      const found = this.data.found;
      if (!found || found.relation !== 'stranger' || this.data.applying) return;
      const t = this.im.t;
      this.setData({ applying: true, error: '' });
      try {
        const message = this.data.message.trim();
        const answer = this.data.answer.trim();
        const outcome = await this.im.client.roster.apply(found.id, { ...(message ? { message } : {}), ...(answer ? { answer } : {}) });
        this.setData({ outcome, ...(outcome === 'added' ? { 'found.relation': 'friend' } : {}) });
        wx.showToast({ title: outcome === 'added' ? t.friends.add.added : t.friends.add.sent, icon: 'success' });
      } catch (err) {
        if (codeOf(err) === 'AnswerFailed') {
          // The first refusal says that there is a question; after that, the answer was wrong.
          this.setData({ error: this.data.needAnswer && this.data.answer ? t.friends.add.wrongAnswer : t.friends.add.answerHint, needAnswer: true });
        } else {
          this.setData({ error: friendsError(err, t) });
        }
      }
      this.setData({ applying: false });
    },
    onView() {
      const found = this.data.found;
      if (found) wx.navigateTo({ url: `/packages/friends/pages/detail/detail?id=${found.id}` });
    },
    onChat() {
      const found = this.data.found;
      if (found) wx.navigateTo({ url: chatUrl('user', found.id, found.name) });
    },
  },
});

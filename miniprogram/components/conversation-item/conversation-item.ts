// One row of the conversation list: avatar, name, last-message preview (after "[有人@我]" when the user
// was mentioned), time, unread badge; swipe left to reveal "mark unread / read" and "delete". The page
// owns the data; the row only reports taps (`open`, `mark`, `remove`).

/** The view model of a row (built by the conversation list page). */
export interface ConversationRow {
  key: string;
  type: 'user' | 'group';
  id: string;
  name: string;
  avatar: string;
  initial: string;
  preview: string;
  time: string;
  unread: number;
  /** The mention prefix ('' when the user was not mentioned). */
  mention?: string;
  /** The swipe action's label: mark unread, or mark read while there is something unread ('' for none). */
  markLabel?: string;
}

Component({
  properties: {
    item: { type: Object, value: {} },
    deleteText: { type: String, value: '' },
  },
  methods: {
    ref() {
      const { type, id, name } = this.data.item as ConversationRow;
      return { type, id, name };
    },
    onTap() {
      this.triggerEvent('open', this.ref());
    },
    onMark() {
      this.triggerEvent('mark', this.ref());
    },
    onDelete() {
      this.triggerEvent('remove', this.ref());
    },
  },
});

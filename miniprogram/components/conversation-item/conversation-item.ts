// One row of the conversation list: avatar, name, last-message preview, time, unread badge; swipe left
// to reveal "delete". The page owns the data; the row only reports taps (`open`, `remove`).

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
    onDelete() {
      this.triggerEvent('remove', this.ref());
    },
  },
});

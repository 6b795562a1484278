// One chat message: others' on the left, own on the right; own messages show a spinner while sending
// and a red mark when the server refused them, which asks the page (`retry`) to send the text again.
Component({
  properties: {
    /** A Bubble of model/message-list. */
    bubble: { type: Object, value: {} },
    failedText: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry', { key: (this.data.bubble as { key?: string }).key });
    },
  },
});

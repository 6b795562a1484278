// One chat message: others' on the left, own on the right, drawn by kind (text, image, voice, video,
// file, location card; a recalled message is a grey line in the middle). Own messages show a spinner
// while sending, upload progress for files, a red mark when refused (`retry` asks the page to send
// again), and under 1:1 messages "read" / "unread". A tap on the content asks the page to open it
// (`open`: preview, play, open the document or the map); a long press asks for the actions (`menu`).
Component({
  properties: {
    /** A Bubble of model/message-list. */
    bubble: { type: Object, value: {} },
    failedText: { type: String, value: '' },
    /** This voice message is playing. */
    playing: { type: Boolean, value: false },
  },
  methods: {
    key() {
      return (this.data.bubble as { key?: string }).key;
    },
    onRetry() {
      this.triggerEvent('retry', { key: this.key() });
    },
    onOpen() {
      this.triggerEvent('open', { key: this.key() });
    },
    onMenu() {
      this.triggerEvent('menu', { key: this.key() });
    },
  },
});

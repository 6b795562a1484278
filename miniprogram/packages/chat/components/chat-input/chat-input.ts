// The message input: a text field and a send button (or the keyboard's send key). It emits `send`
// with the text and clears itself; blank text is not sent.
Component({
  properties: {
    placeholder: { type: String, value: '' },
    sendText: { type: String, value: '' },
  },
  data: {
    value: '',
    canSend: false,
  },
  methods: {
    onInput(e: WechatMiniprogram.Input) {
      const value = e.detail.value;
      this.setData({ value, canSend: value.trim().length > 0 });
    },
    onSend() {
      const text = this.data.value;
      if (!text.trim()) return;
      this.setData({ value: '', canSend: false });
      this.triggerEvent('send', { text });
    },
  },
});

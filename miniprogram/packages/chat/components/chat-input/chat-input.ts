// The message input: a text field with a send button (or the keyboard's send key), a voice mode with
// hold-to-talk (slide up to cancel), and a "+" panel that picks a photo or video, a file or a place.
// It emits what the user made (`send` {text, mentions}, `media`, `file`, `location`, `voice`) and
// leaves the sending to the page. In a group, typing "@" asks the page for a member (`mention`), which
// the page inserts with `insertMention`. With `reportTyping` it emits `typing` while text is typed and
// `idle` when the field is left or emptied. `startEdit` turns it into an editor of an own message.
import { defineComponent } from '../../utils/define-component';
import { recordVoice, type VoiceRecording } from '../../model/voice';

/** A mention inserted into the text: who, and the name written after "@". */
interface Mention {
  id: string;
  name: string;
}

/** The failures of a picker that are not the user dismissing it. */
const dismissed = (err: unknown) => /cancel/.test((err as { errMsg?: string })?.errMsg ?? '');

defineComponent<{ voice?: VoiceRecording; mentions?: Mention[] }>()({
  properties: {
    placeholder: { type: String, value: '' },
    sendText: { type: String, value: '' },
    /** The `chat` section of the dictionary. */
    labels: { type: Object, value: {} },
    /** A group chat: "@" opens the member picker. */
    group: { type: Boolean, value: false },
    reportTyping: { type: Boolean, value: false },
  },
  data: {
    value: '',
    canSend: false,
    voiceMode: false,
    panel: false,
    recording: false,
    cancelling: false,
    editing: false,
  },
  lifetimes: {
    detached() {
      this.voice?.cancel();
    },
  },
  methods: {
    onInput(e: WechatMiniprogram.Input) {
      const value = e.detail.value;
      const grew = value.length > this.data.value.length;
      this.setData({ value, canSend: value.trim().length > 0 });
      if (this.data.reportTyping) this.triggerEvent(value ? 'typing' : 'idle', {});
      if (this.data.group && grew && value.endsWith('@')) this.triggerEvent('mention', {});
    },
    onBlur() {
      if (this.data.reportTyping) this.triggerEvent('idle', {});
    },
    onSend() {
      const text = this.data.value;
      if (!text.trim()) return;
      // A mention counts while its "@name" is still in the text.
      const kept = (this.mentions ?? []).filter((m) => text.includes(`@${m.name}`));
      const mentions = kept.some((m) => m.id === 'all') ? 'all' : kept.length ? Array.from(new Set(kept.map((m) => m.id))) : undefined;
      const edit = this.data.editing;
      this.mentions = [];
      this.setData({ value: '', canSend: false, editing: false });
      this.triggerEvent('send', mentions ? { text, mentions } : edit ? { text, edit } : { text });
    },
    /** Writes "@name " (replacing the "@" just typed when `replaceAt`) and remembers the mention. */
    insertMention(id: string, name: string, replaceAt: boolean) {
      const base = replaceAt && this.data.value.endsWith('@') ? this.data.value.slice(0, -1) : this.data.value;
      const value = `${base}@${name} `;
      this.mentions = [...(this.mentions ?? []), { id, name }];
      this.setData({ value, canSend: true, voiceMode: false, panel: false });
    },
    /** Puts an own message's text in the field; the next send is its new text (`edit: true`). */
    startEdit(text: string) {
      this.mentions = [];
      this.setData({ value: text, canSend: text.trim().length > 0, editing: true, voiceMode: false, panel: false });
    },
    onEditCancel() {
      this.setData({ value: '', canSend: false, editing: false });
      this.triggerEvent('editcancel', {});
    },
    onToggleVoice() {
      this.setData({ voiceMode: !this.data.voiceMode, panel: false });
    },
    onTogglePanel() {
      this.setData({ panel: !this.data.panel });
    },
    fail(err: unknown) {
      if (!dismissed(err)) wx.showToast({ title: (err as { errMsg?: string })?.errMsg ?? String(err), icon: 'none' });
    },
    onPickAlbum() {
      this.setData({ panel: false });
      wx.chooseMedia({
        count: 1, mediaType: ['image', 'video'], sourceType: ['album', 'camera'], sizeType: ['compressed'],
        success: (r) => {
          const f = r.tempFiles[0];
          if (!f) return;
          const video = f.fileType === 'video' || r.type === 'video';
          this.triggerEvent('media', {
            kind: video ? 'video' : 'image', path: f.tempFilePath, size: f.size, width: f.width, height: f.height,
            duration: video ? f.duration : undefined, thumbnailPath: video ? f.thumbTempFilePath : undefined,
          });
        },
        fail: (err) => this.fail(err),
      });
    },
    onPickFile() {
      this.setData({ panel: false });
      wx.chooseMessageFile({
        count: 1, type: 'all',
        success: (r) => {
          const f = r.tempFiles[0];
          if (f) this.triggerEvent('file', { path: f.path, name: f.name, size: f.size });
        },
        fail: (err) => this.fail(err),
      });
    },
    onPickLocation() {
      this.setData({ panel: false });
      wx.chooseLocation({
        success: (r) => this.triggerEvent('location', { name: r.name, address: r.address, latitude: r.latitude, longitude: r.longitude }),
        fail: (err) => this.fail(err),
      });
    },
    onHoldStart(e: WechatMiniprogram.TouchEvent) {
      if (this.voice) return;
      const startY = e.touches[0]?.clientY ?? 0;
      this.setData({ recording: true, cancelling: false });
      this.voice = recordVoice(startY, {
        done: (v) => this.triggerEvent('voice', v),
        tooShort: () => wx.showToast({ title: (this.data.labels as { tooShort?: string }).tooShort ?? '', icon: 'none' }),
        failed: (err) => this.fail(err),
      });
    },
    onHoldMove(e: WechatMiniprogram.TouchEvent) {
      const y = e.touches[0]?.clientY;
      if (!this.voice || y === undefined) return;
      const cancelling = this.voice.move(y);
      if (cancelling !== this.data.cancelling) this.setData({ cancelling });
    },
    onHoldEnd() {
      this.voice?.finish();
      this.voice = undefined;
      this.setData({ recording: false, cancelling: false });
    },
    onHoldCancel() {
      this.voice?.cancel();
      this.voice = undefined;
      this.setData({ recording: false, cancelling: false });
    },
  },
});

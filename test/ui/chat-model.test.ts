// The chat subpackage's models on their own: attachments read defensively, a bubble drawn per kind
// (placeholder, marks, progress), and what the long-press sheet offers.
import type { Message } from 'floo-miniprogram';
import { zh } from '../../miniprogram/i18n/zh';
import { actionsFor, recallRefusal, RECALL_WINDOW_MS } from '../../miniprogram/packages/chat/model/actions';
import { attachmentOf, clockDuration, fileSize, frame } from '../../miniprogram/packages/chat/model/attachment';
import { drawMessage, type DrawContext } from '../../miniprogram/packages/chat/model/draw';

const NOW = Date.now();
function msg(over: Partial<Message> & { recalled?: boolean; edited?: boolean }): Message {
  return {
    id: '10', conversation: { type: 'user', id: '2' }, from: '2', to: '1', timestamp: NOW, kind: 'text', ctype: 0,
    content: 'x', status: 'unread', isOwn: false, ...over,
  } as Message;
}

const ctx = (over: Partial<DrawContext> = {}): DrawContext => ({
  t: zh, isGroup: false, who: (id) => ({ name: id === '2' ? 'Bob' : 'Alice', avatar: '' }),
  fileUrl: (url, thumb) => `${url}?access-token=T${thumb ? '&image_type=2' : ''}`, progress: () => undefined, ...over,
});

test('attachments: bad JSON and wrong types give empty fields; sizes and lengths read well', () => {
  expect(attachmentOf({ attachment: 'not json' }).url).toBe('');
  expect(attachmentOf({ attachment: '{"fLen":"12","width":"x","duration":3.6}' })).toMatchObject({ fLen: 12, width: 0, duration: 3.6 });
  expect(fileSize(900)).toBe('900 B');
  expect(fileSize(5000)).toBe('4.9 KB');
  expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  expect(clockDuration(67)).toBe('1:07');
  expect(frame(1200, 900)).toEqual({ w: 360, h: 270 });
  expect(frame(100, 4000)).toEqual({ w: 120, h: 360 });
  expect(frame(0, 0)).toEqual({ w: 240, h: 240 });
});

test('each kind draws its fields; files use the server URL with the token, or the local path while sending', () => {
  const image = drawMessage(msg({ kind: 'image', attachment: JSON.stringify({ url: 'http://s/f/1', width: 800, height: 600 }) }), undefined, ctx());
  expect(image).toMatchObject({ kind: 'image', src: 'http://s/f/1?access-token=T&image_type=2', w: 360, h: 270, progress: -1 });
  const sending = drawMessage(msg({ kind: 'image', isOwn: true, status: 'sending', clientMid: '5', attachment: JSON.stringify({ localPath: 'wxfile://tmp_1.png' }) }), undefined, ctx({ progress: () => 42 }));
  expect(sending).toMatchObject({ src: 'wxfile://tmp_1.png', progress: 42 });
  expect(drawMessage(msg({ kind: 'audio', attachment: '{"url":"u","duration":4}' }), undefined, ctx())).toMatchObject({ kind: 'audio', duration: '4"', voiceWidth: 180 });
  expect(drawMessage(msg({ kind: 'video', attachment: '{"url":"u","tUrl":"c","duration":7}' }), undefined, ctx())).toMatchObject({ kind: 'video', src: 'c?access-token=T', duration: '0:07' });
  expect(drawMessage(msg({ kind: 'file', attachment: '{"url":"u","dName":"a.pdf","fLen":2048}' }), undefined, ctx())).toMatchObject({ fileName: 'a.pdf', fileSize: '2.0 KB' });
  expect(drawMessage(msg({ kind: 'location', attachment: '{"lat":1,"lon":2,"addr":"Road 1","name":"Home"}' }), undefined, ctx())).toMatchObject({ fileName: 'Home', address: 'Road 1' });
  expect(drawMessage(msg({ kind: 'location', attachment: '{"lat":1,"lon":2,"addr":"Road 1"}' }), undefined, ctx())).toMatchObject({ fileName: 'Road 1', address: '' });
  expect(drawMessage(msg({ kind: 'custom', content: '' }), undefined, ctx())).toMatchObject({ kind: 'other', text: '[消息]' });
});

test('recalled, edited and read marks', () => {
  expect(drawMessage(msg({ recalled: true }), undefined, ctx())).toMatchObject({ kind: 'recalled', text: 'Bob 撤回了一条消息' });
  expect(drawMessage(msg({ recalled: true, isOwn: true, from: '1' }), undefined, ctx())).toMatchObject({ kind: 'recalled', text: '你撤回了一条消息', readMark: '' });
  expect(drawMessage(msg({ edited: true }), undefined, ctx()).edited).toBe('已编辑');
  expect(drawMessage(msg({ isOwn: true, status: 'sent' }), undefined, ctx()).readMark).toBe('未读');
  expect(drawMessage(msg({ isOwn: true, status: 'read' }), undefined, ctx()).readMark).toBe('已读');
  expect(drawMessage(msg({ isOwn: true, status: 'sending' }), undefined, ctx()).readMark).toBe('');
  // Groups have read receipts of their own, not this mark.
  expect(drawMessage(msg({ isOwn: true, status: 'read' }), undefined, ctx({ isGroup: true })).readMark).toBe('');
});

test('the sheet: own text within the window offers everything; old, sending, others\' and recalled messages less', () => {
  const ids = (m: Message, isGroup = false) => actionsFor(m, { isGroup, now: NOW, t: zh }).map((a) => a.id);
  expect(ids(msg({ isOwn: true, status: 'sent' }), true)).toEqual(['copy', 'recall', 'delete', 'forward', 'edit']);
  expect(ids(msg({ isOwn: true, status: 'sent', timestamp: NOW - RECALL_WINDOW_MS - 120_000 }))).toEqual(['copy', 'delete', 'forward', 'edit']);
  expect(ids(msg({ isOwn: true, status: 'sending', id: '' }))).toEqual(['copy']);
  expect(ids(msg({ isOwn: true, status: 'sending', id: '', kind: 'file' }))).toEqual(['cancel']);
  expect(ids(msg({ isOwn: true, status: 'failed', id: '', kind: 'file' }))).toEqual(['delete']);
  expect(ids(msg({ kind: 'image' }), true)).toEqual(['delete', 'forward', 'mention']);
  expect(ids(msg({ recalled: true }))).toEqual([]);
  expect(actionsFor(msg({}), { isGroup: false, now: NOW, t: zh }).map((a) => a.label)).toEqual(['复制', '删除', '转发']);
  expect(recallRefusal({ code: 'MessageOutRecallTime' }, zh)).toBe(zh.chat.recallTooLate);
  expect(recallRefusal({ code: 'UserPermissionDenied' }, zh)).toBe(zh.chat.recallDenied);
  expect(recallRefusal(new Error('x'), zh)).toBeUndefined();
});

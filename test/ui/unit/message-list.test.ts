// The chat page's message model: blocks addressed by path, so that a new message, a status change and
// a page of history each send little to the view.
import type { Message } from 'floo-miniprogram';
import { MessageList, bubbleKey, type Drawn } from '../../../miniprogram/packages/chat/model/message-list';

let clock = 1_000_000;
function msg(over: Partial<Message>): Message {
  clock += 1000;
  return {
    id: '', conversation: { type: 'user', id: '2' }, from: '2', to: '1', timestamp: clock, kind: 'text', ctype: 0,
    content: 'x', status: 'unread', isOwn: false, ...over,
  };
}

const draw = (m: Message, previous: Message | undefined): Drawn => ({
  id: m.id, own: m.isOwn, text: m.content, status: m.status, timestamp: m.timestamp,
  time: previous ? '' : 'T', name: `u${m.from}`, avatar: '', initial: 'U', showName: false,
});

test('reset draws one block; a new message is appended to it by path', () => {
  const list = new MessageList(draw);
  const a = msg({ id: '10', content: 'a' });
  expect(list.reset([a, a])).toEqual({ blocks: [{ items: [expect.objectContaining({ key: 'm10', text: 'a', time: 'T', hidden: false })] }], order: [0] });
  const b = msg({ id: '11', content: 'b' });
  expect(list.append(b)).toEqual({ 'blocks[0].items[1]': expect.objectContaining({ key: 'm11', text: 'b', time: '' }) });
  expect(list.append(b)).toEqual({});
  expect(list.newestKey()).toBe('m11');
});

test('an own message keeps its key from sending to sent; only changed fields are sent', () => {
  const list = new MessageList(draw);
  list.reset([]);
  const sending = msg({ clientMid: '555', isOwn: true, from: '1', status: 'sending', content: 'hi' });
  expect(Object.keys(list.append(sending))).toEqual(['blocks[0].items[0]']);
  const sent = { ...sending, id: '20', status: 'sent' as const };
  expect(list.update(sent)).toEqual({ 'blocks[0].items[0].id': '20', 'blocks[0].items[0].status': 'sent' });
  // The same message announced again (e.g. by id) is not drawn twice.
  expect(list.append(sent)).toEqual({});
  expect(bubbleKey(sent)).toBe('c555');
  expect(list.oldestId()).toBe('20');
});

test('history pages become new blocks above the others; duplicates are dropped', () => {
  const list = new MessageList(draw);
  list.reset([msg({ id: '30' }), msg({ id: '31' })]);
  const page = [msg({ id: '20' }), msg({ id: '21' }), msg({ id: '30' })];
  const patch = list.prepend(page);
  expect(Object.keys(patch)).toEqual(['blocks[1]', 'order']);
  expect(patch.order).toEqual([1, 0]);
  expect((patch['blocks[1]'] as { items: Array<{ key: string }> }).items.map((b) => b.key)).toEqual(['m20', 'm21']);
  expect(list.oldestId()).toBe('20');
  expect(list.prepend([msg({ id: '21' })])).toEqual({});
  expect(list.prepend([msg({ id: '10' })]).order).toEqual([2, 1, 0]);
  expect(list.all().map((m) => m.id)).toEqual(['10', '20', '21', '30', '31']);
});

test('hide and redraw address single fields', () => {
  let names: Record<string, string> = {};
  const list = new MessageList((m, p) => ({ ...draw(m, p), name: names[m.from] ?? m.from }));
  list.reset([msg({ id: '1', from: '7' }), msg({ id: '2', from: '8' })]);
  names = { 7: 'Alice' };
  expect(list.redraw()).toEqual({ 'blocks[0].items[0].name': 'Alice' });
  expect(list.redraw()).toEqual({});
  expect(list.hide('m2')).toEqual({ 'blocks[0].items[1].hidden': true });
  expect(list.hide('nope')).toEqual({});
  expect(list.senders()).toEqual(['7', '8']);
  expect(list.message('m1')?.id).toBe('1');
});

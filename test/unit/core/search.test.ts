// Local search (store/search.ts) and the store's support for message operations (change, markUnread,
// mentions, cached lists) that search and the operations rely on.
import { searchMessages } from '../../../sdk/src/core/store/search';
import { LocalStore } from '../../../sdk/src/core/store/local-store';
import { createMemoryStorage } from '../../../sdk/src/platform/memory-storage';
import type { Message } from '../../../sdk/src/core/types';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now() };

function msg(id: string, o: Partial<Message> = {}): Message {
  return { id, conversation: { type: 'user', id: '2' }, from: '2', to: '1', timestamp: Number(id), kind: 'text', ctype: 0, content: `m${id}`, status: 'unread', isOwn: false, ...o };
}

function store(kv = createMemoryStorage()) {
  return new LocalStore(kv, timers, silent, 'floo:demo:1:', { budgetBytes: 1 << 20, maxPersistedPerConversation: 200, maxInMemoryPerConversation: 1000, flushDelayMs: 5 }, jest.fn());
}

describe('searchMessages', () => {
  const list = [
    msg('1', { content: 'Hello World' }),
    msg('2', { kind: 'file', ctype: 4, content: '', attachment: JSON.stringify({ url: 'zzz', dName: 'Quarterly REPORT.xlsx', fLen: 1 }) }),
    msg('3', { kind: 'location', ctype: 5, content: '', attachment: JSON.stringify({ lat: 1, lon: 2, addr: '1 Hello Road' }) }),
    msg('4', { content: 'recalled hello', recalled: true }),
    msg('5', { kind: 'image', ctype: 1, content: '', attachment: '{not json' }),
    msg('6', { content: 'no match' }),
  ];

  test('matches text, file names and addresses case-insensitively, newest first', () => {
    expect(searchMessages([list], 'HELLO').map((m) => m.id)).toEqual(['3', '1']);
    expect(searchMessages([list], 'report').map((m) => m.id)).toEqual(['2']);
    expect(searchMessages([list], 'road').map((m) => m.id)).toEqual(['3']);
  });

  test('recalled messages and broken attachments never match; the url is not searched', () => {
    expect(searchMessages([list], 'recalled')).toEqual([]);
    expect(searchMessages([list], 'not json')).toEqual([]);
    expect(searchMessages([list], 'zzz')).toHaveLength(0);
  });

  test('kinds and limit; several conversations merge by time; equal times by id', () => {
    expect(searchMessages([list], 'hello', { kinds: ['text'] }).map((m) => m.id)).toEqual(['1']);
    expect(searchMessages([list], 'm', { limit: 0 })).toEqual([]);
    const other = [msg('10', { timestamp: 3, content: 'hello again' }), msg('9', { timestamp: 3, content: 'hello too' })];
    expect(searchMessages([list, other], 'hello', { limit: 3 }).map((m) => m.id)).toEqual(['10', '9', '3']);
    expect(searchMessages([], 'x')).toEqual([]);
  });

  test('defaults to at most 50 results', () => {
    const many = Array.from({ length: 80 }, (_, i) => msg(String(i + 1), { content: 'same' }));
    const found = searchMessages([many], 'same');
    expect(found).toHaveLength(50);
    expect(found[0].id).toBe('80');
  });
});

describe('store support', () => {
  test('change keeps unread and the last message right; a removed id never comes back', async () => {
    const s = store();
    await s.addMessages('user:2', [msg('1'), msg('2')]);
    const [before, after] = (await s.change('user:2', '2', (m) => ({ ...m, recalled: true, content: '', status: 'read' })))!;
    expect(before.content).toBe('m2');
    expect(after).toMatchObject({ recalled: true });
    expect(s.getConversation('user:2')).toMatchObject({ unread: 1, lastMessage: { id: '2', recalled: true } });
    await s.change('user:2', '2', () => undefined);
    expect(s.getConversation('user:2')).toMatchObject({ unread: 1, lastMessage: { id: '1' } });
    expect(await s.addMessages('user:2', [msg('2')])).toEqual([]);
    expect(await s.change('user:2', '99', (m) => m)).toBeUndefined();
    expect(await s.change('user:3', '1', (m) => m)).toBeUndefined();
    expect(s.getConversation('user:3')).toBeUndefined();
  });

  test('markUnread, mentioned and markRead; mentioned is persisted with the summary', async () => {
    const kv = createMemoryStorage();
    const s = store(kv);
    await s.addMessages('group:7', [msg('1', { conversation: { type: 'group', id: '7' } })]);
    await s.markRead('group:7');
    expect(await s.markUnread('group:7', '1')).toBe(true);
    expect(await s.markUnread('group:8', '1')).toBe(false);
    s.setMentioned('group:7');
    expect(s.getConversation('group:7')).toMatchObject({ unread: 1, mentioned: true });
    await s.flush();
    const again = store(kv);
    await again.open();
    expect(again.getConversation('group:7')).toMatchObject({ unread: 1, mentioned: true });
    await again.markRead('group:7');
    expect(again.getConversation('group:7')).toMatchObject({ unread: 0, mentioned: false });
  });

  test('cached lists: stored conversations load in the background for later searches', async () => {
    const kv = createMemoryStorage();
    const s = store(kv);
    await s.addMessages('user:2', [msg('1', { content: 'findable' })]);
    await s.flush();
    const again = store(kv);
    await again.open();
    expect(searchMessages(again.cached(), 'findable')).toEqual([]);
    await again.messages('user:2');
    expect(searchMessages(again.cached(), 'findable').map((m) => m.id)).toEqual(['1']);
    expect(again.cached('user:9')).toEqual([]);
  });
});

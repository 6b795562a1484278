/**
 * @mentions (config.mentionList / mentionAll through `send({mentions})`): the mentioned member's
 * conversation is flagged and a `mention` event fires; `markRead` clears the flag. Local search over
 * the messages cached on a device.
 */
import { messageFixture, KINDS, next, record } from './message-fixture';

const f = messageFixture();

describe.each(KINDS)('%s', (kind) => {
  test('a mention flags the group conversation of the mentioned member only; markRead clears it', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const c = await f.device(kind, 'carol');
    const carolMentions = record(c, 'mention');
    const atCarol = next(c, 'message');
    const mention = next(b, 'mention');
    const sent = await a.messages.send({ to: f.group(), content: '@Bob look', mentions: [f.uid('bob')], config: { senderNickname: 'Alice' } });
    expect(JSON.parse(sent.config!)).toEqual({ senderNickname: 'Alice', mentionList: [Number(f.uid('bob'))] });
    expect((await mention).message).toMatchObject({ id: sent.id, content: '@Bob look' });
    await atCarol;
    expect(carolMentions).toEqual([]);
    expect(b.conversations.get(f.group())).toMatchObject({ mentioned: true, unread: 1 });
    expect(c.conversations.get(f.group())).toMatchObject({ mentioned: false, unread: 1 });
    await b.conversations.markRead(f.group());
    expect(b.conversations.get(f.group())?.mentioned).toBe(false);

    const all = next(c, 'mention');
    const everyone = await a.messages.send({ to: f.group(), content: '@all lunch', mentions: 'all' });
    expect(JSON.parse(everyone.config!)).toEqual({ mentionAll: true });
    expect((await all).message.id).toBe(everyone.id);
    expect(c.conversations.get(f.group())?.mentioned).toBe(true);
    expect(a.conversations.get(f.group())?.mentioned).toBe(false); // Own messages never mention oneself.
  });

  test('a mention survives an app restart (persisted with the summary) and reaches a device that was offline', async () => {
    const a = await f.device(kind, 'alice');
    const sent = await a.messages.send({ to: f.group(), content: 'hi @Carol', mentions: [f.uid('carol')] });
    const c = await f.device(kind, 'carol');
    expect(c.conversations.get(f.group())).toMatchObject({ mentioned: true, lastMessage: { id: sent.id } });
    const again = await f.relaunch(c, 'carol');
    expect(again.conversations.get(f.group())).toMatchObject({ mentioned: true, unread: 1 });
    await again.conversations.markRead(f.group());
    const third = await f.relaunch(again, 'carol');
    expect(third.conversations.get(f.group())).toMatchObject({ mentioned: false, unread: 0 });
  });

  test('search: text, file names and addresses; case-insensitive, newest first, filtered and limited', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const last = next(b, 'message', (m) => m.content === 'last');
    await a.messages.sendText(f.user('bob'), 'Hello World');
    await a.messages.send({ to: f.user('bob'), kind: 'file', attachment: { url: 'http://h/1', dName: 'World-Report.PDF', fLen: 1 } });
    await a.messages.send({ to: f.user('bob'), kind: 'location', attachment: { lat: 1, lon: 2, addr: 'Old world street' } });
    await a.messages.sendText(f.group(), 'hello group');
    await a.messages.send({ to: f.user('bob'), kind: 'command', content: 'world command' });
    await a.messages.sendText(f.user('bob'), 'last');
    await last;
    expect(b.messages.search('WORLD').map((m) => m.kind)).toEqual(['location', 'file', 'text']);
    expect(b.messages.search('report').map((m) => m.kind)).toEqual(['file']);
    expect(b.messages.search('hello').map((m) => m.content)).toEqual(['hello group', 'Hello World']);
    expect(b.messages.search('hello', { conversation: f.user('alice') }).map((m) => m.content)).toEqual(['Hello World']);
    expect(b.messages.search('world', { kinds: ['text', 'file'] }).map((m) => m.kind)).toEqual(['file', 'text']);
    expect(b.messages.search('world', { limit: 1 }).map((m) => m.kind)).toEqual(['location']);
    expect(b.messages.search('nothing like this')).toEqual([]);
    expect(() => b.messages.search('')).toThrow(/query/);
    // Searches the sender's own copies too.
    expect(a.messages.search('world').length).toBe(3);
  });
});

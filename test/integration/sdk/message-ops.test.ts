/**
 * Message operations end to end through the SDK against floo-server (docs/rich-messages.md,
 * "Operations"): recall (in time, too late, by someone else, by a group owner), edit, delete for me,
 * read / delivered / played acks, group read receipts, mark unread and typing; two and three users,
 * and the same user on two devices.
 */
import { rest, login } from '../../support/server-harness';
import { messageFixture, KINDS, next, codeOf, record } from './message-fixture';

const f = messageFixture();

describe.each(KINDS)('%s', (kind) => {
  test('recall within the window: a placeholder at the peer and on the own other device; history does not bring it back', async () => {
    const a1 = await f.device(kind, 'alice');
    const a2 = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const atBob = next(b, 'message');
    const atA2 = next(a2, 'message');
    const m = await a1.messages.sendText(f.user('bob'), 'oops');
    await Promise.all([atBob, atA2]);
    const recallAtBob = next(b, 'messageRecall');
    const recallAtA2 = next(a2, 'messageRecall');
    const ownRecall = next(a1, 'messageRecall');
    await a1.messages.recall(m);
    for (const e of [await recallAtBob, await recallAtA2, await ownRecall]) {
      expect(e.message).toMatchObject({ id: m.id, recalled: true, content: '' });
    }
    const local = await b.messages.local(f.user('alice'));
    expect(local.find((x) => x.id === m.id)).toMatchObject({ recalled: true, content: '' });
    expect(b.conversations.get(f.user('alice'))).toMatchObject({ unread: 0, lastMessage: { id: m.id, recalled: true } });
    expect((await a1.messages.local(f.user('bob'))).find((x) => x.id === m.id)?.recalled).toBe(true);
    await b.messages.history(f.user('alice'));
    expect((await b.messages.local(f.user('alice'))).filter((x) => x.id === m.id)).toEqual([{ ...local.find((x) => x.id === m.id) }]);
  });

  test('a recall queued when the app is closed is sent at the next launch and applied on its ack', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const atBob = next(b, 'message');
    const m = await a.messages.sendText(f.user('bob'), 'take this back later');
    await atBob;
    f.cut(a);
    const abandoned = a.messages.recall(m).catch((e: Error) => e);
    const recalledAtBob = next(b, 'messageRecall');
    const again = await f.relaunch(a, 'alice');
    expect(await abandoned).toBeInstanceOf(Error);
    expect((await recalledAtBob).message.id).toBe(m.id);
    const own = next(again, 'messageRecall');
    if (!(await again.messages.local(f.user('bob'))).find((x) => x.id === m.id)?.recalled) await own;
    expect((await again.messages.local(f.user('bob'))).find((x) => x.id === m.id)).toMatchObject({ recalled: true, content: '' });
  });

  test('recall after the window is refused with MessageOutRecallTime; the message stays', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const atBob = next(b, 'message');
    const m = await a.messages.sendText(f.user('bob'), 'too late to take back');
    await atBob;
    f.advance(6 * 60 * 1000);
    expect(await codeOf(a.messages.recall(m))).toBe('MessageOutRecallTime');
    expect((await a.messages.local(f.user('bob'))).find((x) => x.id === m.id)?.recalled).toBeUndefined();
  });

  test('recall by someone else or by a former member is refused; a group owner recalls a member\'s message', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const c = await f.device(kind, 'carol');
    const atBob = next(b, 'message');
    const m = await a.messages.sendText(f.user('bob'), 'mine');
    expect(await codeOf(b.messages.recall(await atBob))).toBe('UserPermissionDenied');
    expect((await b.messages.local(f.user('alice'))).find((x) => x.id === m.id)?.recalled).toBeUndefined();

    const atAlice = next(a, 'message', (x) => x.conversation.type === 'group');
    const atCarol = next(c, 'message', (x) => x.conversation.type === 'group');
    const g = await b.messages.sendText(f.group(), 'from bob');
    await atAlice;
    expect(await codeOf(c.messages.recall(await atCarol))).toBe('UserPermissionDenied');
    const recalledAtBob = next(b, 'messageRecall');
    const recalledAtCarol = next(c, 'messageRecall');
    await a.messages.recall({ ...g, isOwn: false });
    expect((await recalledAtBob).message).toMatchObject({ id: g.id, recalled: true });
    expect((await recalledAtCarol).message).toMatchObject({ id: g.id, recalled: true });
    // Someone who left the group can no longer change what they sent there.
    const own = await c.messages.sendText(f.group(), 'carol leaves');
    await c.groups.leave(f.group().id);
    expect(await codeOf(c.messages.recall(own))).toBe('GroupNotMemberFound');
    expect(await codeOf(c.messages.edit(own, 'changed'))).toBe('GroupNotMemberFound');
  });

  test('edit: the peer and the own other device see the new text; history says edited; others may not edit', async () => {
    const a1 = await f.device(kind, 'alice');
    const a2 = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const atBob = next(b, 'message');
    const atA2 = next(a2, 'message');
    const m = await a1.messages.sendText(f.user('bob'), 'helo');
    await Promise.all([atBob, atA2]);
    const editAtBob = next(b, 'messageEdit');
    const editAtA2 = next(a2, 'messageEdit');
    const edited = await a1.messages.edit(m, 'hello');
    expect(edited).toMatchObject({ id: m.id, content: 'hello', edited: true });
    expect((await editAtBob).message).toMatchObject({ id: m.id, content: 'hello', edited: true });
    expect((await editAtA2).message).toMatchObject({ id: m.id, content: 'hello', edited: true });
    expect(b.conversations.get(f.user('alice'))?.lastMessage).toMatchObject({ content: 'hello', edited: true });

    const fresh = await f.device(kind, 'bob');
    const page = await fresh.messages.history(f.user('alice'));
    expect(page.messages.find((x) => x.id === m.id)).toMatchObject({ content: 'hello', edited: true });
    expect(await codeOf(b.messages.edit(edited, 'not yours'))).toBe('UserPermissionDenied');
    const image = await a1.messages.send({ to: f.user('bob'), kind: 'image', attachment: { url: 'http://h/i', dName: 'i.png', fLen: 1, width: 1, height: 1 } });
    expect(await codeOf(a1.messages.edit(image, 'text on an image'))).toBe('MessageInvalidType');
  });

  test('delete for me: gone on both own devices, not at the peer, not in history', async () => {
    const a = await f.device(kind, 'alice');
    const b1 = await f.device(kind, 'bob');
    const b2 = await f.device(kind, 'bob');
    const atB1 = next(b1, 'message');
    const atB2 = next(b2, 'message');
    const m = await a.messages.sendText(f.user('bob'), 'delete me');
    await a.messages.sendText(f.user('bob'), 'keep me');
    await Promise.all([atB1, atB2]);
    const deletedAtB2 = next(b2, 'messageDelete');
    const aliceDeletes = record(a, 'messageDelete');
    await b1.messages.deleteForMe(await atB1);
    expect((await deletedAtB2).message.id).toBe(m.id);
    expect((await b1.messages.local(f.user('alice'))).map((x) => x.id)).not.toContain(m.id);
    expect((await b2.messages.local(f.user('alice'))).map((x) => x.id)).not.toContain(m.id);
    const page = await b1.messages.history(f.user('alice'));
    expect(page.messages.map((x) => x.id)).not.toContain(m.id);
    expect((await b1.messages.local(f.user('alice'))).map((x) => x.id)).not.toContain(m.id);
    expect((await a.messages.local(f.user('bob'))).map((x) => x.id)).toContain(m.id);
    expect(aliceDeletes).toEqual([]);
  });

  test('read ack: own messages go sent → read when the peer reads them', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const got = next(b, 'message', (x) => x.content === 'two');
    const one = await a.messages.sendText(f.user('bob'), 'one');
    const two = await a.messages.sendText(f.user('bob'), 'two');
    await got;
    const readOne = next(a, 'messageStatus', (e) => e.message.id === one.id && e.message.status === 'read');
    const readTwo = next(a, 'messageStatus', (e) => e.message.id === two.id && e.message.status === 'read');
    await b.conversations.markRead(f.user('alice'));
    expect((await readOne).previous).toBe('sent');
    await readTwo;
    expect((await a.messages.local(f.user('bob'))).map((x) => x.status)).toEqual(['read', 'read']);
  });

  test('delivery acks (option) and played acks reach the sender', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob', { deliveryAcks: true });
    const got = next(b, 'message');
    const delivered = next(a, 'messageStatus', (e) => e.message.delivered === true);
    const voice = await a.messages.send({ to: f.user('bob'), kind: 'audio', attachment: { url: 'http://x/v.amr', dName: 'v.amr', fLen: 10, duration: 3 } });
    expect((await delivered).message.id).toBe(voice.id);
    const played = next(a, 'messagePlayed');
    await b.messages.ackPlayed(await got);
    expect(await played).toMatchObject({ message: { id: voice.id }, by: f.uid('bob') });
  });

  test('group read receipts: who read a message of a read-ack group', async () => {
    const { token } = await login(f.server(), 'alice');
    const on = await rest(f.server(), 'POST', '/group/settings/enable_read_ack', { appId: 'demo', token, body: { group_id: Number(f.group().id), value: true } });
    expect(on.code).toBe(200);
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const atBob = next(b, 'message', (x) => x.conversation.type === 'group');
    const m = await a.messages.sendText(f.group(), 'who reads this?');
    await atBob;
    expect(await a.messages.readReceipts(m)).toEqual({ read: [], unread: [f.uid('bob'), f.uid('carol')] });
    const readAtAlice = next(a, 'messageStatus', (e) => e.message.id === m.id && e.message.status === 'read');
    await b.conversations.markRead(f.group());
    await readAtAlice;
    expect(await a.messages.readReceipts(m)).toEqual({ read: [f.uid('bob')], unread: [f.uid('carol')] });
  });

  test('mark unread: here at once and on the own other device', async () => {
    const a = await f.device(kind, 'alice');
    const b1 = await f.device(kind, 'bob');
    const b2 = await f.device(kind, 'bob');
    const atB2 = next(b2, 'message');
    const atB1 = next(b1, 'message');
    await a.messages.sendText(f.user('bob'), 'read me later');
    await Promise.all([atB1, atB2]);
    const readAtB2 = next(b2, 'unreadChange', (e) => e.unread === 0);
    await b1.conversations.markRead(f.user('alice'));
    await readAtB2;
    const unreadAtB2 = next(b2, 'unreadChange', (e) => e.unread === 1);
    await b1.conversations.markUnread(f.user('alice'));
    expect(b1.conversations.get(f.user('alice'))?.unread).toBe(1);
    expect((await unreadAtB2).total).toBe(1);
    expect(b2.conversations.get(f.user('alice'))?.lastMessage?.status).toBe('unread');
    await b1.conversations.markRead(f.user('alice'));
    expect(b1.conversations.totalUnread()).toBe(0);
  });

  test('typing: shown at the peer, rate limited, never stored', async () => {
    const a = await f.device(kind, 'alice');
    const b = await f.device(kind, 'bob');
    const states = record(b, 'typing');
    const stopped = next(b, 'typing', (e) => e.state === 'nothing');
    a.messages.typing(f.user('bob'), 'typing');
    a.messages.typing(f.user('bob'), 'typing'); // Within 3 s: not sent.
    a.messages.typing(f.user('bob'), 'nothing');
    await stopped;
    expect(states.map((e) => [e.state, e.from, e.conversation.id])).toEqual([['typing', f.uid('alice'), f.uid('alice')], ['nothing', f.uid('alice'), f.uid('alice')]]);
    expect(b.conversations.list()).toEqual([]);
    expect(() => a.messages.typing(f.user('bob'), 'shouting' as never)).toThrow(/typing/);
  });
});

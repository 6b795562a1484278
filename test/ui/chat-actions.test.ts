// The long-press actions of the chat page through WeChat's action sheet, over a real floo-server:
// copy, recall (both phones show the placeholder, and the conversation list says so), delete for me,
// forward to another user through the forward page, edit, and @ in groups (the member picker, the
// sheet's @, and the "[有人@我]" mark on the other phone's list).
import { uidOf } from '../support/server-harness';
import { uiSession, type PageHandle, type Phone } from './support/phone';
import { until } from './support/simulate';
import { bubbleWhere, bubbles, isSent, groupChat, longPress, pickFromPanel, userChat } from './support/chat-page';

const ui = uiSession();

let alice: Phone;
let bob: Phone;
let aliceChat: PageHandle;
let bobChat: PageHandle;

beforeAll(async () => {
  alice = await ui.loggedIn('alice');
  bob = await ui.loggedIn('bob');
  aliceChat = alice.open(userChat(ui.server, 'bob', 'Bob'));
  bobChat = bob.open(userChat(ui.server, 'alice', 'Alice'));
});

async function say(page: PageHandle, text: string): Promise<void> {
  await page.type('#input', text);
  await page.tap(page.$('#input')!.querySelector('#send'));
}

interface Row { key: string; name: string; preview: string; unread: number; mention?: string }
const rows = (page: PageHandle) => page.data.items as Row[];

test('copy puts a text on the clipboard; the sheet offers what the message allows', async () => {
  await say(bobChat, 'copy me');
  const theirs = await bubbleWhere(aliceChat, (b) => b.text === 'copy me', 'bob\'s text at alice');
  const items = await longPress(alice, aliceChat, theirs.key, '复制');
  expect(items).toEqual(['复制', '删除', '转发']);
  await until(() => alice.control.media.clipboard === 'copy me', 'the clipboard');
  const mine = await bubbleWhere(bobChat, (b) => b.text === 'copy me' && isSent(b), 'bob\'s own text');
  expect(await longPress(bob, bobChat, mine.key, 'cancel')).toEqual(['复制', '撤回', '删除', '转发', '编辑']);
});

test('recall: both phones show the placeholder, and bob\'s conversation list says it too', async () => {
  await say(aliceChat, 'oops, wrong chat');
  const mine = await bubbleWhere(aliceChat, (b) => b.text === 'oops, wrong chat' && isSent(b), 'the sent text');
  await bubbleWhere(bobChat, (b) => b.text === 'oops, wrong chat', 'the text at bob');
  const list = bob.open('/pages/conversations/conversations');
  await longPress(alice, aliceChat, mine.key, '撤回');
  await bubbleWhere(aliceChat, (b) => b.key === mine.key && b.kind === 'recalled' && b.text === '你撤回了一条消息', 'the placeholder at alice');
  await bubbleWhere(bobChat, (b) => b.kind === 'recalled' && b.text === 'Alice 撤回了一条消息', 'the placeholder at bob');
  await until(() => rows(list).find((r) => r.name === 'Alice' && r.preview === 'Alice 撤回了一条消息'), 'the recalled preview on bob\'s list');
  list.close();
  // A recalled message has no actions left.
  const before = alice.control.media.callsOf('showActionSheet').length;
  aliceChat.$(`#b-${mine.key} .message >>> .notice`)!.dispatchEvent('longpress');
  await new Promise((r) => setTimeout(r, 20));
  expect(alice.control.media.callsOf('showActionSheet')).toHaveLength(before);
});

test('delete for me hides the message on alice\'s phone only', async () => {
  await say(bobChat, 'delete me');
  const theirs = await bubbleWhere(aliceChat, (b) => b.text === 'delete me', 'the text at alice');
  await longPress(alice, aliceChat, theirs.key, '删除');
  await until(() => bubbles(aliceChat).find((b) => b.key === theirs.key && b.hidden), 'hidden at alice');
  expect(bubbles(bobChat).find((b) => b.text === 'delete me' && !b.hidden)).toBeTruthy();
  // Reopened, the chat does not show it again.
  aliceChat.close();
  aliceChat = alice.open(userChat(ui.server, 'bob', 'Bob'));
  await until(() => bubbles(aliceChat).length > 0, 'the reopened chat');
  expect(bubbles(aliceChat).find((b) => b.text === 'delete me' && !b.hidden)).toBeUndefined();
});

test('forward: a file goes to carol through the forward page, and she can download it', async () => {
  const carol = await ui.loggedIn('carol');
  const got: Array<{ kind: string; attachment?: string }> = [];
  const off = carol.app.im.client.on('message', (m) => got.push(m));
  alice.control.media.queueFile({ name: 'minutes.pdf', size: 2500 });
  await pickFromPanel(aliceChat, '#pick-file');
  const mine = await bubbleWhere(aliceChat, (b) => b.kind === 'file' && isSent(b), 'the sent file');
  await longPress(alice, aliceChat, mine.key, '转发');
  const url = await until(() => alice.lastNavigation()?.startsWith('/packages/chat/pages/forward/forward') && alice.lastNavigation(), 'the forward page');
  const page = alice.open(url);
  const carolRow = `#to-user-${uidOf(ui.server, 'carol')}`;
  await until(() => page.$(carolRow), 'carol among the targets');
  await page.tap(carolRow);
  const forwarded = await until(() => got.find((m) => m.kind === 'file'), 'the file at carol');
  await until(() => alice.calls.some((c) => c.api === 'navigateBack'), 'back to the chat');
  off();
  const att = JSON.parse(forwarded.attachment ?? '{}') as { url: string; dName: string };
  expect(att.dName).toBe('minutes.pdf');
  const { path } = await carol.app.im.client.files.download(att.url).result;
  expect(carol.control.files.readBytes('test', path).length).toBe(2500);
  page.close();
});

test('edit: the new text replaces the old one on both phones, with the edited mark', async () => {
  await say(aliceChat, 'meet at 3');
  const mine = await bubbleWhere(aliceChat, (b) => b.text === 'meet at 3' && isSent(b), 'the sent text');
  await longPress(alice, aliceChat, mine.key, '编辑');
  await until(() => (aliceChat.$('#input')!.data.value as string) === 'meet at 3', 'the text in the input');
  await say(aliceChat, 'meet at 4');
  await bubbleWhere(aliceChat, (b) => b.key === mine.key && b.text === 'meet at 4' && b.edited === '已编辑', 'the edit at alice');
  await bubbleWhere(bobChat, (b) => b.text === 'meet at 4' && b.edited === '已编辑', 'the edit at bob');
  expect(bubbles(bobChat).filter((b) => b.text.startsWith('meet at'))).toHaveLength(1);
});

test('groups: "@" opens the member picker, the mention marks bob\'s list, and the sheet\'s @ writes the name', async () => {
  const aliceGroup = alice.open(groupChat(ui.server));
  const bobList = bob.open('/pages/conversations/conversations');
  await aliceGroup.type('#input', 'look @');
  await until(() => aliceGroup.data.picking === true, 'the member picker');
  const bobId = uidOf(ui.server, 'bob');
  expect((aliceGroup.data.members as Array<{ id: string; name: string }>).map((m) => m.id)).toEqual(expect.arrayContaining(['all', bobId, uidOf(ui.server, 'carol')]));
  expect((aliceGroup.data.members as Array<{ id: string }>).some((m) => m.id === uidOf(ui.server, 'alice'))).toBe(false);
  await aliceGroup.tap(`#member-${bobId}`);
  expect(aliceGroup.$('#input')!.data.value).toBe('look @Bob ');
  await aliceGroup.tap(aliceGroup.$('#input')!.querySelector('#send'));
  await until(() => rows(bobList).find((r) => r.name === 'Floo Demo' && r.mention === '[有人@我]'), 'the mention mark on bob\'s list');
  expect(bobList.$(`#conv-group-${ui.server.demo!.groupId} >>> .mention`)?.dom.textContent).toBe('[有人@我]');

  const bobGroup = bob.open(groupChat(ui.server));
  await until(() => rows(bobList).find((r) => r.name === 'Floo Demo' && !r.mention), 'the mark gone once bob reads it');
  const theirs = await bubbleWhere(bobGroup, (b) => b.text === 'look @Bob ', 'alice\'s message at bob');
  await longPress(bob, bobGroup, theirs.key, '@TA');
  expect(bobGroup.$('#input')!.data.value).toBe('@Alice ');
  bobGroup.close();
  aliceGroup.close();
  bobList.close();
});

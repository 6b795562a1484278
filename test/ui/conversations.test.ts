// The conversation list: live rows in recency order with small setData payloads, swipe to delete,
// pull to refresh, the connection banner.
import { uidOf } from '../support/server-harness';
import { uiSession, type PageHandle } from './support/phone';
import { until } from './support/simulate';

interface Row { key: string; name: string; preview: string; unread: number; time: string }
const rows = (page: PageHandle) => page.data.items as Row[];

const ui = uiSession();
const loggedIn = (name: string) => ui.loggedIn(name);

/** Records what the page passes to setData. */
function recordSetData(page: PageHandle): Array<Record<string, unknown>> {
  const patches: Array<Record<string, unknown>> = [];
  const instance = page.comp.instance;
  const original = instance.setData.bind(instance);
  instance.setData = (patch: Record<string, unknown>) => {
    patches.push(patch);
    original(patch);
  };
  return patches;
}

test('rows follow new messages; only changed rows and fields are sent to the view', async () => {
  const [alice, bob, carol] = [await loggedIn('alice'), await loggedIn('bob'), await loggedIn('carol')];
  const list = alice.open('/pages/conversations/conversations');
  await until(() => list.data.loaded, 'the list');
  const toAlice = { type: 'user' as const, id: uidOf(ui.server, 'alice') };

  await bob.app.im.client.messages.sendText(toAlice, 'hi from bob');
  await until(() => rows(list).length === 1 && rows(list)[0].name === 'Bob', 'bob\'s row with his name');
  expect(rows(list)[0]).toMatchObject({ key: `user-${uidOf(ui.server, 'bob')}`, preview: 'hi from bob', unread: 1 });
  expect(rows(list)[0].time).toMatch(/^\d\d:\d\d$/);
  expect(alice.tabBadge()).toBe('1');

  await carol.app.im.client.messages.sendText(toAlice, 'carol here');
  await until(() => rows(list).length === 2 && rows(list)[0].name === 'Carol', 'carol on top');
  expect(rows(list).map((r) => r.name)).toEqual(['Carol', 'Bob']);
  expect(alice.tabBadge()).toBe('2');

  // Carol writes again while on top: one row's preview and unread change, nothing else is sent.
  const patches = recordSetData(list);
  await carol.app.im.client.messages.sendText(toAlice, 'still me');
  await until(() => rows(list)[0].unread === 2, 'carol\'s second message');
  const keys = patches.flatMap((p) => Object.keys(p));
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.every((k) => /^items\[0\]\.(preview|unread|time)$/.test(k))).toBe(true);
  expect(rows(list)[0].preview).toBe('still me');

  // Bob writes: his row moves up; rows are sent by index, the list is not sent whole.
  patches.length = 0;
  await bob.app.im.client.messages.sendText(toAlice, 'bob again');
  await until(() => rows(list)[0].name === 'Bob', 'bob on top');
  expect(patches.flatMap((p) => Object.keys(p)).every((k) => /^items\[[01]\]/.test(k))).toBe(true);
});

test('swipe to delete removes the row here; pull to refresh reloads names and stops the spinner', async () => {
  const carol = await loggedIn('carol');
  const bob = await loggedIn('bob');
  await bob.app.im.client.messages.sendText({ type: 'user', id: uidOf(ui.server, 'carol') }, 'for carol');
  const list = carol.open('/pages/conversations/conversations');
  await until(() => rows(list).some((r) => r.preview === 'for carol'), 'the row');
  const key = rows(list).find((r) => r.preview === 'for carol')!.key;

  await list.call('onPullDownRefresh');
  expect(carol.calls.some((c) => c.api === 'stopPullDownRefresh')).toBe(true);

  await list.tap(list.$(`#conv-${key}`)!.querySelector('.delete'));
  await until(() => !rows(list).some((r) => r.key === key), 'the row to go');
  expect(carol.app.im.client.conversations.list().some((c) => `${c.ref.type}-${c.ref.id}` === key)).toBe(false);
});

test('the banner tells when the connection is lost and goes once it is back', async () => {
  const p = await loggedIn('bob');
  const list = p.open('/pages/conversations/conversations');
  expect(list.data.banner).toBe('');
  p.control.killSockets('test');
  await until(() => list.data.banner, 'the banner');
  expect(['连接中…', '网络已断开，正在重连']).toContain(list.data.banner);
  await until(() => list.data.banner === '', 'reconnection', 10000);
  list.close();
  // Unsubscribed on unload: no more updates reach the closed page.
  const before = list.data.banner;
  p.control.killSockets('again');
  await new Promise((r) => setTimeout(r, 50));
  expect(list.data.banner).toBe(before);
});

test('the swipe action marks a read conversation unread (on every own device) and an unread one read', async () => {
  const alice = await loggedIn('alice');
  const carol = await loggedIn('carol');
  const other = await loggedIn('carol');
  const ref = { type: 'user' as const, id: uidOf(ui.server, 'alice') };
  const unreadThere = () => other.app.im.client.conversations.get(ref)?.unread ?? -1;
  await alice.app.im.client.messages.sendText({ type: 'user', id: uidOf(ui.server, 'carol') }, 'mark me');
  const list = carol.open('/pages/conversations/conversations');
  const row = await until(() => rows(list).find((r) => r.preview === 'mark me' && r.unread === 1), 'the unread row');
  await until(() => unreadThere() === 1, 'unread on carol\'s other device');
  const mark = () => list.$(`#conv-${row.key}`)!.querySelector('.mark')!;
  expect(mark().dom.textContent).toBe('标为已读');
  await list.tap(mark());
  await until(() => rows(list).find((r) => r.key === row.key && r.unread === 0), 'read');
  expect(mark().dom.textContent).toBe('标为未读');
  await until(() => unreadThere() === 0, 'read on carol\'s other device');
  // Carol's other device follows the READ_CANCEL too.
  await list.tap(mark());
  await until(() => rows(list).find((r) => r.key === row.key && r.unread >= 1), 'unread again');
  expect(mark().dom.textContent).toBe('标为已读');
  await until(() => unreadThere() >= 1, 'unread on carol\'s other device again');
  list.close();
});

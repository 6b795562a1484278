// The receive loop: UNREAD → pulls, pages acknowledged only after they are applied, NOTICE during a
// pull → pulled again, a page that cannot be applied is not acknowledged.
import { Command } from 'floo-miniprogram/protocol';
import type { DownFrame, Meta, UpFrame } from 'floo-miniprogram/protocol';
import { SyncEngine } from '../../../sdk/src/core/sync/sync-engine';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const flush = () => new Promise((r) => setImmediate(r));

function setup(apply: (metas: Meta[]) => Promise<void> = async () => {}) {
  const sent: UpFrame[] = [];
  let idle = 0;
  const engine = new SyncEngine({ log: silent, send: (f) => { sent.push(f); return true; }, applyPage: apply, onIdle: () => { idle++; } });
  const pulls = () => sent.filter((f) => f.command === Command.SYNC).map((f) => (f.payload as { xid?: { uid?: string }; key?: string }))
    .map((p) => `${p.xid?.uid}:${p.key ?? '-'}`);
  const page = (uid: string, ids: string[], next: string): DownFrame => ({
    command: 1, payload: { status: { code: 1 }, xid: { uid }, next_key: next, metas: ids.map((id) => ({ id, ns: 1, payload: { content: id } })) },
  });
  return { engine, sent, pulls, page, idle: () => idle };
}

test('UNREAD pulls every conversation with items; ready once every pull ended', async () => {
  const t = setup();
  t.engine.start();
  expect(t.sent[0].command).toBe(Command.UNREAD);
  t.engine.handle({ command: 0, payload: { status: { code: 1 }, unread: [{ xid: { uid: '7' }, n: 2, type: 1 }, { xid: { uid: '8' }, n: 0, type: 2 }, { xid: { uid: '9' }, n: 1, type: 2 }] } });
  expect(t.pulls()).toEqual(['7:-', '9:-']);
  t.engine.handle(t.page('7', ['1', '2'], '2'));
  await flush();
  expect(t.pulls()).toEqual(['7:-', '9:-', '7:2']); // acknowledges the page, asks for more
  t.engine.handle(t.page('7', [], '0'));
  t.engine.handle(t.page('9', ['3'], '3'));
  t.engine.handle(t.page('9', [], '0'));
  await flush();
  expect(t.idle()).toBe(1);
});

test('a NOTICE during a pull pulls the conversation again afterwards (no second parallel pull)', async () => {
  const t = setup();
  t.engine.handle({ command: 2, payload: { xid: { uid: '7' } } });
  t.engine.handle({ command: 2, payload: { xid: { uid: '7' } } });
  expect(t.pulls()).toEqual(['7:-']);
  t.engine.handle(t.page('7', [], '0'));
  await flush();
  expect(t.pulls()).toEqual(['7:-', '7:-']);
});

test('pages are applied one after another, and the key goes out only after the page is applied', async () => {
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const t = setup(async (metas) => { order.push(`apply ${metas[0].id}`); if (metas[0].id === '1') await gate; });
  t.engine.pull('7');
  t.engine.handle(t.page('7', ['1'], '1'));
  t.engine.handle(t.page('7', ['2'], '2'));
  await flush();
  expect(order).toEqual(['apply 1']);
  expect(t.pulls()).toEqual(['7:-']);
  release();
  await flush();
  expect(order).toEqual(['apply 1', 'apply 2']);
  expect(t.pulls()).toEqual(['7:-', '7:1', '7:2']);
});

test('a page that cannot be applied is not acknowledged, and the pull ends (retried on the next notice)', async () => {
  const t = setup(async () => { throw new Error('store broke'); });
  t.engine.pull('7');
  t.engine.handle(t.page('7', ['1'], '1'));
  await flush();
  expect(t.pulls()).toEqual(['7:-']);
  expect(t.engine.idle).toBe(true);
  t.engine.handle({ command: 2, payload: { xid: { uid: '7' } } });
  expect(t.pulls()).toEqual(['7:-', '7:-']);
});

test('acks and history replies are left to the outbox and history', () => {
  const t = setup();
  expect(t.engine.handle({ command: 1, payload: { client_mid: '5', server_mid: '6', status: { code: 1 } } })).toBe(false);
  expect(t.engine.handle({ command: 1, payload: { is_full_sync: true, xid: { uid: '7' } } })).toBe(false);
});

// The shipped mini-program bundle (sdk/dist/miniprogram/index.js, minified, private names mangled,
// lowered to ES2015) runs end to end: each "phone" loads it in its own realm without code generation,
// on the wx shim, against a real floo-server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { createWxShim, type WxShim } from '../support/wx-shim/index';

const BUNDLE = readFileSync(join(__dirname, '../../sdk/dist/miniprogram/index.js'), 'utf8');

interface Phone {
  shim: WxShim;
  run<T>(code: string): Promise<T>;
  /** Timers the bundle started and that neither fired nor were cleared. */
  liveTimers: Set<unknown>;
}

function phone(): Phone {
  // The realm's timers are counted, to prove that close() leaves none behind.
  const liveTimers = new Set<unknown>();
  const countedSetTimeout = (fn: () => void, ms: number) => {
    const h = setTimeout(() => { liveTimers.delete(h); fn(); }, ms);
    liveTimers.add(h);
    return h;
  };
  const countedClearTimeout = (h: NodeJS.Timeout) => { liveTimers.delete(h); clearTimeout(h); };
  const context = vm.createContext({ console, setTimeout: countedSetTimeout, clearTimeout: countedClearTimeout }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.BigInt; var module = { exports: {} }; var exports = module.exports;', context);
  vm.runInContext(BUNDLE, context, { filename: 'floo-miniprogram/index.js' });
  const shim = createWxShim({ makeArrayBuffer: (b) => { const ab = vm.runInContext(`new ArrayBuffer(${b.length})`, context) as ArrayBuffer; new Uint8Array(ab).set(b); return ab; } });
  context.wx = shim.wx;
  return { shim, liveTimers, run: <T>(code: string) => vm.runInContext(code, context) as Promise<T> };
}

let server: RunningServer;
const phones: Phone[] = [];
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => {
  for (const p of phones) {
    await p.run('globalThis.client ? globalThis.client.close() : null');
    p.shim.control.dispose();
  }
  await server.close();
});

test('two phones running the shipped bundle log in and chat through floo-server', async () => {
  const dns = `${server.url}/v2/app_dns`;
  const [alice, bob] = [phone(), phone()];
  phones.push(alice, bob);
  const setup = (name: string) => `
    globalThis.inbox = [];
    globalThis.client = module.exports.createClient({ appId: 'demo', dnsServer: '${dns}', logLevel: 'off' });
    client.on('message', function (m) { inbox.push(m.content + '|' + m.id); });
    client.login({ username: '${name}', password: 'floo-demo' }).then(function (r) { return r.userId; });`;
  const aliceId = await alice.run<string>(setup('alice'));
  const bobId = await bob.run<string>(setup('bob'));
  const sent = await alice.run<{ id: string; status: string }>(`client.messages.sendText({ type: 'user', id: '${bobId}' }, 'from the bundle')`);
  expect(sent.status).toBe('sent');
  const deadline = Date.now() + 5000;
  let inbox: string[] = [];
  while (Date.now() < deadline) {
    inbox = await bob.run<string[]>('inbox.slice()');
    if (inbox.length) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(inbox).toEqual([`from the bundle|${sent.id}`]);
  const unread = await bob.run<number>(`client.conversations.get({ type: 'user', id: '${aliceId}' }).unread`);
  expect(unread).toBe(1);
  const err = await bob.run<string>(`client.messages.send({ to: { type: 'user', id: 'nope' } }).catch(function (e) { return e.code; })`);
  expect(err).toBe('InvalidParam');
  // close() stops everything: no heartbeat, connect or retry timer survives it.
  for (const p of [alice, bob]) {
    expect(p.liveTimers.size).toBeGreaterThan(0);
    await p.run('client.close()');
    expect(p.liveTimers.size).toBe(0);
  }
});

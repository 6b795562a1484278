// Mini-program safety gate on the built bundles (sdk/dist/miniprogram, built by `npm test`'s pretest):
// they must load and work where WeChat forbids dynamic code (no eval, no new Function) and where
// TextEncoder, TextDecoder and BigInt do not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { parse } from 'acorn';
import { encodeFrame } from 'floo-miniprogram/protocol';

const DIST = join(__dirname, '../../sdk/dist/miniprogram');
const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));

/** A fresh realm without code generation from strings and without the APIs mini-programs lack. */
function miniProgramRealm(): vm.Context {
  const context = vm.createContext({ console }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.BigInt; delete globalThis.BigInt64Array; delete globalThis.BigUint64Array;', context);
  return context;
}

function load(file: string): vm.Context {
  const context = miniProgramRealm();
  vm.runInContext('var module = { exports: {} }; var exports = module.exports;', context);
  vm.runInContext(readFileSync(join(DIST, file), 'utf8'), context, { filename: file });
  return context;
}

/** A server frame (SyncDL with a 64-bit id), encoded outside the realm by the full codec. */
const DOWN = Array.from(encodeFrame({
  command: 1,
  payload: {
    status: { code: 1 }, xid: { uid: '1001' }, next_key: '18446744073709551615',
    metas: [{ id: '18446744073709551615', from: { uid: '9007199254740993' }, to: { uid: '1001' }, ns: 1, payload: { type: 2, content: 'héllo 你好 👋' } }],
  },
}, { direction: 'down' }));

test('the dist folder holds the expected entries', () => {
  expect(files.sort()).toEqual(['index.js', 'protocol.js']);
});

test('the realm really forbids dynamic code and lacks TextEncoder, TextDecoder and BigInt', () => {
  const context = miniProgramRealm();
  expect(vm.runInContext('[typeof TextEncoder, typeof TextDecoder, typeof BigInt, typeof Buffer, typeof process]', context))
    .toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  expect(() => vm.runInContext('eval("1")', context)).toThrow(/Code generation from strings disallowed/);
  expect(() => vm.runInContext('new Function("return 1")', context)).toThrow(/Code generation from strings disallowed/);
});

test.each(files)('%s loads there, encodes a client frame and decodes a server frame with 64-bit ids', (file) => {
  const context = load(file);
  context.DOWN = DOWN;
  const out = JSON.parse(vm.runInContext(`
    (function () {
      var p = module.exports;
      var up = p.encodeFrame({ vsn: 0, compress_method: 0, command: p.Command.SYNC, payload: { meta: {
        id: '18446744073709551615', from: { uid: '1001', deviceSN: 2 }, to: { uid: '9007199254740993' },
        timestamp: '1795320211085', ns: p.NameSpace.MESSAGE, payload: { type: p.MessageType.CHAT, content: 'héllo 你好 👋' } } } });
      var down = p.decodeFrame(new Uint8Array(DOWN).buffer);
      var err = null;
      try { p.decodeFrame(new Uint8Array([0x22, 0x05])); } catch (e) { err = e.name + ':' + e.kind; }
      return JSON.stringify({ up: Array.prototype.slice.call(up), down: down, err: err });
    })()`, context));
  expect(out.down.payload.metas[0].id).toBe('18446744073709551615');
  expect(out.down.payload.metas[0].from.uid).toBe('9007199254740993');
  expect(out.down.payload.metas[0].payload.content).toBe('héllo 你好 👋');
  expect(out.err).toBe('ProtocolError:MALFORMED');
  // The frame the realm encoded is byte-identical to what the full codec encodes.
  const expected = encodeFrame({ vsn: 0, compress_method: 0, command: 1, payload: { meta: {
    id: '18446744073709551615', from: { uid: '1001', deviceSN: 2 }, to: { uid: '9007199254740993' },
    timestamp: '1795320211085', ns: 1, payload: { type: 2, content: 'héllo 你好 👋' } } } });
  expect(out.up).toEqual(Array.from(expected));
});

test('index.js creates a client on a wx platform there and rejects bad arguments with typed errors', async () => {
  const context = load('index.js');
  const result = await vm.runInContext(`
    (function () {
      var p = module.exports;
      var noop = function () {};
      var storage = {};
      var wx = {
        connectSocket: function () { return { send: noop, close: noop, onOpen: noop, onClose: noop, onError: noop, onMessage: noop }; },
        request: noop, getStorage: function (o) { o.fail({ errMsg: 'getStorage:fail data not found' }); },
        setStorage: function (o) { storage[o.key] = o.data; o.success({}); }, removeStorage: function (o) { o.success({}); },
        getStorageInfo: function (o) { o.success({ keys: Object.keys(storage) }); },
        onAppShow: noop, onAppHide: noop, offAppShow: noop, offAppHide: noop, onNetworkStatusChange: noop, offNetworkStatusChange: noop,
      };
      var client = p.createClient({ appId: 'demo' }, p.createWxPlatform({ wx: wx, log: null }));
      return client.messages.send({ to: { type: 'user', id: 'x' }, content: 'hi' }).then(
        function () { return 'sent?'; },
        function (e) { return [client.state, e.name, e.code, e instanceof p.FlooError].join(','); });
    })()`, context);
  expect(result).toBe('idle,InvalidArgumentError,InvalidParam,true');
});

test.each(files)('%s is ES2015 syntax (what older WeChat engines run without DevTools\' ES5 pass)', (file) => {
  expect(() => parse(readFileSync(join(DIST, file), 'utf8'), { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
});

test.each(files)('%s contains no eval( or Function(', (file) => {
  const source = readFileSync(join(DIST, file), 'utf8');
  expect(source.match(/(^|[^A-Za-z0-9_$.])(eval|Function)\s*\(/g)).toBeNull();
});

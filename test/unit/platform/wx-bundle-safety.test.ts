/**
 * The wx adapter bundled alone (esbuild, ES2015, CommonJS) must run where mini-programs run: no
 * eval/new Function, no TextEncoder/TextDecoder, no BigInt, no Node built-ins, no global `wx` read
 * at load time. It is loaded into a vm realm with code generation from strings disabled.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import * as vm from 'node:vm';

const entry = join(__dirname, '../../../sdk/src/platform/wx/index.ts');
const source = buildSync({ entryPoints: [entry], bundle: true, format: 'cjs', target: 'es2015', platform: 'neutral', write: false, logLevel: 'silent' })
  .outputFiles[0].text;

function realm(): vm.Context {
  const context = vm.createContext({ console, setTimeout, clearTimeout }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.BigInt; delete globalThis.BigInt64Array; delete globalThis.BigUint64Array;', context);
  vm.runInContext('var module = { exports: {} }; var exports = module.exports;', context);
  vm.runInContext(source, context, { filename: 'wx-platform.js' });
  return context;
}

test('the bundle requires nothing and names no Node or dynamic-code API', () => {
  expect(source).not.toMatch(/\brequire\(/);
  expect(source).not.toMatch(/(^|[^A-Za-z0-9_$.])(eval|Function)\s*\(/);
  expect(source).not.toMatch(/\b(TextEncoder|TextDecoder|BigInt|Buffer|process)\b/);
});

test('it loads without a global wx and works in a realm without dynamic code, TextEncoder or BigInt', async () => {
  const context = realm();
  const result = await vm.runInContext(`
    (function () {
      var lib = module.exports;
      var missing = '';
      try { lib.createWxPlatform(); } catch (e) { missing = e.message; }
      var sent = [];
      var store = {};
      var wx = {
        connectSocket: function () {
          return { send: function (o) { sent.push(o.data); }, close: function () {}, onOpen: function (f) { this.open = f; },
            onMessage: function () {}, onClose: function () {}, onError: function () {} };
        },
        request: function () {},
        getStorage: function (o) { setTimeout(function () { o.key in store ? o.success({ data: store[o.key] }) : o.fail({ errMsg: 'getStorage:fail data not found' }); }, 0); },
        setStorage: function (o) { setTimeout(function () { store[o.key] = o.data; o.success({}); }, 0); },
        removeStorage: function (o) { setTimeout(function () { delete store[o.key]; o.success({}); }, 0); },
        getStorageInfo: function (o) { o.success({ keys: Object.keys(store), currentSize: 0, limitSize: 10240 }); }
      };
      var platform = lib.createWxPlatform({ wx: wx, log: null });
      var socket = platform.connect('wss://x/', { onOpen: function () {}, onMessage: function () {}, onClose: function () {}, onError: function () {} });
      socket.send(new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 4));
      return platform.storage.set('k', 'héllo 你好 👋').then(function () { return platform.storage.get('k'); }).then(function (v) {
        return JSON.stringify({ missing: missing, sentIsBuffer: sent[0] instanceof ArrayBuffer, sent: Array.prototype.slice.call(new Uint8Array(sent[0])), value: v });
      });
    })()`, context);
  expect(JSON.parse(result)).toEqual({ missing: expect.stringMatching(/no global wx/), sentIsBuffer: true, sent: [1, 2, 3], value: 'héllo 你好 👋' });
});

// Mini-program safety gate on the built bundle (sdk/dist/miniprogram, built by `npm test`'s pretest):
// it must load and work where WeChat forbids dynamic code (no eval, no new Function) and where
// TextEncoder, TextDecoder and BigInt do not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';

const DIST = join(__dirname, '../../sdk/dist/miniprogram');
const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));

/** A fresh realm without code generation from strings and without the APIs mini-programs lack. */
function miniProgramRealm(): vm.Context {
  const context = vm.createContext({ console }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.BigInt; delete globalThis.BigInt64Array; delete globalThis.BigUint64Array;', context);
  return context;
}

function load(file: string, context: vm.Context): void {
  const source = readFileSync(join(DIST, file), 'utf8');
  vm.runInContext('var module = { exports: {} }; var exports = module.exports;', context);
  vm.runInContext(source, context, { filename: file });
}

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

test.each(files)('%s loads there and round-trips frames with 64-bit ids', (file) => {
  const context = miniProgramRealm();
  load(file, context);
  const result = vm.runInContext(`
    (function () {
      var p = module.exports;
      var frame = { vsn: 0, compress_method: 0, command: p.Command.SYNC, payload: { meta: {
        id: '18446744073709551615', from: { uid: '1001', deviceSN: 2 }, to: { uid: '9007199254740993' },
        timestamp: '1795320211085', ns: p.NameSpace.MESSAGE,
        payload: { type: p.MessageType.CHAT, content: 'héllo 你好 👋', ctype: 0 } } } };
      var bytes = p.encodeFrame(frame);
      var back = p.decodeFrame(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { direction: 'up' });
      var err = null;
      try { p.decodeFrame(new Uint8Array([0x22, 0x05])); } catch (e) { err = e.name + ':' + e.kind; }
      return JSON.stringify({ back: back, length: bytes.length, err: err });
    })()`, context);
  const { back, length, err } = JSON.parse(result);
  expect(length).toBeGreaterThan(40);
  expect(back.payload.meta.id).toBe('18446744073709551615');
  expect(back.payload.meta.to.uid).toBe('9007199254740993');
  expect(back.payload.meta.payload.content).toBe('héllo 你好 👋');
  expect(err).toBe('ProtocolError:MALFORMED');
});

test.each(files)('%s contains no eval( or Function(', (file) => {
  const source = readFileSync(join(DIST, file), 'utf8');
  expect(source.match(/(^|[^A-Za-z0-9_$.])(eval|Function)\s*\(/g)).toBeNull();
});

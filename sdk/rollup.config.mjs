// Builds floo-miniprogram:
//  dist/esm/*.js         ES modules (bundlers, Node ESM)
//  dist/cjs/*.js         CommonJS (Node require)
//  dist/miniprogram/*.js one minified CommonJS file per entry, ES2015, no runtime dependencies: the
//                        folder WeChat DevTools copies into miniprogram_npm on "构建 npm"
//  dist/types/*.d.ts     bundled declarations
// protobufjs' minimal runtime and fflate are bundled into every output, so the package has no
// runtime dependencies. protobufjs probes for long.js with require("long"); the SDK carries 64-bit
// values as decimal strings and never needs it, so that require resolves to an empty module.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

// index: the wx-bound SDK (package main and the mini-program dist); node: the Node-bound SDK;
// protocol: the codec alone (servers, tools).
const input = { index: 'src/index.ts', node: 'src/node.ts', protocol: 'src/protocol.ts' };
const miniprogramInput = { index: 'src/index.ts', protocol: 'src/protocol.ts' };
// The Node entry's own dependencies stay imports: `ws` (an optional peer dependency) and built-ins.
const external = (id) => id === 'ws' || id.startsWith('node:');
const NO_LONG = '\0floo:no-long';

const noLong = {
  name: 'floo-no-long',
  resolveId: (id) => (id === 'long' ? NO_LONG : null),
  load: (id) => (id === NO_LONG ? 'export default null;' : null),
};

// Parts of protobufjs' minimal runtime the generated code never calls: float/double and base64 (the
// schema has neither), the RPC service layer and its helpers, and the Node Buffer reader/writer
// (the codec always passes its own Reader/Writer subclasses). Replacing them with stubs saves ~2 KB
// gzip in the mini-program build; a stub throws if anything ever reaches it.
const fail = (what) => `function () { throw new Error("protobuf ${what} is not supported"); }`;
const STUBS = {
  '@protobufjs/float': `var no = ${fail('float/double')}; export default { writeFloatLE: no, writeFloatBE: no, readFloatLE: no, readFloatBE: no, writeDoubleLE: no, writeDoubleBE: no, readDoubleLE: no, readDoubleBE: no };`,
  '@protobufjs/base64': `var no = ${fail('base64')}; export default { length: no, encode: no, decode: no, test: function () { return false; } };`,
  '@protobufjs/aspromise': `export default ${fail('rpc')};`,
  '@protobufjs/eventemitter': 'export default function EventEmitter() {}',
  './rpc': 'export default {};',
  './writer_buffer': 'function BufferWriter() {} BufferWriter._configure = function () {}; export default BufferWriter;',
  './reader_buffer': 'function BufferReader() {} BufferReader._configure = function () {}; export default BufferReader;',
};
const trimRuntime = {
  name: 'floo-trim-protobuf-runtime',
  resolveId(id, importer) {
    if (!(id in STUBS)) return null;
    if (id.startsWith('./') && !(importer && /protobufjs[\\/]src[\\/]index-minimal\.js$/.test(importer))) return null;
    return `\0floo-stub:${id}`;
  },
  load: (id) => (id.startsWith('\0floo-stub:') ? STUBS[id.slice('\0floo-stub:'.length)] : null),
};

// The mini-program files are lowered to ES2015 once per bundle, after rollup joined the modules: done per
// module, every module would carry its own copy of the async/spread helpers.
const lowerBundle = {
  name: 'floo-lower-to-es2015',
  async renderChunk(code) {
    const out = await transform(code, { target: 'es2015', format: 'cjs', loader: 'js' });
    return { code: out.code, map: null };
  },
};

// Node reads dist/esm/*.js as ES modules because of a package.json scoped to that folder.
const esmPackageJson = {
  name: 'floo-esm-package-json',
  generateBundle(options) {
    if (options.format === 'es') this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
  },
};

// Debug and info log calls are dropped from the mini-program build (every byte counts under the 2 MB
// package cap); warnings and errors stay.
const DEBUG_LOGS = ['this.log.debug', 'this.log.info', 'this.deps.log.debug', 'this.deps.log.info'];

// Private members that are internal to the SDK (never part of a public type, the Platform seam or the
// wire) get short names in the mini-program build. Listed by hand: a name here must never be read
// through a string (Connection's timer fields are, so they are not listed) or by code outside the
// bundle. The build's e2e test runs the bundle on the wx shim and checks no timer outlives close().
const PRIVATE_NAMES = [
  'assertNotLoggedIn', 'assertOpen', 'attempt', 'awaitingUnread', 'checkCredentials', 'checkIdle', 'clearTimer', 'clearTimers',
  'degrade', 'dropSocket', 'drain', 'evictionOrder', 'evictionPolicy', 'indexKey', 'indexValue',
  'isDegraded', 'lastFrameAt', 'lastMid', 'loginWait', 'newGuid', 'onDegraded', 'onListenerError', 'persister',
  'provisionReply', 'provisioned', 'pulls', 'pump', 'scheduleHeartbeat', 'shardKey', 'shardValue', 'socketSeq',
  'stateChanged', 'syncIdle', 'tokenInvalid', 'fetchToken', 'trimMemory', 'persist', 'deps', 'rt', 'docs', 'openSession',
  'endSession', 'ensureServers', 'provisionRefused', 'writeOne', 'makeRoom', 'loaded', 'waiting', 'touch', 'running', 'dirty',
  'chain', 'lost', 'move', 'receive', 'heartbeat', 'markReadLocally', 'conversationDeleted', 'storeAndAnnounce',
  'settleSending', 'addSending', 'removeUnsent', 'readDoc', 'writeDoc', 'abandonWaiters', 'resendAll', 'handleAck',
  'nextClientMid', 'cancelAll', 'applyPage', 'onIdle', 'settled', 'transmit', 'summary', 'loading',
  // client.groups internals (sdk/src/core/social/group-core.ts, managers/groups.ts).
  'groupInfos', 'groupMembers', 'groupSettings', 'joinedIds', 'groupCall', 'myId', 'keepGroup', 'dropGroup', 'clearGroups',
  'groupGet', 'actOnUsers', 'handleRequest', 'ownSetting',
];

// The mini-program build of the client uses the client-only codec: the table-driven codec of
// src/protocol/compact with the schema string scripts/generate.mjs writes to xsync-client.ts, on its own
// small reader and writer instead of protobufjs' runtime (-4.9 KB gzip), and the small inflater of
// compact/inflate.ts instead of fflate's (-1.1 KB). test/unit/protocol/compact*.test.ts check them
// against the generated codec and fflate.
const CLIENT_CODEC = {
  './generated/xsync': './src/protocol/generated/xsync-client.ts',
  './wire': './src/protocol/compact/wire.ts',
  './inflate': './src/protocol/compact/inflate.ts',
};
const clientCodec = {
  name: 'floo-client-codec',
  resolveId(id, importer) {
    if (!(id in CLIENT_CODEC) || !importer || !/src[\\/]protocol[\\/]\w+\.ts$/.test(importer)) return null;
    return fileURLToPath(new URL(CLIENT_CODEC[id], import.meta.url));
  },
};

const plugins = (target, extra = []) => [
  ...extra,
  noLong,
  trimRuntime,
  nodeResolve({ preferBuiltins: false }),
  // 'auto': require() of a stub (an ES module with only a default export) returns that default.
  commonjs({ requireReturnsDefault: 'auto' }),
  esbuild({ target, tsconfig: '../tsconfig.json', sourceMap: false }),
];

export default [
  {
    input,
    external,
    plugins: [...plugins('es2018'), esmPackageJson],
    treeshake: { moduleSideEffects: false },
    output: [
      { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js' },
      { dir: 'dist/cjs', format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js', exports: 'named' },
    ],
  },
  // One self-contained file per entry for the mini-program: no shared chunks to resolve at run time.
  ...Object.entries(miniprogramInput).map(([name, file]) => ({
    input: file,
    plugins: [...plugins('es2022', name === 'index' ? [clientCodec] : []), lowerBundle],
    treeshake: { moduleSideEffects: false },
    output: {
      file: `dist/miniprogram/${name}.js`,
      format: 'cjs',
      exports: 'named',
      plugins: [terser({
        ecma: 2015,
        compress: { passes: 2, pure_funcs: DEBUG_LOGS },
        mangle: { properties: { regex: new RegExp(`^(?:${PRIVATE_NAMES.join('|')})$`) } },
        format: { comments: false },
      })],
    },
  })),
  {
    input,
    external,
    plugins: [dts({ tsconfig: '../tsconfig.json', compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true } })],
    output: { dir: 'dist/types', format: 'es', entryFileNames: '[name].d.ts' },
  },
];

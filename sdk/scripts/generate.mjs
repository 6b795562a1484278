// Generates sdk/src/protocol/generated/xsync.ts from sdk/proto/*.proto with pbjs (protobufjs-cli 1.x,
// static-module target on the protobufjs 7 minimal runtime), then trims what the SDK never uses:
//  - prototype defaults: without them an absent field reads `undefined`, which is what our public
//    types say, and the bundle is smaller;
//  - the generated enum objects: the SDK exports its own typed `as const` enums (checked against the
//    .proto files by a test).
// The output is deterministic; it is not committed (see .gitignore) and is rebuilt by `npm run generate`.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { pbjs } = require('protobufjs-cli');

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(sdk, 'proto');
const outDir = join(sdk, 'src', 'protocol', 'generated');
const files = readdirSync(protoDir).filter((f) => f.endsWith('.proto')).sort().map((f) => join(protoDir, f));

const tmp = mkdtempSync(join(tmpdir(), 'floo-pbjs-'));
const raw = join(tmp, 'xsync.js');
const args = [
  '-t', 'static-module', '-w', 'es6', '-r', 'floo_xsync', '--keep-case',
  '--no-create', '--no-verify', '--no-convert', '--no-delimited', '--no-typeurl', '--no-service', '--no-comments',
  '-p', protoDir, '-o', raw, ...files,
];

await new Promise((resolve, reject) => pbjs.main(args, (err) => (err ? reject(err) : resolve())));
let code = readFileSync(raw, 'utf8');
rmSync(tmp, { recursive: true, force: true });

const before = code.length;
// The CJS minimal runtime has no named ESM exports; take its default export.
code = code.replace('import * as $protobuf from "protobufjs/minimal";', 'import $protobuf from "protobufjs/minimal.js";');
// Prototype defaults, e.g. `XID.prototype.uid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;`
code = code.replace(/^\s+\w+\.prototype\.\w+ = [^\n]*;\n/gm, '');
// Enum objects: `X.Y = (function() { const valuesById = {}, ...; return values; })();`
code = code.replace(/^(\s+)\w+\.\w+ = \(function\(\) \{\n\s+const valuesById = \{\}[^]*?\n\1\}\)\(\);\n/gm, '');
// Constructors copy a properties argument that the codec never passes (decode calls `new X()`):
// keep only their repeated-field initialisers.
code = code.replace(/\n(\s+)if \(properties\)\n\s+for \(let keys = Object\.keys\(properties\), i = 0; i < keys\.length; \+\+i\)\n\s+if \(properties\[keys\[i\]\] != null && keys\[i\] !== "__proto__"\)\n\s+this\[keys\[i\]\] = properties\[keys\[i\]\];/g, '');
// Presence is `!= null`: with the prototype defaults gone, an absent field reads undefined on decoded
// objects, and the codec's inputs are plain objects (documented), so the hasOwnProperty test is redundant.
code = code.replace(/ && Object\.hasOwnProperty\.call\(message, "\w+"\)/g, '');
// Inside the namespace function the messages are the local `protobuf.X`; the long global path is not needed.
code = code.replace(/\$root\.im\.floo\.protobuf\./g, 'protobuf.');
if (/valuesById|\.prototype\.\w+ =/.test(code)) throw new Error('generate: post-processing left enum or default code behind');
if (/properties\[keys|\$root\.im\.floo\.protobuf\./.test(code)) throw new Error('generate: a trimming pattern no longer matches pbjs output');
if (!code.includes('import $protobuf from "protobufjs/minimal.js";')) throw new Error('generate: unexpected pbjs import line');

// A client-only codec for the mini-program build of the SDK: the schema as one string for the
// table-driven codec of src/protocol/compact (a fraction of the size of the generated code and the
// protobufjs runtime). A client encodes what it sends (up) and decodes what it receives (down), so the
// encoders of server-only messages and the decoders of client-only ones are left out, as before.
const DOWN_ONLY = ['UnreadDL', 'ConversationUnread', 'SyncDL', 'Notice', 'UserNotice', 'RosterNotice', 'GroupNotice'];
const UP_ONLY = ['SyncUL', 'UnreadUL'];
const protobuf = require('protobufjs');
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : join(protoDir, target));
root.loadSync(files, { keepCase: true }).resolveAll();
const ns = root.lookup('im.floo.protobuf');
const SCALAR = { int32: 'i', uint32: 'u', sint32: 's', bool: 'b', string: 'S', bytes: 'B', uint64: 'L' };
const schema = ns.nestedArray.filter((t) => t instanceof protobuf.Type).map((t) => {
  const fields = t.fieldsArray.slice().sort((a, b) => a.id - b.id).map((f) => {
    const rt = f.resolvedType;
    const type = rt instanceof protobuf.Enum ? 'i' : rt ? rt.name : SCALAR[f.type];
    // The compact codec has no packed repeated scalars, maps, oneofs or nested message types.
    if (!type || f.map || f.partOf || (f.repeated && !(rt instanceof protobuf.Type)) || (rt instanceof protobuf.Type && rt.parent !== ns)) {
      throw new Error(`generate: the compact codec cannot carry ${t.name}.${f.name} (${f.type})`);
    }
    return `${f.name}:${f.repeated ? '*' : ''}${type}:${f.id}`;
  });
  return `${t.name}=${fields.join(',')}`;
}).join(';');
for (const n of [...DOWN_ONLY, ...UP_ONLY]) if (!ns.get(n)) throw new Error(`generate: unknown message ${n}`);
const clientCode = [
  "import { buildCodecs } from '../compact/codec';",
  '',
  '/** Every message of the schema, for buildCodecs. */',
  `export const SCHEMA = ${JSON.stringify(schema)};`,
  '',
  `export const im = { floo: { protobuf: buildCodecs(SCHEMA, ${JSON.stringify(DOWN_ONLY)}, ${JSON.stringify(UP_ONLY)}) } };`,
  '',
].join('\n');

const header = [
  '// @ts-nocheck',
  '// GENERATED by sdk/scripts/generate.mjs from sdk/proto/*.proto. Do not edit.',
  '',
].join('\n');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'xsync.ts'), header + code);
writeFileSync(join(outDir, 'xsync-client.ts'), header.replace('// @ts-nocheck\n', '') + clientCode);
console.log(`generate: ${files.length} .proto files -> src/protocol/generated/xsync.ts (${code.length} bytes, trimmed from ${before})`);

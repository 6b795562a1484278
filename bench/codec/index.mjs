// bench/codec: ops/s of the SDK codec (static code on the protobufjs 7 minimal runtime, ids as decimal
// strings) against protobufjs reflection from a JSON descriptor (the official client's approach), and
// the size of the mini-program build. Writes bench/results/codec.json.
import { encodeFrame, decodeFrame } from '../../sdk/dist/esm/protocol.js';
import { measureSizes } from '../../sdk/scripts/sizes.mjs';
import { opsPerSecond, printTable, writeResult } from '../lib/measure.mjs';
import { reflectionCodec } from './reflection.mjs';
import { WORKLOADS } from './workloads.mjs';

const TARGET_DECODE_RATIO = 3;
const TARGET_CODEC_GZIP = 18 * 1024;
const TARGET_SDK_GZIP = 35 * 1024;

export async function run({ ms = 1000 } = {}) {
  const reflection = reflectionCodec();
  const rows = [];
  for (const w of WORKLOADS) {
    const bytes = encodeFrame(w.frame, { direction: w.direction });
    const refBytes = reflection.encode(w.frame, w.payloadType);
    if (Buffer.compare(Buffer.from(bytes), Buffer.from(refBytes)) !== 0) {
      throw new Error(`${w.name}: the SDK and the reflection baseline encode different bytes`);
    }
    const sdkEncode = opsPerSecond(() => encodeFrame(w.frame, { direction: w.direction }), ms);
    const sdkDecode = opsPerSecond(() => decodeFrame(bytes, { direction: w.direction }), ms);
    const refEncode = opsPerSecond(() => reflection.encode(w.frame, w.payloadType), ms);
    const refDecode = opsPerSecond(() => reflection.decode(bytes, w.payloadType), ms);
    const refDecodeStrings = opsPerSecond(() => reflection.decodeToStrings(bytes, w.payloadType), ms);
    rows.push({
      workload: w.name, bytes: bytes.length,
      sdk: { encodeOpsPerSec: Math.round(sdkEncode), decodeOpsPerSec: Math.round(sdkDecode) },
      reflection: {
        encodeOpsPerSec: Math.round(refEncode),
        decodeOpsPerSec: Math.round(refDecode),
        decodeToStringIdsOpsPerSec: Math.round(refDecodeStrings),
      },
      ratios: {
        encode: +(sdkEncode / refEncode).toFixed(2),
        decodeVsLongObjects: +(sdkDecode / refDecode).toFixed(2),
        decodeVsSameOutput: +(sdkDecode / refDecodeStrings).toFixed(2),
      },
    });
  }
  const sizes = measureSizes();
  const codecSize = sizes.find((s) => s.file.endsWith('protocol.js'));
  const sdkSize = sizes.find((s) => s.file.endsWith('index.js'));
  const minDecodeRatio = Math.min(...rows.map((r) => r.ratios.decodeVsSameOutput));
  const targets = {
    decodeRatio: { target: `>= ${TARGET_DECODE_RATIO}x reflection (same output: decimal-string ids)`, measured: minDecodeRatio, met: minDecodeRatio >= TARGET_DECODE_RATIO },
    codecGzip: { target: `<= ${TARGET_CODEC_GZIP} B`, measured: codecSize.gzip, met: codecSize.gzip <= TARGET_CODEC_GZIP },
    sdkGzip: { target: `<= ${TARGET_SDK_GZIP} B`, measured: sdkSize.gzip, met: sdkSize.gzip <= TARGET_SDK_GZIP },
  };

  console.log('\nbench/codec: ops/s (higher is better); reflection = protobufjs from a JSON descriptor, as the official client\n');
  printTable(
    ['workload', 'bytes', 'sdk enc', 'refl enc', 'x', 'sdk dec', 'refl dec (Long)', 'x', 'refl dec (string ids)', 'x'],
    rows.map((r) => [r.workload, r.bytes, r.sdk.encodeOpsPerSec, r.reflection.encodeOpsPerSec, r.ratios.encode,
      r.sdk.decodeOpsPerSec, r.reflection.decodeOpsPerSec, r.ratios.decodeVsLongObjects,
      r.reflection.decodeToStringIdsOpsPerSec, r.ratios.decodeVsSameOutput]),
  );
  console.log('');
  printTable(['mini-program build', 'min bytes', 'gzip bytes', 'budget'],
    sizes.map((s) => [s.file.replace('dist/miniprogram/', ''), s.raw, s.gzip, s.budget]));
  console.log('');
  for (const [k, t] of Object.entries(targets)) console.log(`target ${k}: ${t.target}; measured ${t.measured} -> ${t.met ? 'met' : 'NOT MET'}`);
  const file = writeResult('codec', { workloads: rows, sizes, targets });
  console.log(`\nwrote ${file}`);
  return targets;
}

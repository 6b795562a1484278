// Measures the mini-program build (raw and gzip -9 bytes) and enforces sdk/size-budget.json.
// Used by `npm run build` (fails over budget) and by the benchmarks (reports the numbers).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Sizes and budgets of every budgeted file: [{ file, raw, gzip, budget }]. */
export function measureSizes() {
  const { files } = JSON.parse(readFileSync(join(sdk, 'size-budget.json'), 'utf8'));
  return Object.entries(files).map(([file, budget]) => {
    const bytes = readFileSync(join(sdk, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, budget: budget.gzip };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let over = 0;
  for (const s of measureSizes()) {
    const ok = s.gzip <= s.budget;
    if (!ok) over++;
    console.log(`size: ${s.file} ${(s.raw / 1024).toFixed(1)} KB min, ${(s.gzip / 1024).toFixed(1)} KB gzip (budget ${(s.budget / 1024).toFixed(1)} KB) ${ok ? 'ok' : 'OVER BUDGET'}`);
  }
  if (over) process.exit(1);
}

// Bundles server/src/cli.ts into server/dist/cli.js (Node 20, CommonJS). The XSYNC codec is taken from
// the SDK sources; native and runtime dependencies (better-sqlite3, ws) stay external.
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(serverDir, '..');
const generated = resolve(root, 'sdk/src/protocol/generated/xsync.ts');

if (!existsSync(generated)) {
  console.log('generating the XSYNC codec (npm run generate)');
  execSync('npm run generate', { cwd: root, stdio: 'inherit' });
}

await build({
  entryPoints: [resolve(serverDir, 'src/cli.ts')],
  outfile: resolve(serverDir, 'dist/cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'ws'],
  alias: { 'floo-miniprogram/protocol': resolve(root, 'sdk/src/protocol.ts') },
  tsconfig: resolve(root, 'tsconfig.json'),
  logLevel: 'info',
});

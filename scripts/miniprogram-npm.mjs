// Places the demo's npm dependencies under miniprogram/miniprogram_npm/ the way WeChat DevTools'
// 工具 → 构建 npm does for packages that ship a mini-program build: each package listed in
// miniprogram/package.json `dependencies` (and, recursively, theirs) is copied from its `miniprogram`
// field directory (default `miniprogram_dist`) to miniprogram_npm/<name>/. With that done, importing
// the repository in DevTools needs no extra step.
//
// Run by `npm install` (postinstall) and `npm run build`. `--if-needed` (postinstall) first builds the
// SDK when its mini-program bundle is missing, as in a fresh clone.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDir = join(root, 'miniprogram');
const outDir = join(appDir, 'miniprogram_npm');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The directory of an installed package, resolved from `fromDir` the way Node resolves it. */
function packageDir(name, fromDir) {
  const require = createRequire(join(fromDir, 'package.json'));
  // Walk node_modules upwards: workspaces hoist the demo's dependencies to the root.
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed (needed by ${relative(root, fromDir) || '.'}); run npm install`);
}

/** The folder DevTools copies: the `miniprogram` field, else `miniprogram_dist`. */
function miniprogramDist(dir, pkg) {
  const dist = join(dir, pkg.miniprogram || 'miniprogram_dist');
  if (existsSync(dist)) return dist;
  if (pkg.name === 'floo-miniprogram') {
    throw new Error(`${relative(root, dist)} is missing: build the SDK first (npm run build)`);
  }
  // DevTools would bundle such a package's `main` into one file; the demo depends on none.
  throw new Error(`${pkg.name} ships no mini-program build (${relative(root, dist)}); this script copies only such packages`);
}

/** Copies every dependency of `pkgJsonDir`, depth first; returns the names copied. */
function copyDependencies(pkgJsonDir, done) {
  const { dependencies = {} } = readJson(join(pkgJsonDir, 'package.json'));
  for (const name of Object.keys(dependencies)) {
    if (done.has(name)) continue;
    done.add(name);
    const dir = packageDir(name, pkgJsonDir);
    const pkg = readJson(join(dir, 'package.json'));
    const target = join(outDir, name);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    cpSync(miniprogramDist(dir, pkg), target, { recursive: true, dereference: true });
    copyDependencies(dir, done);
  }
  return done;
}

function buildSdkIfMissing() {
  if (existsSync(join(root, 'sdk/dist/miniprogram/index.js'))) return;
  console.log('miniprogram-npm: the SDK is not built yet; building it (npm run build -w floo-miniprogram)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build', '-w', 'floo-miniprogram'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv.includes('--if-needed')) buildSdkIfMissing();
try {
  const names = copyDependencies(appDir, new Set());
  console.log(`miniprogram-npm: ${[...names].join(', ')} -> ${relative(root, outDir)}/`);
} catch (err) {
  console.error(`miniprogram-npm: ${err.message}`);
  process.exit(1);
}

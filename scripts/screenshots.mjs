// `npm run screenshots`: renders every page of the demo to docs/screenshots/*.png. The pages are
// rendered by the UI test test/ui/screens.test.ts (miniprogram-simulate, real SDK and floo-server),
// which writes each screen as HTML when FLOO_SCREENS_DIR is set; headless Chromium photographs them.
// The rendering is approximate (see test/ui/support/screens.ts). CI does not run this.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const htmlDir = join(root, '.tmp/screens');
const outDir = join(root, 'docs/screenshots');

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

function findChromium() {
  const configured = process.env.CHROMIUM || process.env.CHROME_PATH;
  if (configured) return existsSync(configured) ? configured : fail(`CHROMIUM=${configured} does not exist`);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return fail('no Chromium found. Install it (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM=/path/to/chrome.');
}

const chromium = findChromium();
if (!existsSync(join(root, 'miniprogram/miniprogram_npm/floo-miniprogram/index.js'))) fail('the demo has no miniprogram_npm yet: run npm install (or npm run build) first');
const fonts = spawnSync('sh', ['-c', 'fc-list :lang=zh family'], { encoding: 'utf8' });
if (fonts.status === 0 && !fonts.stdout.trim()) console.warn('screenshots: no Chinese font installed; text will show as boxes (Debian: apt-get install -y fonts-noto-cjk)');

rmSync(htmlDir, { recursive: true, force: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const jest = spawnSync(npx, ['jest', 'test/ui/screens.test.ts', '--selectProjects', 'ui'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, FLOO_SCREENS_DIR: htmlDir },
});
if (jest.status !== 0) fail('rendering the pages failed (see the test output above)');

mkdirSync(outDir, { recursive: true });
const pages = readdirSync(htmlDir).filter((f) => f.endsWith('.html')).sort();
for (const page of pages) {
  const png = join(outDir, page.replace(/\.html$/, '.png'));
  const shot = spawnSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
    '--window-size=750,1334', `--screenshot=${png}`, pathToFileURL(join(htmlDir, page)).href,
  ], { encoding: 'utf8', timeout: 60000 });
  if (shot.status !== 0 || !existsSync(png)) fail(`chromium could not photograph ${page}: ${shot.stderr || shot.error}`);
  console.log(`screenshots: ${png.slice(root.length + 1)}`);
}

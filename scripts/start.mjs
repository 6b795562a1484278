// `npm start`: builds floo-server and runs it with the demo data on port 9800 (override with
// `npm start -- --port 9900`, or any other floo-server flag), then tells how to open the demo.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build', '-w', 'floo-server'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = process.argv.slice(2);
const withDefault = (flag, value) => (args.includes(flag) ? [] : [flag, value]);
const server = spawn(process.execPath, [join(root, 'server/bin/floo-server.js'), ...withDefault('--seed', 'showcase'), ...withDefault('--port', '9800'), ...args], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let hinted = false;
let url = '';
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const text = String(chunk);
  const m = /listening (http:\/\/\S+)/.exec(text);
  if (m) url = m[1];
  // The server prints its discovery URL last; the hint goes after everything it printed.
  if (url && /^dns /m.test(text) && !hinted) {
    hinted = true;
    process.stdout.write([
      '',
      'Open the demo in WeChat DevTools:',
      `  1. Import (导入项目) this folder: ${root}  (project.config.json is at the root)`,
      '  2. "Do not verify domain names" is already on (urlCheck: false), so the demo can reach this server.',
      `  3. The demo talks to ${url}; log in as alice, bob, carol or dave with the password printed above.`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'));
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(signal ? 0 : code ?? 0));

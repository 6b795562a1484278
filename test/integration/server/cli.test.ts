/** The bundled CLI: builds, starts, prints where it listens, serves, and stops on SIGTERM. */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'server/scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
});

test('floo-server --seed demo --port 0 --data :memory:', async () => {
  const child = spawn(process.execPath, [path.join(root, 'server/bin/floo-server.js'), '--seed', 'demo', '--port', '0', '--data', ':memory:', '--quiet'], { cwd: root });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && /password floo-demo/.test(out)) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
  });
  expect(out).toMatch(/apps demo/);
  const dns = (await (await fetch(`${url}/v2/app_dns?app_id=demo`)).json()) as { code: number };
  expect(dns.code).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('floo-server --help and bad options', () => {
  const help = execFileSync(process.execPath, [path.join(root, 'server/bin/floo-server.js'), '--help'], { encoding: 'utf8' });
  expect(help).toMatch(/--seed demo/);
  let status = 0;
  try {
    execFileSync(process.execPath, [path.join(root, 'server/bin/floo-server.js'), '--bogus'], { stdio: 'pipe' });
  } catch (err) {
    status = (err as { status: number }).status;
  }
  expect(status).toBe(2);
});

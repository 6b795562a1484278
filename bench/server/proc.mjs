// The server under test: built from server/src, run as a child process on 127.0.0.1 with a random port
// and a temporary data folder (real SQLite file in WAL mode), stopped and removed afterwards. Also reads
// the child's RSS and CPU time from /proc, and the file-descriptor limits.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER = join(ROOT, 'server/bin/floo-server.js');

/** Bundles server/src into server/dist/cli.js (esbuild, well under a second), so the bench measures the current sources. */
export function buildServer() {
  execFileSync(process.execPath, [join(ROOT, 'server/scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** Soft and hard limits on open files of processes started from this one (`ulimit -n` in a child shell). */
export function fileLimits() {
  const read = (flag) => {
    const v = execFileSync('/bin/sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
    return v === 'unlimited' ? Infinity : Number(v);
  };
  return { soft: read('-Sn'), hard: read('-Hn') };
}

/** CPU seconds the whole machine spent busy (all cores, from /proc/stat), for telling other load apart. */
export function machineBusySeconds() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / TICKS;
}

/** Clock ticks per second for /proc/<pid>/stat CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Starts floo-server (it inherits this process's open-file limit). */
export async function startServerProcess({ args = [], nodeArgs = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'floo-bench-'));
  const argv = [...nodeArgs, LAUNCHER, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--quiet', ...args];
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => { err += c; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`floo-server did not start within 15 s: ${out}${err}`)), 15_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && /^apps /m.test(out)) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`floo-server exited with ${code}: ${out}${err}`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const pid = child.pid;
  return {
    url,
    pid,
    dataDir,
    /** Resident set size of the server process in bytes. */
    rss() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : NaN;
    },
    /** User + system CPU seconds used by the server so far. */
    cpuSeconds() {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS;
    },
    /** Everything the server wrote to stdout (its start-up lines, and e.g. --trace-gc output). */
    stdout: () => out,
    /** Anything the server wrote to stderr (it runs with --quiet, so errors only). */
    stderr: () => err,
    /** SIGTERM (the server closes sockets and checkpoints the WAL), then removes the data folder. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
      return exited;
    },
  };
}

/**
 * `floo-server` command line: parses options, starts the server, prints where it listens and the
 * app ids (stdout), and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SCRYPT_COST } from './auth/passwords';
import { startServer } from './server';

const HELP = `floo-server: a local Lanying-IM-compatible server (XSYNC over WebSocket + ratel REST, on SQLite)

Usage: floo-server [options]

  --port <n>          port to listen on (default 9800; 0 picks a free port)
  --host <addr>       interface to bind (default 127.0.0.1; 0.0.0.0 serves the LAN)
  --data <dir>        data folder (default .floo-data), or :memory:
  --seed demo         create app "demo" with users alice, bob, carol and group "Floo Demo"
  --seed showcase     the demo data plus dave's friend request to alice, an announcement,
                      bob as admin and the public group "Floo Lounge" (what npm start uses)
  --max-devices <n>   online devices per user (default 5)
  --device-policy <p> kick-oldest (default) or reject, beyond --max-devices
  --group-capacity <n> members per group at most (default 500)
  --max-owned-groups <n> groups one user may own (default 1000)
  --recall-window-ms <n> how long a sender may recall a message, in ms (default 300000)
  --max-file-bytes <n>   largest chat file (file, audio, video) upload (default 20971520, 20 MB)
  --max-image-bytes <n>  largest chat image upload (default 10485760, 10 MB)
  --max-avatar-bytes <n> largest avatar upload (default 2097152, 2 MB)
  --slot-ttl-ms <n>   lifetime of an upload slot in ms (default 600000, 10 minutes)
  --scrypt-n <n>      scrypt cost N for new password hashes (default 16384). For tests and
                      benchmarks only: a lower N makes stored passwords cheap to brute-force
  --quiet             no log lines on stderr
  --help              show this help
`;

/** Runs the CLI with `argv` (without node and script). Resolves with the process exit code on usage errors. */
export async function main(argv: string[]): Promise<number | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        'max-devices': { type: 'string' },
        'device-policy': { type: 'string' },
        'group-capacity': { type: 'string' },
        'max-owned-groups': { type: 'string' },
        'recall-window-ms': { type: 'string' },
        'max-file-bytes': { type: 'string' },
        'max-image-bytes': { type: 'string' },
        'max-avatar-bytes': { type: 'string' },
        'slot-ttl-ms': { type: 'string' },
        'scrypt-n': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? 9800 : Number(values.port);
  if (values.seed !== undefined && values.seed !== 'demo' && values.seed !== 'showcase') {
    process.stderr.write(`unknown seed ${JSON.stringify(values.seed)} (demo or showcase)\n`);
    return 2;
  }
  const policy = values['device-policy'];
  if (policy !== undefined && policy !== 'kick-oldest' && policy !== 'reject') {
    process.stderr.write('--device-policy must be kick-oldest or reject\n');
    return 2;
  }
  let scryptCost;
  if (values['scrypt-n'] !== undefined) {
    const n = Number(values['scrypt-n']);
    // scrypt needs a power of two above 1; 2^20 already takes a gigabyte.
    if (!Number.isSafeInteger(n) || n < 2 || n > 2 ** 20 || (n & (n - 1)) !== 0) {
      process.stderr.write('--scrypt-n must be a power of two from 2 to 1048576\n');
      return 2;
    }
    scryptCost = { ...DEFAULT_SCRYPT_COST, N: n };
  }
  let server;
  try {
    server = await startServer({
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: values.data ?? '.floo-data',
      seed: values.seed === 'demo' || values.seed === 'showcase' ? values.seed : false,
      maxDevicesPerUser: values['max-devices'] === undefined ? undefined : Number(values['max-devices']),
      devicePolicy: policy,
      groupCapacity: values['group-capacity'] === undefined ? undefined : Number(values['group-capacity']),
      maxOwnedGroups: values['max-owned-groups'] === undefined ? undefined : Number(values['max-owned-groups']),
      recallWindowMs: values['recall-window-ms'] === undefined ? undefined : Number(values['recall-window-ms']),
      maxFileBytes: values['max-file-bytes'] === undefined ? undefined : Number(values['max-file-bytes']),
      maxImageBytes: values['max-image-bytes'] === undefined ? undefined : Number(values['max-image-bytes']),
      maxAvatarBytes: values['max-avatar-bytes'] === undefined ? undefined : Number(values['max-avatar-bytes']),
      slotTtlMs: values['slot-ttl-ms'] === undefined ? undefined : Number(values['slot-ttl-ms']),
      scryptCost,
      logger: values.quiet ? false : undefined,
    });
  } catch (err) {
    process.stderr.write(`floo-server: cannot start: ${(err as Error).message}\n`);
    return 1;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`listening ${server.url}`);
  out(`websocket ${server.url.replace(/^http/, 'ws')}/`);
  out(`apps ${server.appIds.join(', ') || '(none; start with --seed demo)'}`);
  if (server.demo) {
    out(`demo app "${server.demo.appId}": users ${server.demo.users.map((u) => `${u.username} (${u.userId})`).join(', ')}; password ${server.demo.password}`);
    out(`dns ${server.url}/v2/app_dns?app_id=${server.demo.appId}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`floo-server: ${signal}, stopping\n`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`floo-server: error while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return undefined;
}

main(process.argv.slice(2)).then((code) => {
  if (code !== undefined) process.exitCode = code;
}, (err) => {
  process.stderr.write(`floo-server: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});

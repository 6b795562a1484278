// bench/sdk: the SDK itself, through floo-server running in a child process on 127.0.0.1.
//  - size of the mini-program build (sdk/dist/miniprogram/index.js, min and gzip);
//  - login → ready with 100 conversations × 50 messages waiting on the server;
//  - 1:1 latency SDK to SDK (send() → the receiver's `message` event), p50/p99.
// The SDK is the built Node entry (sdk/dist/esm/node.js); the server is built and started like
// bench/server does. Writes bench/results/sdk.json.
import { pathToFileURL } from 'node:url';
import { createClient, createNodePlatform } from '../../sdk/dist/esm/node.js';
import { measureSizes } from '../../sdk/scripts/sizes.mjs';
import { percentile, printTable, writeResult } from '../lib/measure.mjs';
import { buildServer, startServerProcess } from '../server/proc.mjs';
import { login as rawLogin, pool, sleep } from '../server/client.mjs';
import { APP_ID, seedUsers } from '../server/rest.mjs';

const CONVERSATIONS = 100;
const MESSAGES_PER_CONVERSATION = 50;
const READY_RUNS = 3;
const LATENCY_MESSAGES = 500;
const LATENCY_RATE = 100; // messages per second, steady
// The product target for the whole SDK bound to wx (the build enforces the current stage's budget, sdk/size-budget.json).
const TARGETS = { sdkGzipBytes: 35 * 1024, readyMs: 300 };
const PASSWORD = 'bench-password';

const DEFINITIONS = {
  size: 'sdk/dist/miniprogram/index.js: the whole SDK bound to wx (codec, client core, wx platform), minified; gzip -9.',
  ready: `client.login({username, password}) resolving (= the \`ready\` event: discovery, REST token, socket, PROVISION, UNREAD, `
    + `then every conversation pulled and acknowledged, stored in memory storage) for a user with ${CONVERSATIONS} conversations × `
    + `${MESSAGES_PER_CONVERSATION} messages waiting; a fresh client and a fresh user each run (${READY_RUNS} runs).`,
  latency: `alice's messages.sendText() call -> bob's \`message\` event (both SDK clients in this process, Node platform); `
    + `${LATENCY_MESSAGES} messages at a steady ${LATENCY_RATE}/s; path: upload -> server stores -> NOTICE -> pull -> SyncDL -> store -> event.`,
};

function quietClient(url) {
  return createClient({ appId: APP_ID, dnsServer: `${url}/v2/app_dns`, logLevel: 'off' }, createNodePlatform({ log: null }));
}

/** Fills `target`'s inbox: each sender sends MESSAGES_PER_CONVERSATION messages; resolves when all are acked. */
async function fillInbox(url, target, senders) {
  await pool(senders, 20, async (sender, i) => {
    const c = await rawLogin(url, sender, `bench-sdk-${sender.id}-${i}`);
    let acked = 0;
    const done = new Promise((resolve) => {
      c.onAck = () => {
        if (++acked === MESSAGES_PER_CONVERSATION) resolve();
      };
    });
    for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++) c.sendText(target.id, `message ${m} from ${sender.name}: are we still on for lunch?`);
    await done;
    await c.close();
  });
}

async function readyRun(url, target, senders) {
  await fillInbox(url, target, senders);
  const client = quietClient(url);
  let messages = 0;
  client.on('message', () => messages++);
  const t0 = performance.now();
  await client.login({ username: target.name, password: PASSWORD });
  const ms = performance.now() - t0;
  const conversations = client.conversations.list().length;
  await client.close();
  if (messages !== CONVERSATIONS * MESSAGES_PER_CONVERSATION || conversations !== CONVERSATIONS) {
    throw new Error(`ready run: got ${messages} messages in ${conversations} conversations`);
  }
  return ms;
}

async function latency(url, alice, bob) {
  const a = quietClient(url);
  const b = quietClient(url);
  await a.login({ username: alice.name, password: PASSWORD });
  await b.login({ username: bob.name, password: PASSWORD });
  const sentAt = new Map();
  const samples = [];
  let received = 0;
  b.on('message', (m) => {
    const t = sentAt.get(m.content);
    if (t !== undefined) samples.push(performance.now() - t);
    received++;
  });
  const to = { type: 'user', id: String(bob.id) };
  const interval = 1000 / LATENCY_RATE;
  const start = performance.now();
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const content = `latency ${i}`;
    sentAt.set(content, performance.now());
    void a.messages.sendText(to, content);
  }
  const deadline = Date.now() + 10_000;
  while (received < LATENCY_MESSAGES && Date.now() < deadline) await sleep(10);
  await a.close();
  await b.close();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100), count: samples.length };
}

export async function run() {
  buildServer();
  const server = await startServerProcess({ args: ['--seed', 'demo', '--scrypt-n', '1024'] });
  try {
    const users = await seedUsers(server.url, READY_RUNS + CONVERSATIONS + 2);
    const targets = users.slice(0, READY_RUNS);
    const senders = users.slice(READY_RUNS, READY_RUNS + CONVERSATIONS);
    const [alice, bob] = users.slice(READY_RUNS + CONVERSATIONS);
    const ready = [];
    for (const t of targets) ready.push(await readyRun(server.url, t, senders));
    const lat = await latency(server.url, alice, bob);
    const sizes = measureSizes();
    const sdk = sizes.find((s) => s.file.endsWith('index.js'));
    const readyMedian = percentile(ready, 50);
    const targets_ = {
      size: { target: `<= ${TARGETS.sdkGzipBytes} B gzip`, measured: sdk.gzip, met: sdk.gzip <= TARGETS.sdkGzipBytes },
      ready: { target: `<= ${TARGETS.readyMs} ms`, measured: +readyMedian.toFixed(1), met: readyMedian <= TARGETS.readyMs },
    };
    console.log('\nbench/sdk: the SDK through floo-server (child process, loopback)\n');
    printTable(['metric', 'value', 'target'], [
      ['mini-program build (index.js), min', `${(sdk.raw / 1024).toFixed(1)} KB`, ''],
      ['mini-program build (index.js), gzip', `${(sdk.gzip / 1024).toFixed(1)} KB`, `<= ${TARGETS.sdkGzipBytes / 1024} KB`],
      [`login -> ready, ${CONVERSATIONS} conv x ${MESSAGES_PER_CONVERSATION} msgs (median of ${READY_RUNS})`, `${readyMedian.toFixed(0)} ms`, `<= ${TARGETS.readyMs} ms`],
      ['  runs', ready.map((r) => r.toFixed(0)).join(' / ') + ' ms', ''],
      [`1:1 latency SDK->SDK p50 (${LATENCY_RATE}/s)`, `${lat.p50.toFixed(2)} ms`, ''],
      [`1:1 latency SDK->SDK p99 (${LATENCY_RATE}/s)`, `${lat.p99.toFixed(2)} ms`, ''],
    ]);
    console.log('');
    for (const [k, t] of Object.entries(targets_)) console.log(`target ${k}: ${t.target}; measured ${t.measured} -> ${t.met ? 'met' : 'NOT MET'}`);
    const file = writeResult('sdk', {
      definitions: DEFINITIONS,
      size: sdk,
      readyMs: { runs: ready.map((r) => +r.toFixed(1)), median: +readyMedian.toFixed(1) },
      latencyMs: { p50: +lat.p50.toFixed(2), p99: +lat.p99.toFixed(2), max: +lat.max.toFixed(2), samples: lat.count, ratePerSecond: LATENCY_RATE },
      targets: targets_,
    });
    console.log(`\nwrote ${file}`);
    return targets_;
  } finally {
    await server.stop?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();

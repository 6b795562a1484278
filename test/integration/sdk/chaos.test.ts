// 200 messages sent while the server is restarted twice and sockets are cut 20 times: every message
// reaches the receiver exactly once, in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { Message } from '../../../sdk/src/core/types';
import { KINDS, makePlatform } from './platforms';

jest.setTimeout(120000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.each(KINDS)('%s: 200 messages across 2 server restarts and 20 socket cuts arrive exactly once, in order', async (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'floo-chaos-'));
  let server: RunningServer = await startTestServer({ dataDir: dir });
  const port = server.port;
  const dns = `${server.url}/v2/app_dns`;
  const opts = { appId: 'demo', dnsServer: dns, reconnect: { baseMs: 20, maxMs: 200 }, timeouts: { heartbeatMs: 2000, heartbeatTimeoutMs: 1000 } };
  const pa = makePlatform(kind);
  const pb = makePlatform(kind);
  const alice: FlooClient = createClient(opts, pa.platform);
  const bob: FlooClient = createClient(opts, pb.platform);
  try {
    const a = await alice.login({ username: 'alice', password: 'floo-demo' });
    await bob.login({ username: 'bob', password: 'floo-demo' });
    const received: Message[] = [];
    bob.on('message', (m) => received.push(m));
    let drops = 0;
    for (const c of [alice, bob]) c.on('connectionStateChange', (ch) => { if (ch.current === 'disconnected') drops++; });
    const bobId = bob.userId!;

    const sends: Promise<Message>[] = [];
    const chaos = (async () => {
      for (let i = 0; i < 22; i++) {
        await sleep(25);
        if (i === 7 || i === 15) {
          await server.close();
          await sleep(30);
          server = await startTestServer({ dataDir: dir, port });
        } else {
          (i % 2 ? pa : pb).kill();
        }
      }
    })();
    for (let i = 0; i < 200; i++) {
      sends.push(alice.messages.sendText({ type: 'user', id: bobId }, `m${i}`));
      await sleep(3);
    }
    await chaos;
    const sent = await Promise.all(sends);
    // The chaos really cut connections: 20 cuts plus two restarts (each drops both clients).
    expect(drops).toBeGreaterThanOrEqual(20);
    expect(new Set(sent.map((m) => m.id)).size).toBe(200);
    const deadline = Date.now() + 30000;
    while (received.length < 200 && Date.now() < deadline) await sleep(20);
    await sleep(200); // Anything extra (a duplicate) would arrive by now.
    expect(received.map((m) => m.content)).toEqual(sent.map((m) => m.content));
    expect(received.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect(received.every((m) => m.from === a.userId)).toBe(true);
    const local = await bob.messages.local({ type: 'user', id: a.userId });
    expect(local.map((m) => m.content)).toEqual(sent.map((m) => m.content));
  } finally {
    await alice.close();
    await bob.close();
    await server.close();
    pa.dispose();
    pb.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

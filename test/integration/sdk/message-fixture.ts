/**
 * Shared set-up of the message tests (message-ops, message-kinds, mentions-search): a fresh floo-server
 * per test (demo users alice, bob and carol, all friends, and the demo group owned by alice) whose
 * clock the test can move forward, and SDK clients on Node or wx; the same user may log in on several
 * devices (each client has storage, hence a device, of its own).
 */
import type { RunningServer } from '../../../server/src';
import { startTestServer, uidOf } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { ClientEvents } from '../../../sdk/src/core/client-events';
import type { ClientOptions } from '../../../sdk/src/core/options';
import type { ConversationRef } from '../../../sdk/src/core/types';
import { makePlatform, type Kind, type TestPlatform } from './platforms';

export { KINDS } from './platforms';
export { next, codeOf } from './groups-fixture';

/** One server per test; `device()` logs a demo user in on a new device. */
export function messageFixture() {
  let server: RunningServer;
  let clients: FlooClient[] = [];
  const platforms = new Map<FlooClient, TestPlatform>();
  let skew = 0;
  beforeEach(async () => {
    skew = 0;
    server = await startTestServer({ clock: () => Date.now() + skew });
  });
  afterEach(async () => {
    for (const c of clients) await c.close();
    clients = [];
    await server.close();
  });

  /** A demo user logged in on a device of its own. */
  async function device(kind: Kind, name: 'alice' | 'bob' | 'carol', options: Partial<ClientOptions> = {}): Promise<FlooClient> {
    return start(makePlatform(kind), name, options);
  }

  async function start(tp: TestPlatform, name: string, options: Partial<ClientOptions>): Promise<FlooClient> {
    const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off', ...options }, tp.platform);
    clients.push(c);
    platforms.set(c, tp);
    await c.login({ username: name, password: 'floo-demo' });
    return c;
  }

  /** Closes `c` and logs the same user in again in a new app process on the same storage. */
  async function relaunch(c: FlooClient, name: string): Promise<FlooClient> {
    await c.flush();
    await c.close();
    return start(platforms.get(c)!.restart(), name, {});
  }

  return {
    device,
    relaunch,
    /** Cuts the sockets of `c` (it reconnects after its backoff). */
    cut: (c: FlooClient) => platforms.get(c)!.kill(),
    server: () => server,
    /** The 1:1 conversation with a demo user. */
    user: (name: string): ConversationRef => ({ type: 'user', id: uidOf(server, name) }),
    /** The demo group's conversation. */
    group: (): ConversationRef => ({ type: 'group', id: String(server.demo!.groupId) }),
    uid: (name: string) => uidOf(server, name),
    /** Moves the server's clock forward. */
    advance: (ms: number) => { skew += ms; },
  };
}

/** Records every payload of `event` at `c`. */
export function record<K extends keyof ClientEvents>(c: FlooClient, event: K): ClientEvents[K][] {
  const seen: ClientEvents[K][] = [];
  c.on(event, (e) => seen.push(e));
  return seen;
}

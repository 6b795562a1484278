/**
 * Shared set-up of the client.groups integration tests: a real floo-server, fresh accounts logged in
 * on a device of their own (Node or wx), waiting for events and collecting rejections.
 */
import type { RunningServer } from '../../../server/src';
import { rest, startTestServer } from '../../support/server-harness';
import { createClient, type FlooClient } from '../../../sdk/src/core/client';
import type { ClientEvents } from '../../../sdk/src/core/client-events';
import { FlooError } from '../../../sdk/src/core/errors';
import type { GroupNoticeEvent } from '../../../sdk/src/core/social/types';
import { makePlatform, type Kind } from './platforms';

/** An account with a logged-in client. */
export interface Account {
  username: string;
  id: string;
  c: FlooClient;
}

/** One server per test file; `account()` makes fresh users on it. */
export function groupsFixture() {
  let server: RunningServer;
  const clients: FlooClient[] = [];
  let serial = 0;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { for (const c of clients) await c.close(); await server.close(); });

  /** A client that is not logged in. */
  function client(kind: Kind): FlooClient {
    const c = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'off' }, makePlatform(kind).platform);
    clients.push(c);
    return c;
  }

  /** A new account, logged in on a device of its own. */
  async function account(kind: Kind, name: string): Promise<Account> {
    const username = `${name}_${kind}_${++serial}`;
    const r = await rest<{ user_id: number }>(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username, password: 'pw-groups' } });
    if (r.code !== 200) throw new Error(`register ${username}: ${r.code} ${r.message}`);
    const c = client(kind);
    await c.login({ username, password: 'pw-groups' });
    return { username, id: String(r.data.user_id), c };
  }

  /** Several new accounts. */
  function accounts(kind: Kind, ...names: string[]): Promise<Account[]> {
    return Promise.all(names.map((n) => account(kind, n)));
  }

  return { client, account, accounts, server: () => server };
}

/** The next `event` of `c` that passes `pick`. */
export function next<K extends keyof ClientEvents>(c: FlooClient, event: K, pick: (e: ClientEvents[K]) => boolean = () => true): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const off = c.on(event, (e) => {
      if (!pick(e)) return;
      off();
      resolve(e);
    });
  });
}

/** The next group notice of that kind (about that group) at `c`. */
export function notice(c: FlooClient, kind: GroupNoticeEvent['kind'], groupId?: string): Promise<GroupNoticeEvent> {
  return next(c, 'groupNotice', (e) => e.kind === kind && (groupId === undefined || e.groupId === groupId));
}

/** The FlooError a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<FlooError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FlooError);
  return err as FlooError;
}

/** The error code a promise rejects with. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  return (await rejection(p)).code;
}

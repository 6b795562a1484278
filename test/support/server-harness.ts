/** Starting floo-server for tests and talking REST to it. */
import { startServer, type RunningServer, type ServerOptions } from '../../server/src';
import { RawClient } from './server-client';

/** A cheap scrypt cost: tests hash a few passwords per server. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** Starts a silent server on a random loopback port, in memory, seeded with the demo data unless told otherwise. */
export function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', dataDir: ':memory:', seed: 'demo', logger: false, scryptCost: TEST_SCRYPT, ...options });
}

/** A REST envelope. */
export interface Envelope<T = unknown> {
  code: number;
  message: string;
  data: T;
}

/** Calls a REST endpoint. `body` is JSON-encoded unless it is a string (sent as is). */
export async function rest<T = unknown>(
  server: RunningServer,
  method: 'GET' | 'POST' | 'OPTIONS',
  path: string,
  options: { body?: unknown; token?: string; appId?: string; headers?: Record<string, string> } = {},
): Promise<Envelope<T> & { status: number; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.appId !== undefined) headers.app_id = options.appId;
  if (options.token !== undefined) headers['access-token'] = options.token;
  const res = await fetch(server.url + path, {
    method, headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as Envelope<T>) : ({ code: 0, message: '', data: undefined } as unknown as Envelope<T>);
  return { ...parsed, status: res.status, headers: res.headers };
}

/** Logs a demo user in over REST. */
export async function login(server: RunningServer, name: string, password = 'floo-demo', appId = 'demo'): Promise<{ token: string; userId: number }> {
  const r = await rest<{ token: string; user_id: number }>(server, 'POST', '/token/user', { appId, body: { name, password } });
  if (r.code !== 200) throw new Error(`login ${name} failed: ${r.code} ${r.message}`);
  return { token: r.data.token, userId: r.data.user_id };
}

/** Logs in over REST, connects and provisions; `guid` fixes the device. */
export async function connectAs(server: RunningServer, name: string, guid?: string): Promise<RawClient> {
  const { token, userId } = await login(server, name);
  const client = await RawClient.connect(server.url);
  const reply = await client.provision({ uid: userId, token, guid: guid ?? `${userId}_${name}_${Math.random()}` });
  if (reply.status?.code !== 1) throw new Error(`provision ${name} failed: ${JSON.stringify(reply.status)}`);
  return client;
}

/** The demo user id of `name`. */
export function uidOf(server: RunningServer, name: string): string {
  const u = server.demo?.users.find((x) => x.username === name);
  if (!u) throw new Error(`no demo user ${name}`);
  return String(u.userId);
}

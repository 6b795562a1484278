/** Shared helpers of the group tests (groups*.test.ts): users, devices, REST calls, groups and notices. */
import { NameSpace, type Meta } from 'floo-miniprogram/protocol';
import type { RunningServer } from '../../../server/src';
import { RawClient } from '../../support/server-client';
import { login, rest, type Envelope } from '../../support/server-harness';

/** A registered, logged-in user. */
export interface User { name: string; userId: number; token: string }

/** A group notice as decoded from the own-device queue. */
export interface GroupNoticePayload { type?: number; gid?: { uid?: string }; from?: { uid?: string }; to?: { uid?: string }[]; content?: string }

let seq = 0;

/** Helpers bound to one server. */
export function groupKit(server: RunningServer) {
  const open: RawClient[] = [];

  /** A fresh user of app demo (password floo-demo), logged in. */
  async function newUser(prefix = 'g'): Promise<User> {
    const name = `${prefix}_${++seq}_${Math.floor(Math.random() * 1e6)}`;
    const r = await rest(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username: name, password: 'floo-demo' } });
    if (r.code !== 200) throw new Error(`register ${name}: ${r.code} ${r.message}`);
    return { name, ...(await login(server, name)) };
  }

  /** A REST call as `u` (no token when undefined); `body` is JSON for POST, the query string for GET. */
  function call<T = unknown>(u: User | undefined, method: 'GET' | 'POST', path: string, params?: Record<string, unknown>): Promise<Envelope<T>> {
    if (method === 'GET' && params) {
      const q = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
      return rest<T>(server, 'GET', `${path}?${q.toString()}`, { token: u?.token, appId: 'demo' });
    }
    return rest<T>(server, method, path, { token: u?.token, appId: 'demo', body: params });
  }

  /** Like {@link call} but fails unless the code is 200; answers the data. */
  async function ok<T = unknown>(u: User, method: 'GET' | 'POST', path: string, params?: Record<string, unknown>): Promise<T> {
    const r = await call<T>(u, method, path, params);
    if (r.code !== 200) throw new Error(`${method} ${path} as ${u.name}: ${r.code} ${r.message}`);
    return r.data;
  }

  /** Creates a group owned by `owner` with `members`; answers its id. */
  async function createGroup(owner: User, members: User[], extra: Record<string, unknown> = {}): Promise<number> {
    const g = await ok<{ group_id: number }>(owner, 'POST', '/group/create', { name: 'G', user_list: members.map((m) => m.userId), ...extra });
    return g.group_id;
  }

  /** A connected device of `u` (closed by `closeAll`). */
  async function device(u: User): Promise<RawClient> {
    const c = await RawClient.connect(server.url);
    open.push(c);
    const reply = await c.provision({ uid: u.userId, token: u.token, guid: `${u.userId}_${Math.random()}` });
    if (reply.status?.code !== 1) throw new Error(`provision failed: ${JSON.stringify(reply.status)}`);
    return c;
  }

  /** Group notices waiting in the device's own-device queue now (pulled and acknowledged). */
  async function groupNotices(c: RawClient): Promise<GroupNoticePayload[]> {
    const { metas } = await c.pullAll(c.uid);
    return metas.filter((m) => m.ns === NameSpace.GROUP_NOTICE).map((m) => (m as Meta & { payload: GroupNoticePayload }).payload);
  }

  /** Closes every device opened by `device`. */
  async function closeAll(): Promise<void> {
    await Promise.all(open.splice(0).map((c) => c.close()));
  }

  return { newUser, call, ok, createGroup, device, groupNotices, closeAll };
}

/** The notice's `to` as numbers. */
export function toOf(n: GroupNoticePayload): number[] {
  return (n.to ?? []).map((x) => Number(x.uid));
}

/** The notice's content parsed. */
export function contentOf(n: GroupNoticePayload): unknown {
  return n.content ? JSON.parse(n.content) : undefined;
}

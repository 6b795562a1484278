// REST ("ratel") calls used to seed the benchmark: users (register + token) and one group.
import { pool } from './client.mjs';

export const APP_ID = 'demo';
const PASSWORD = 'bench-password';

/** POST a JSON body; returns `data` or throws on a non-200 body code. */
export async function post(url, path, body, token) {
  const headers = { 'content-type': 'application/json', app_id: APP_ID };
  if (token) headers['access-token'] = token;
  const res = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const env = await res.json();
  if (env.code !== 200) throw new Error(`${path}: ${env.code} ${env.message}`);
  return env.data;
}

/** Password login over REST (POST /token/user). */
export function tokenFor(url, name) {
  return post(url, '/token/user', { name, password: PASSWORD });
}

/** Registers `count` users and logs each in once; returns [{id, name, token}]. */
export async function seedUsers(url, count, concurrency = 8) {
  const names = Array.from({ length: count }, (_, i) => `bench_u${i}`);
  return pool(names, concurrency, async (name) => {
    const profile = await post(url, '/user/register/v2', { username: name, password: PASSWORD });
    const { token, user_id: id } = await tokenFor(url, name);
    if (id !== profile.user_id) throw new Error(`user id mismatch for ${name}`);
    return { id, name, token };
  });
}

/** Creates a group owned by `owner` with `members` (the owner included automatically); returns its id. */
export async function createGroup(url, owner, members) {
  const g = await post(url, '/group/create', { name: `bench group ${members.length + 1}`, user_list: members.map((m) => m.id) }, owner.token);
  if (g.member_count !== members.length + 1) throw new Error(`group has ${g.member_count} members, expected ${members.length + 1}`);
  return g.group_id;
}

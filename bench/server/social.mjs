// Social-graph scenarios of bench/server: how fast a group change reaches a large group (a REST call
// that publishes a GroupNotice to every member, delivered by NOTICE -> pull like a message), and how
// long the REST reads of group management take on a full 500-member group.
import { closeAll, login, pool } from './client.mjs';
import { APP_ID, post } from './rest.mjs';
import { cpuMeter, stats, until } from './scenarios.mjs';

/** GET with the token; returns `data` or throws. */
async function get(url, path, token) {
  const res = await fetch(url + path, { headers: { app_id: APP_ID, 'access-token': token } });
  const env = await res.json();
  if (env.code !== 200) throw new Error(`${path}: ${env.code} ${env.message}`);
  return env.data;
}

/**
 * The owner renames the group over REST (`POST /group/info/name`); timed from the request to the last
 * of the other members receiving the GROUP_NOTICE through NOTICE -> pull. Every member is online with
 * one connection. `rounds` renames, one after another.
 */
export async function groupNoticeFanout(srv, owner, members, gid, { rounds = 20, timeoutMs = 10_000 } = {}) {
  const clients = await pool(members, 50, (u) => login(srv.url, u, `notice-${u.id}`));
  let current = '';
  let got = 0;
  let sentAt = 0;
  let perRecipient = [];
  for (const c of clients) {
    c.onMeta = (_conv, meta, now) => {
      if (meta.ns !== 2 || !String(meta.payload?.content ?? '').includes(current)) return;
      got++;
      perRecipient.push(now - sentAt);
    };
  }
  const complete = [];
  const restMs = [];
  const meter = cpuMeter(srv);
  let timeouts = 0;
  for (let r = 0; r < rounds; r++) {
    current = `renamed ${r} ${Date.now()}`;
    got = 0;
    perRecipient = [];
    sentAt = performance.now();
    await post(srv.url, '/group/info/name', { group_id: gid, value: current }, owner.token);
    restMs.push(performance.now() - sentAt);
    const ok = await until(() => got >= clients.length, timeoutMs, 1);
    if (!ok) timeouts++;
    else complete.push(Math.max(...perRecipient));
    await until(() => clients.every((c) => c.idle()), timeoutMs, 1);
  }
  const cpu = meter();
  await closeAll(clients);
  return { members: clients.length + 1, recipients: clients.length, rounds, timeouts, completeMs: stats(complete), restMs: stats(restMs), ...cpu };
}

/** Sequential REST reads on the 500-member group: the member list (one page of 500), settings and info. */
export async function groupReads(srv, owner, gid, { count = 200 } = {}) {
  const out = {};
  for (const [name, path] of [
    ['memberList', `/group/member_list?group_id=${gid}`],
    ['settings', `/group/settings?group_id=${gid}`],
    ['info', `/group/info?group_id=${gid}`],
  ]) {
    const times = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await get(srv.url, path, owner.token);
      times.push(performance.now() - t0);
    }
    out[name] = stats(times);
  }
  return { count, ...out };
}

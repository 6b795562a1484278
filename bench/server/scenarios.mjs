// The measured scenarios of bench/server. Each one opens its own connections, is bounded in message
// count and time, closes what it opened and returns plain numbers. Timestamps are performance.now()
// of this (the load generator's) process; senders and receivers live here, so one clock serves both.
import { scrypt } from 'node:crypto';
import { machineBusySeconds } from './proc.mjs';
import { BenchClient, closeAll, login, pool, sleep } from './client.mjs';
import { tokenFor } from './rest.mjs';
import { percentile } from '../lib/measure.mjs';

const round = (v, d = 2) => (Number.isFinite(v) ? +v.toFixed(d) : v);

/** p50/p90/p99/max/mean (ms) of a list of latencies. */
export function stats(values) {
  if (values.length === 0) return { n: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  return {
    n: values.length, mean: round(sum / values.length, 3), p50: round(percentile(values, 50), 3), p90: round(percentile(values, 90), 3),
    p99: round(percentile(values, 99), 3), max: round(percentile(values, 100), 3),
  };
}

/**
 * CPU use (in cores) over a scenario phase: the server, this process (the load generator), and
 * everything else on the machine (other processes compete for the same cores and show up as noise).
 */
export function cpuMeter(srv) {
  const s0 = srv.cpuSeconds();
  const c0 = process.cpuUsage();
  const m0 = machineBusySeconds();
  const t0 = performance.now();
  return () => {
    const secs = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const server = srv.cpuSeconds() - s0;
    const own = (c.user + c.system) / 1e6;
    const machine = machineBusySeconds() - m0;
    return {
      serverCpu: round(server / secs, 2),
      loadGeneratorCpu: round(own / secs, 2),
      otherProcessesCpu: round(Math.max(0, machine - server - own) / secs, 2),
    };
  };
}

/** Waits until `done()` or `ms` passed; returns whether `done()` held. */
export async function until(done, ms, step = 20) {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) return false;
    await sleep(step);
  }
  return true;
}

/** Logs in `pairs` sender/receiver pairs (distinct users, one device each). */
async function connectPairs(srv, users, pairs, tag) {
  const needed = users.slice(0, pairs * 2);
  const clients = await pool(needed, 50, (u) => login(srv.url, u, `${tag}-${u.id}`));
  return Array.from({ length: pairs }, (_, i) => ({ sender: clients[2 * i], receiver: clients[2 * i + 1], receiverUser: needed[2 * i + 1] }));
}

/**
 * 1:1 latency at a steady offered rate (open loop: sends are scheduled by the clock, not by replies,
 * so a slow server shows up as latency instead of a lower rate). Latency = the sender's ws.send of
 * the upload -> the recipient's receipt of the SyncDL holding that message, which it pulled after
 * the server's NOTICE (NOTICE -> SyncUL{xid} -> SyncDL{metas}); the recipient then acknowledges with
 * SyncUL{key}. Also reports the upload ack latency (send -> SyncDL{client_mid, server_mid}).
 */
export async function steadyLatency(srv, users, { rate = 2000, pairs = 100, warmupMs = 1000, measureMs = 5000, drainMs = 10_000 } = {}) {
  const links = await connectPairs(srv, users, pairs, 'lat');
  const total = Math.round((rate * (warmupMs + measureMs)) / 1000);
  const sentAt = new Float64Array(total);
  const gotAt = new Float64Array(total);
  const ackAt = new Float64Array(total);
  const ackIndex = new Map();
  let received = 0;
  let duplicates = 0;
  for (const { sender, receiver } of links) {
    receiver.onMeta = (_conv, meta, now) => {
      const seq = Number(meta.payload?.content);
      if (!(seq >= 0 && seq < total)) return;
      if (gotAt[seq] !== 0) {
        duplicates++;
        return;
      }
      gotAt[seq] = now;
      received++;
    };
    sender.onAck = (dl, now) => {
      const seq = ackIndex.get(dl.client_mid);
      if (seq !== undefined) {
        ackAt[seq] = now;
        ackIndex.delete(dl.client_mid);
      }
    };
  }
  const warmupCount = Math.round((rate * warmupMs) / 1000);
  let sent = 0;
  let meter;
  const start = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (!meter && sent >= warmupCount) meter = cpuMeter(srv);
      const due = Math.min(total, Math.floor(((now - start) * rate) / 1000));
      while (sent < due) {
        const link = links[sent % links.length];
        sentAt[sent] = performance.now();
        ackIndex.set(link.sender.sendText(link.receiverUser.id, String(sent)), sent);
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendSeconds = (performance.now() - start) / 1000;
  const drained = await until(() => received >= total, drainMs);
  const cpu = meter ? meter() : {};
  const lat = [];
  const acks = [];
  for (let i = warmupCount; i < total; i++) {
    if (gotAt[i] > 0) lat.push(gotAt[i] - sentAt[i]);
    if (ackAt[i] > 0) acks.push(ackAt[i] - sentAt[i]);
  }
  await closeAll(links.flatMap((l) => [l.sender, l.receiver]));
  return {
    offeredRate: rate, achievedSendRate: round(total / sendSeconds, 0), pairs, measuredMessages: total - warmupCount,
    lost: total - received, duplicates, drained, latencyMs: stats(lat), ackLatencyMs: stats(acks), ...cpu,
  };
}

/**
 * Maximum sustained delivery: closed loop over `pairs` sender/receiver pairs, each pair keeping at
 * most `window` messages in flight end to end (sent and not yet received by the recipient), so the
 * send rate equals the delivery rate and no backlog builds up. Delivered msg/s = messages received by
 * recipients (through NOTICE -> pull, as above) during the measurement window / its length.
 */
export async function maxThroughput(srv, users, { pairs = 100, window = 16, warmupMs = 1000, measureMs = 4000, drainMs = 10_000 } = {}) {
  const links = await connectPairs(srv, users, pairs, `tput-${window}`);
  let stopped = false;
  let sent = 0;
  let received = 0;
  let inWindow = 0;
  let measuring = false;
  const lat = [];
  const sentAt = new Map();
  let seq = 0;
  const sendOne = (link) => {
    const id = seq++;
    sentAt.set(id, performance.now());
    link.sender.sendText(link.receiverUser.id, String(id));
    sent++;
  };
  for (const link of links) {
    link.receiver.onMeta = (_conv, meta, now) => {
      const id = Number(meta.payload?.content);
      const t = sentAt.get(id);
      if (t === undefined) return; // a duplicate (at-least-once) or a stray
      sentAt.delete(id);
      received++;
      if (measuring) {
        inWindow++;
        lat.push(now - t);
      }
      if (!stopped) sendOne(link);
    };
  }
  for (const link of links) for (let i = 0; i < window; i++) sendOne(link);
  await sleep(warmupMs);
  const meter = cpuMeter(srv);
  measuring = true;
  const t0 = performance.now();
  await sleep(measureMs);
  measuring = false;
  const secs = (performance.now() - t0) / 1000;
  const cpu = meter();
  stopped = true;
  const drained = await until(() => sentAt.size === 0, drainMs);
  const receivers = links.map((l) => l.receiver);
  const per = (f) => round(receivers.reduce((s, c) => s + f(c), 0) / Math.max(1, received), 2);
  const protocol = { noticesPerMessage: per((c) => c.notices), pullsPerMessage: per((c) => c.pullsSent) };
  await closeAll(links.flatMap((l) => [l.sender, l.receiver]));
  return {
    pairs, window, inFlight: pairs * window, deliveredPerSecond: round(inWindow / secs, 0), sent, received, lost: sentAt.size, drained,
    latencyMs: stats(lat), ...protocol, ...cpu,
  };
}

/**
 * Group fan-out: every member of a group online (one connection each); the owner sends one message;
 * fan-out time = the send -> the last of the other members has received it (NOTICE -> pull, as
 * above). Rounds run one after another (the next starts when every member has the message and has
 * finished pulling).
 */
export async function groupFanout(srv, owner, members, gid, { rounds = 20, timeoutMs = 10_000 } = {}) {
  const ownerClient = await login(srv.url, owner, 'fan-owner');
  const clients = await pool(members, 50, (u) => login(srv.url, u, `fan-${u.id}`));
  let current = -1;
  let got = 0;
  let sentAt = 0;
  let perRecipient = [];
  for (const c of clients) {
    c.onMeta = (_conv, meta, now) => {
      if (Number(meta.payload?.content) !== current) return;
      got++;
      perRecipient.push(now - sentAt);
    };
  }
  const complete = [];
  const first = [];
  const median = [];
  const meter = cpuMeter(srv);
  let timeouts = 0;
  for (let r = 0; r < rounds; r++) {
    current = r;
    got = 0;
    perRecipient = [];
    sentAt = performance.now();
    ownerClient.sendText(gid, String(r), true);
    const ok = await until(() => got >= clients.length, timeoutMs, 1);
    if (!ok) timeouts++;
    const sorted = perRecipient.slice().sort((a, b) => a - b);
    if (ok) complete.push(sorted[sorted.length - 1]);
    first.push(sorted[0]);
    median.push(sorted[Math.floor(sorted.length / 2)]);
    await until(() => clients.every((c) => c.idle()), timeoutMs, 1);
  }
  const cpu = meter();
  await closeAll([ownerClient, ...clients]);
  return {
    members: clients.length + 1, recipients: clients.length, rounds, timeouts,
    completeMs: stats(complete), firstRecipientMs: stats(first), medianRecipientMs: stats(median), ...cpu,
  };
}

/**
 * XSYNC login: open a WebSocket to the server (TCP connect + HTTP upgrade) and PROVISION with a token
 * obtained beforehand over REST -> PROVISION reply with status OK and the device SN. One at a time;
 * each login is a new device (a fresh device_guid), the expensive case (a device row is created and
 * its cursors seeded). Connections stay open until the end, then close.
 */
export async function logins(srv, users, { count = 1000 } = {}) {
  const total = [];
  const connect = [];
  const provision = [];
  const clients = [];
  const meter = cpuMeter(srv);
  for (let i = 0; i < count; i++) {
    const u = users[i % users.length];
    const t0 = performance.now();
    const c = await BenchClient.connect(srv.url);
    const t1 = performance.now();
    const reply = await c.provision(u.id, u.token, `login-${i}`);
    const t2 = performance.now();
    if (reply.status?.code !== 1) throw new Error(`login ${i} failed: ${JSON.stringify(reply.status)}`);
    clients.push(c);
    total.push(t2 - t0);
    connect.push(t1 - t0);
    provision.push(t2 - t1);
  }
  const cpu = meter();
  await closeAll(clients);
  return { count, loginMs: stats(total), connectMs: stats(connect), provisionMs: stats(provision), ...cpu };
}

/**
 * For reference (no target): REST password login (POST /token/user -> token), which is dominated by
 * one scrypt verification. The bench users' hashes use the low bench cost; the production cost is timed
 * in this process (the same node:crypto scrypt the server calls).
 */
export async function restLogins(srv, users, { count = 100 } = {}) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await tokenFor(srv.url, users[i % users.length].name);
    times.push(performance.now() - t0);
  }
  const production = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await new Promise((resolve, reject) => scrypt('password', 'saltsaltsaltsalt', 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (e) => (e ? reject(e) : resolve())));
    production.push(performance.now() - t0);
  }
  return { count, restLoginMs: stats(times), productionScryptMs: stats(production) };
}

/**
 * Idle connections: RSS of the server process before any connection and after `count` logged-in
 * (PROVISIONed) idle WebSocket connections, measured in steps after a settle pause. Per connection =
 * (RSS at count - RSS before) / count; the slope of a least-squares line over the steps is reported too.
 */
export async function idleRss(srv, users, { count = 5000, steps = 5, settleMs = 1500 } = {}) {
  const devicesPerUser = Math.ceil(count / users.length);
  await sleep(settleMs);
  const points = [{ connections: 0, rss: srv.rss() }];
  const clients = [];
  const perStep = Math.ceil(count / steps);
  const meter = cpuMeter(srv);
  const t0 = performance.now();
  while (clients.length < count) {
    const n = Math.min(perStep, count - clients.length);
    const base = clients.length;
    const batch = await pool(Array.from({ length: n }, (_, i) => base + i), 100, (k) => {
      const u = users[k % users.length];
      return login(srv.url, u, `idle-${Math.floor(k / users.length)}-${u.id}`);
    });
    clients.push(...batch);
    await sleep(settleMs);
    points.push({ connections: clients.length, rss: srv.rss() });
  }
  const connectSeconds = (performance.now() - t0) / 1000;
  const cpu = meter();
  const last = points[points.length - 1];
  const perConnection = (last.rss - points[0].rss) / last.connections;
  const mx = points.reduce((s, p) => s + p.connections, 0) / points.length;
  const my = points.reduce((s, p) => s + p.rss, 0) / points.length;
  const slope = points.reduce((s, p) => s + (p.connections - mx) * (p.rss - my), 0) / points.reduce((s, p) => s + (p.connections - mx) ** 2, 0);
  await closeAll(clients);
  return {
    connections: last.connections, devicesPerUser, rssBeforeMiB: round(points[0].rss / 2 ** 20, 1), rssAfterMiB: round(last.rss / 2 ** 20, 1),
    perConnectionKiB: round(perConnection / 1024, 1), slopeKiB: round(slope / 1024, 1),
    steps: points.map((p) => ({ connections: p.connections, rssMiB: round(p.rss / 2 ** 20, 1) })), connectSeconds: round(connectSeconds, 1), ...cpu,
  };
}

// File scenarios of bench/server: upload and download throughput through floo-server on loopback
// (docs/rich-messages.md, "Files"). Every upload is the real two-step flow: GET /file/upload/chat for a
// slot, then a multipart/form-data POST to the slot URL, streamed by the server into its disk storage
// (<data folder>/files, a temporary folder on the same disk as the OS temp dir). Downloads GET the
// download URL with the token header. The load generator is this process (Node fetch).
import { randomBytes } from 'node:crypto';
import { APP_ID } from './rest.mjs';
import { cpuMeter, stats } from './scenarios.mjs';

const MiB = 1024 * 1024;

/** A multipart body with one `file` part. */
function multipart(name, type, data) {
  const boundary = `----floobench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function slot(url, from, to, fileType) {
  const res = await fetch(`${url}/file/upload/chat?file_type=${fileType}&to_id=${to.id}&to_type=1`, { headers: { app_id: APP_ID, 'access-token': from.token } });
  const env = await res.json();
  if (env.code !== 200) throw new Error(`slot: ${env.code} ${env.message}`);
  return env.data;
}

/** Uploads to a slot; answers the POST's duration in ms. */
async function upload(s, name, type, data) {
  const { body, contentType } = multipart(name, type, data);
  const t0 = performance.now();
  const res = await fetch(s.upload_url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const env = await res.json();
  const ms = performance.now() - t0;
  if (env.code !== 200) throw new Error(`upload: ${env.code} ${env.message}`);
  return ms;
}

/** Downloads a URL fully; answers the duration in ms (checking the length). */
async function download(url, token, size) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { 'access-token': token } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200 || body.byteLength !== size) throw new Error(`download: HTTP ${res.status}, ${body.byteLength} bytes`);
  return ms;
}

const mibPerSecond = (bytes, ms) => +((bytes / MiB) / (ms / 1000)).toFixed(1);

/**
 * Throughput of 10 MiB files (`sequential` one after another, then `rounds` rounds of 8 at once) and
 * the latency of 100 KB image uploads and downloads (`small` each, one at a time).
 */
export async function fileTransfer(srv, from, to, { sequential = 10, rounds = 3, concurrency = 8, small = 200 } = {}) {
  const big = randomBytes(10 * MiB);
  const image = randomBytes(100 * 1000);
  Buffer.from('\x89PNG\r\n\x1a\n', 'latin1').copy(image);
  const out = {};
  const meter = cpuMeter(srv);

  // Warm-up (JIT, first file of a storage folder).
  const w = await slot(srv.url, from, to, 'file');
  await upload(w, 'warm.bin', 'application/octet-stream', big);
  await download(w.download_url, to.token, big.length);

  const urls = [];
  let t0 = performance.now();
  for (let i = 0; i < sequential; i++) {
    const s = await slot(srv.url, from, to, 'file');
    await upload(s, `seq${i}.bin`, 'application/octet-stream', big);
    urls.push(s.download_url);
  }
  out.uploadSequential = { files: sequential, fileMiB: 10, mibPerSecond: mibPerSecond(sequential * big.length, performance.now() - t0) };
  t0 = performance.now();
  for (const u of urls) await download(u, to.token, big.length);
  out.downloadSequential = { files: sequential, fileMiB: 10, mibPerSecond: mibPerSecond(sequential * big.length, performance.now() - t0) };

  let upMs = 0;
  let downMs = 0;
  for (let r = 0; r < rounds; r++) {
    const slots = await Promise.all(Array.from({ length: concurrency }, () => slot(srv.url, from, to, 'file')));
    let t = performance.now();
    await Promise.all(slots.map((s, i) => upload(s, `par${i}.bin`, 'application/octet-stream', big)));
    upMs += performance.now() - t;
    t = performance.now();
    await Promise.all(slots.map((s) => download(s.download_url, to.token, big.length)));
    downMs += performance.now() - t;
  }
  const concurrentBytes = rounds * concurrency * big.length;
  out.uploadConcurrent = { concurrency, rounds, fileMiB: 10, mibPerSecond: mibPerSecond(concurrentBytes, upMs) };
  out.downloadConcurrent = { concurrency, rounds, fileMiB: 10, mibPerSecond: mibPerSecond(concurrentBytes, downMs) };

  const slotMs = [];
  const upSmall = [];
  const downSmall = [];
  for (let i = 0; i < small; i++) {
    const t = performance.now();
    const s = await slot(srv.url, from, to, 'image');
    slotMs.push(performance.now() - t);
    upSmall.push(await upload(s, `img${i}.png`, 'application/octet-stream', image));
    downSmall.push(await download(s.download_url, to.token, image.length));
  }
  out.smallImage = { bytes: image.length, count: small, slotMs: stats(slotMs), uploadMs: stats(upSmall), downloadMs: stats(downSmall) };
  Object.assign(out, meter());
  return out;
}

// TEMPORARY minimal Node platform for early core tests; replaced by createNodePlatform.
import WebSocket from 'ws';
import type { Platform, KeyValueStorage } from '../../../sdk/src/core/platform';

export function memoryKv(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    async get(k) { return map.get(k); },
    async set(k, v) { map.set(k, v); },
    async remove(k) { map.delete(k); },
    async keys(p = '') { return [...map.keys()].filter((k) => k.startsWith(p)); },
  };
}

export function quickPlatform(kv: KeyValueStorage = memoryKv(), sockets = new Set<WebSocket>()): Platform & { kill(): number } {
  return {
    kill() { const n = sockets.size; for (const s of sockets) s.terminate(); return n; },
    name: 'node',
    connect(url, h) {
      const ws = new WebSocket(url);
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.binaryType = 'nodebuffer';
      let closed = false;
      ws.on('open', () => h.onOpen());
      ws.on('message', (d: Buffer, isBinary: boolean) => (isBinary ? h.onMessage(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)) : h.onError('text')));
      ws.on('error', (e) => h.onError(e.message));
      ws.on('close', (c, r) => { if (!closed) { closed = true; h.onClose(c, String(r)); } });
      return { send: (d) => ws.send(d), close: (c, r) => { try { ws.close(c, r); } catch { ws.terminate(); } } };
    },
    async request(req) {
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(req.timeoutMs) });
      return { status: res.status, body: await res.text() };
    },
    storage: kv,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now() },
    random: Math.random,
    log: (lvl, msg) => { if (lvl === 'error' || process.env.FLOO_DEBUG) console.log(lvl, msg); },
  };
}

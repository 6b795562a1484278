// A lean raw XSYNC client for load generation (same wire behaviour as test/support/server-client.ts and
// the official mini-program build): one protobuf Frame per binary WebSocket message, PROVISION with a
// token, uploads as SyncUL{meta}, and the receive path NOTICE{conv} -> SyncUL{xid} -> SyncDL{metas,
// next_key} -> SyncUL{xid, key: next_key} (acknowledges the batch) ... until next_key is 0.
// A NOTICE that arrives while that conversation is being pulled marks it to be pulled again afterwards.
import WebSocket from 'ws';
import { Command, decodeFrame, encodeFrame, MessageType, NameSpace } from '../../sdk/dist/esm/protocol.js';

const UP = { direction: 'up' };
const DOWN = { direction: 'down' };
let midCounter = 0;

/** One WebSocket connection speaking XSYNC. Callbacks: onMeta(conv, meta, now), onAck(syncDL, now). */
export class BenchClient {
  /** @param {WebSocket} ws */
  constructor(ws) {
    this.ws = ws;
    this.uid = '0';
    this.sn = 0;
    this.onMeta = undefined;
    this.onAck = undefined;
    this.pulls = new Map();
    this.pending = undefined;
    this.received = 0;
    this.notices = 0;
    this.pullsSent = 0;
    this.corked = false;
    this.uncork = () => {
      this.corked = false;
      this.ws._socket?.uncork();
    };
    this.closed = new Promise((resolve) => ws.once('close', resolve));
    ws.on('message', (data) => this.onFrame(data));
    ws.on('error', () => {});
  }

  /** Opens ws://127.0.0.1:port/ . */
  static connect(url) {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/', { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new BenchClient(ws)));
      ws.once('error', reject);
    });
  }

  send(frame) {
    // Frames sent in one turn of the event loop leave in one TCP write (as a busy real client's would).
    if (!this.corked) {
      this.corked = true;
      this.ws._socket.cork();
      process.nextTick(this.uncork);
    }
    this.ws.send(encodeFrame({ vsn: 0, compress_method: 0, ...frame }, UP));
  }

  /** PROVISION; resolves with the reply payload (status.code 1 = OK). */
  provision(uid, token, guid) {
    return new Promise((resolve, reject) => {
      this.pending = { command: Command.PROVISION, resolve, reject };
      this.send({
        command: Command.PROVISION,
        payload: { xid: { uid: String(uid), deviceSN: 1000914223 }, token, os_type: 6, sdk_vsn: '2.0.0', device_guid: guid, device_info: 'Uniapp' },
      });
    }).then((reply) => {
      if (reply.status?.code === 1) {
        this.uid = reply.xid?.uid ?? '0';
        this.sn = reply.xid?.deviceSN ?? 0;
      }
      return reply;
    });
  }

  /** Uploads a text message (1:1, or to a group); returns its client_mid. */
  sendText(to, content, group = false) {
    const clientMid = String(1_000_000_000_000 + ++midCounter);
    this.send({
      command: Command.SYNC,
      payload: {
        meta: {
          id: clientMid, from: { uid: this.uid, deviceSN: this.sn }, to: { uid: String(to), deviceSN: 0 },
          timestamp: String(Date.now()), ns: NameSpace.MESSAGE,
          payload: { type: group ? MessageType.GROUPCHAT : MessageType.CHAT, ctype: 0, content, operation: { type: 0, mid: '0' } },
        },
      },
    });
    return clientMid;
  }

  /** True while no conversation is being pulled. */
  idle() {
    for (const p of this.pulls.values()) if (p.pulling) return false;
    return true;
  }

  close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
    return this.closed;
  }

  pull(conv, key) {
    const payload = { xid: { uid: conv, deviceSN: 0 } };
    if (key !== undefined) payload.key = key;
    this.pullsSent++;
    this.send({ command: Command.SYNC, payload });
  }

  onNotice(conv) {
    this.notices++;
    let p = this.pulls.get(conv);
    if (!p) {
      p = { pulling: false, again: false };
      this.pulls.set(conv, p);
    }
    if (p.pulling) {
      p.again = true;
      return;
    }
    p.pulling = true;
    this.pull(conv);
  }

  onFrame(data) {
    const now = performance.now();
    const frame = decodeFrame(data, DOWN);
    switch (frame.command) {
      case Command.NOTICE: {
        const conv = frame.payload?.xid?.uid;
        if (conv) this.onNotice(conv);
        return;
      }
      case Command.SYNC: {
        const dl = frame.payload ?? {};
        if (dl.client_mid !== undefined && dl.client_mid !== '0') {
          this.onAck?.(dl, now);
          return;
        }
        if (dl.is_full_sync) return;
        const conv = dl.xid?.uid ?? '0';
        const metas = dl.metas ?? [];
        for (const meta of metas) {
          this.received++;
          this.onMeta?.(conv, meta, now);
        }
        const p = this.pulls.get(conv);
        if (!p) return; // an unsolicited SyncDL (typing, kick notice)
        if (dl.next_key && dl.next_key !== '0') {
          this.pull(conv, dl.next_key);
        } else if (p.again) {
          p.again = false;
          this.pull(conv);
        } else {
          p.pulling = false;
        }
        return;
      }
      default:
        if (this.pending && this.pending.command === frame.command) {
          const { resolve } = this.pending;
          this.pending = undefined;
          resolve(frame.payload ?? {});
        }
    }
  }
}

/** Connects and logs in; throws unless PROVISION answers OK. */
export async function login(url, user, guid) {
  const c = await BenchClient.connect(url);
  const reply = await c.provision(user.id, user.token, guid);
  if (reply.status?.code !== 1) {
    c.close();
    throw new Error(`PROVISION for ${user.id} failed: ${JSON.stringify(reply.status)}`);
  }
  return c;
}

/** Runs `fn` over `items` with at most `limit` at a time; results in order. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Closes every client and waits for the closes. */
export async function closeAll(clients) {
  await Promise.all(clients.map((c) => c.close()));
}

/** Resolves after `ms`. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A raw XSYNC test client built on the codec: one protobuf Frame per binary WebSocket message, as the
 * mini-program builds speak it. Every received frame is buffered; `next(predicate)` consumes the first
 * match (already received or still to come), so tests wait on events instead of sleeping.
 */
import WebSocket from 'ws';
import {
  Command, decodeFrame, encodeFrame, MessageType, NameSpace, type DownFrame, type Meta, type MessageBody,
  type Provision, type SyncDL, type SyncUL, type UnreadDL, type UpFrame,
} from 'floo-miniprogram/protocol';

/** A SYNC down-frame. */
export type SyncFrame = DownFrame & { command: 1; payload: SyncDL };

interface Waiter {
  match: (f: DownFrame) => boolean;
  resolve: (f: DownFrame) => void;
}

let clientMidCounter = 0;

/** A unique client message id (the official client uses Date.now(); tests need no collisions). */
export function newClientMid(): string {
  clientMidCounter += 1;
  return String(Date.now() * 1000 + (clientMidCounter % 1000));
}

/** One raw protocol connection. */
export class RawClient {
  /** Frames received and not yet consumed by `next`. */
  readonly inbox: DownFrame[] = [];
  /** Close code and reason once closed. */
  closeInfo?: { code: number; reason: string };
  uid = '0';
  deviceSN = 0;
  private waiters: Waiter[] = [];
  private readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) throw new Error('server sent a text message');
      const frame = decodeFrame(data as Buffer, { direction: 'down' });
      const i = this.waiters.findIndex((w) => w.match(frame));
      if (i >= 0) {
        const [w] = this.waiters.splice(i, 1);
        w.resolve(frame);
      } else {
        this.inbox.push(frame);
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      this.closeInfo = { code, reason: reason.toString() };
      resolve(this.closeInfo);
    }));
  }

  /** Opens a WebSocket to `url` (http:// or ws://, path `/`). */
  static connect(url: string): Promise<RawClient> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/');
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends a frame (encoded as the official clients do, explicit vsn and compress_method). */
  send(frame: UpFrame): void {
    this.ws.send(encodeFrame({ vsn: 0, compress_method: 0, ...frame } as UpFrame, { direction: 'up' }));
  }

  /** Sends raw bytes or text, for bad-input tests. */
  sendRaw(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** The first frame (buffered or future) matching `match`; rejects after `timeoutMs`. */
  next(match: (f: DownFrame) => boolean = () => true, timeoutMs = 5000): Promise<DownFrame> {
    const i = this.inbox.findIndex(match);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching frame within ${timeoutMs} ms; unconsumed: ${JSON.stringify(this.inbox.map((f) => f.command))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The next SYNC frame matching `match`. */
  async nextSync(match: (dl: SyncDL) => boolean = () => true, timeoutMs?: number): Promise<SyncDL> {
    const f = await this.next((x) => x.command === Command.SYNC && match(x.payload ?? {}), timeoutMs);
    return f.payload as SyncDL;
  }

  /** Waits for a NOTICE for conversation `conv`. */
  async notice(conv: string | number, timeoutMs?: number): Promise<void> {
    await this.next((f) => f.command === Command.NOTICE && f.payload?.xid?.uid === String(conv), timeoutMs);
  }

  /** Sends PROVISION and returns the reply; remembers uid and deviceSN on success. */
  async provision(p: { uid: string | number; token: string; deviceSN?: number; guid?: string }): Promise<Provision> {
    this.send({
      command: Command.PROVISION,
      payload: {
        xid: { uid: String(p.uid), deviceSN: p.deviceSN ?? 1000914223 },
        token: p.token, os_type: 6, sdk_vsn: '2.0.0', device_guid: p.guid ?? `${p.uid}_${Math.floor(Math.random() * 2 ** 31)}`,
        device_info: 'Uniapp',
      },
    });
    const reply = (await this.next((f) => f.command === Command.PROVISION)).payload as Provision;
    if (reply.status?.code === 1) {
      this.uid = reply.xid?.uid ?? '0';
      this.deviceSN = reply.xid?.deviceSN ?? 0;
    }
    return reply;
  }

  /** UNREAD request/answer. */
  async unread(): Promise<UnreadDL> {
    this.send({ command: Command.UNREAD });
    return (await this.next((f) => f.command === Command.UNREAD)).payload as UnreadDL;
  }

  /** Uploads a meta and returns its ack. */
  async upload(meta: Meta): Promise<SyncDL> {
    const clientMid = meta.id as string;
    this.send({ command: Command.SYNC, payload: { meta } });
    return this.nextSync((dl) => dl.client_mid === clientMid);
  }

  /** Builds the meta of a message as the official client does. */
  messageMeta(to: string | number, body: MessageBody, clientMid = newClientMid()): Meta {
    return {
      id: clientMid, from: { uid: this.uid, deviceSN: this.deviceSN }, to: { uid: String(to), deviceSN: 0 },
      timestamp: String(Date.now()), ns: NameSpace.MESSAGE,
      payload: { operation: { type: 0, mid: '0' }, ...body },
    };
  }

  /** Sends a text message (1:1, or group when `group`) and returns the ack. */
  sendText(to: string | number, content: string, options: { group?: boolean; clientMid?: string } = {}): Promise<SyncDL> {
    const type = options.group ? MessageType.GROUPCHAT : MessageType.CHAT;
    return this.upload(this.messageMeta(to, { type, ctype: 0, content }, options.clientMid));
  }

  /** One pull request: SyncUL{xid, key}. */
  async pullOnce(conv: string | number, key?: string): Promise<SyncDL> {
    const ul: SyncUL = { xid: { uid: String(conv), deviceSN: 0 } };
    if (key !== undefined) ul.key = key;
    this.send({ command: Command.SYNC, payload: ul });
    return this.nextSync((dl) => dl.client_mid === undefined && !dl.is_full_sync && dl.xid?.uid === String(conv));
  }

  /** Pulls a conversation until next_key is 0 (acknowledging each batch), returning every meta and the page count. */
  async pullAll(conv: string | number): Promise<{ metas: Meta[]; pages: number }> {
    const metas: Meta[] = [];
    let pages = 0;
    let key: string | undefined;
    for (;;) {
      const dl = await this.pullOnce(conv, key);
      pages++;
      metas.push(...(dl.metas ?? []));
      if (!dl.next_key || dl.next_key === '0') return { metas, pages };
      key = dl.next_key;
    }
  }

  /** A history page: newest first, ids below `key` ('0' = newest). */
  async history(conv: string | number, key = '0', n = 20): Promise<SyncDL> {
    this.send({ command: Command.SYNC, payload: { xid: { uid: String(conv), deviceSN: 0 }, key, is_full_sync: true, full_sync_num: n } });
    return this.nextSync((dl) => dl.is_full_sync === true && dl.xid?.uid === String(conv));
  }

  /** Resolves with the close code and reason. */
  waitClose(): Promise<{ code: number; reason: string }> {
    return this.closed;
  }

  /** Closes the socket and waits for the close. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close(1000);
    await this.closed;
  }
}

/** The text content of a MESSAGE meta. */
export function textOf(meta: Meta): string | undefined {
  return meta.ns === NameSpace.MESSAGE ? meta.payload?.content : undefined;
}

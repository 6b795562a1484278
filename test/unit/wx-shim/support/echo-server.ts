/**
 * A tiny loopback server for the shim's tests: a WebSocket echo at any path (text `close:<code>` makes
 * it close with that code, `drop` makes it vanish without a close frame), and HTTP routes:
 * `/echo` (the request as JSON), `/text` (not JSON), `/status/<n>`, `/hold` (answers only when
 * `release()` is called), `/bytes/<n>` (n bytes 0,1,2…), `/upload` (reports the multipart body).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A running echo server. */
export interface EchoServer {
  /** `http://127.0.0.1:<port>` */
  http: string;
  /** `ws://127.0.0.1:<port>` */
  ws: string;
  /** Server-side sockets currently open. */
  readonly sockets: Set<WebSocket>;
  /** Close codes the server saw, in order. */
  readonly closes: number[];
  /** Requests held by `/hold`. */
  held(): number;
  /** Answers every held request with 200 `released`. */
  release(): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1, port 0. */
export async function startEchoServer(): Promise<EchoServer> {
  const holds: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      const send = (status: number, text: string | Buffer, type = 'application/json'): void => {
        res.writeHead(status, { 'content-type': type, 'x-echo': 'yes' });
        res.end(text);
      };
      if (url.startsWith('/echo')) send(200, JSON.stringify({ method: req.method, url, headers: req.headers, body: body.toString('utf8') }));
      else if (url === '/text') send(200, 'plain words', 'text/plain');
      else if (url.startsWith('/status/')) send(Number(url.slice(8)), JSON.stringify({ code: Number(url.slice(8)) }));
      else if (url === '/hold') holds.push(res);
      else if (url.startsWith('/bytes/')) {
        const n = Number(url.slice(7));
        send(200, Buffer.from(Array.from({ length: n }, (_, i) => i & 0xff)), 'application/octet-stream');
      } else if (url === '/upload') {
        send(200, JSON.stringify({ contentType: req.headers['content-type'], length: body.length, body: body.toString('latin1') }));
      } else send(404, JSON.stringify({ code: 404 }));
    });
  });
  const wss = new WebSocketServer({ server });
  const sockets = new Set<WebSocket>();
  const closes: number[] = [];
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', (code) => {
      sockets.delete(ws);
      closes.push(code);
    });
    ws.on('message', (data: Buffer, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (text.startsWith('close:')) ws.close(Number(text.slice(6)), 'asked to');
      else if (text === 'drop') ws.terminate();
      else ws.send(data, { binary: isBinary });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    sockets,
    closes,
    held: () => holds.length,
    release: () => holds.splice(0).forEach((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('released');
    }),
    close: async () => {
      for (const ws of sockets) ws.terminate();
      for (const res of holds.splice(0)) res.destroy();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The XSYNC WebSocket endpoint: plain binary WebSocket at `/`, one protobuf Frame per binary message
 * (the transport of the mini-program builds). Shares the HTTP server's port via `upgrade`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerContext } from '../context';
import { CloseCode, Connection } from './connection';

/** A running endpoint. */
export interface XsyncEndpoint {
  /** Handles an HTTP upgrade request; returns false when the path is not the XSYNC one. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Number of open connections. */
  connections(): number;
  /** Closes every connection (1001) and stops the keep-alive timer. */
  close(): Promise<void>;
}

/** Creates the endpoint. */
export function createXsyncEndpoint(ctx: ServerContext): XsyncEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: ctx.options.maxFrameBytes, perMessageDeflate: false });
  const open = new Set<Connection>();
  let nextId = 1;

  const accept = (ws: WebSocket, req: IncomingMessage, socket: Duplex) => {
    const conn = new Connection(ws, socket, ctx, `ws#${nextId++} ${req.socket.remoteAddress ?? '?'}`);
    open.add(conn);
    ws.on('close', () => open.delete(conn));
  };

  // Dead peers (a phone that lost its network) never send a close: ping them and drop the silent ones,
  // so presence and device limits stay true.
  const timer = ctx.options.pingIntervalMs > 0
    ? setInterval(() => {
      for (const conn of open) {
        if (!conn.alive) {
          conn.terminate();
          continue;
        }
        conn.alive = false;
        conn.ping();
      }
    }, ctx.options.pingIntervalMs)
    : undefined;
  timer?.unref();

  return {
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/') return false;
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, socket));
      return true;
    },
    connections: () => open.size,
    async close() {
      if (timer) clearInterval(timer);
      const closing = [...open].map((conn) => conn.closed());
      for (const conn of open) conn.close(CloseCode.GOING_AWAY, 'server shutting down');
      // Give clients a moment to complete the close handshake, then cut the rest.
      await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 1000).unref())]);
      for (const conn of open) conn.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

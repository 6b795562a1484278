/** `startServer`: one port serving the ratel REST API and the XSYNC WebSocket endpoint. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hashPassword } from './auth/passwords';
import type { ServerContext } from './context';
import { openDiskStorage, type DiskStorage } from './files/disk-storage';
import { sweepUploadSlots } from './files/sweep';
import { createRestHandler } from './http/handler';
import { resolveOptions, type ServerOptions } from './options';
import { LocalRouter } from './routing/local-router';
import type { Router } from './routing/types';
import { seedDemo, type DemoSeed } from './seed';
import { seedShowcase } from './seed-showcase';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/types';
import { createXsyncEndpoint } from './xsync/endpoint';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (the WebSocket endpoint is the same address with `ws://`). */
  url: string;
  port: number;
  host: string;
  /** The app ids present in the store. */
  appIds: string[];
  /** What `seed: 'demo'` created, when requested. */
  demo?: DemoSeed;
  /** The storage, for tools and tests. */
  store: Store;
  /** The router (presence), for tools and tests. */
  router: Router;
  /** The storage of uploaded files' bytes (`<data folder>/files`, or a temporary folder for `:memory:`). */
  files: DiskStorage;
  /** Stops accepting, closes every socket, then closes the database. Idempotent. */
  close(): Promise<void>;
}

/** Starts a server; resolves once it is listening. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const opts = resolveOptions(options);
  const store = openSqliteStore({ location: opts.dataDir, clock: opts.clock, onError: (m) => opts.logger.error(m) });
  let files: DiskStorage | undefined;
  try {
    const storage = await openDiskStorage(opts.dataDir);
    files = storage;
    const seed = opts.seed === 'demo' ? seedDemo : opts.seed === 'showcase' ? seedShowcase : undefined;
    const demo = seed ? await seed(store, opts.clock(), opts.scryptCost) : undefined;
    await store.deleteExpiredTokens(opts.clock());
    await sweepUploadSlots(store, storage, opts.clock());
    const ctx: ServerContext = {
      store,
      files: storage,
      router: new LocalRouter(),
      options: opts,
      log: opts.logger,
      now: opts.clock,
      dummyHash: await hashPassword(randomBytes(16).toString('hex'), opts.scryptCost),
    };
    const endpoint = createXsyncEndpoint(ctx);
    const server = http.createServer(createRestHandler(ctx));
    server.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      if (!endpoint.handleUpgrade(req, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    });
    server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const sweep = setInterval(() => {
      store.deleteExpiredTokens(opts.clock()).catch((err) => ctx.log.error('token cleanup failed', err));
      sweepUploadSlots(store, storage, opts.clock()).catch((err) => ctx.log.error('upload slot cleanup failed', err));
    }, 3600_000);
    sweep.unref();

    const address = server.address() as AddressInfo;
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      host: opts.host,
      appIds: (await store.listApps()).map((a) => a.appId),
      demo,
      store,
      router: ctx.router,
      files: storage,
      close() {
        closing ??= (async () => {
          clearInterval(sweep);
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
          await endpoint.close();
          server.closeAllConnections();
          await stopped;
          await store.close();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await store.close();
    await files?.close();
    throw err;
  }
}

/**
 * One compatibility scenario: a floo-server in-process (demo seed) and any number of official app
 * instances of one build pointed at it through `dnsServer`, as a real mini-program would be configured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import type { ShimTimers, SocketDeath, WxStorageArea } from '../../support/wx-shim';
import type { ServerOptions } from '../../../server/src';
import { startOfficialApp, type OfficialApp } from './official-app';

/** The demo users' password (server/src/seed.ts, docs/server.md). */
export const DEMO_PASSWORD = 'floo-demo';

/** A text message as the SDKs report it in onRosterMessage / onGroupMessage. */
export interface SdkMessage {
  id: string;
  from: string;
  to: string;
  content: string;
  type: string;
  toType: string;
  isHistory?: boolean;
}

/** Resolves after `ms` milliseconds of real time (used only to give duplicates a chance to show up). */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Options of `launch`. */
export interface LaunchOptions {
  /** Storage of an earlier instance: the app is restarted rather than installed. */
  storage?: WxStorageArea;
  /** Call `login({name, password})` (default); false relies on the SDK's autoLogin from storage. */
  login?: boolean;
  /** The app's clock (see OfficialAppOptions.timers). */
  timers?: ShimTimers;
  /** How its sockets die when suspended or offline. */
  socketDeath?: SocketDeath;
  verbose?: boolean;
}

/** A server and the official apps of one build. */
export class CompatSession {
  readonly apps: OfficialApp[] = [];

  private constructor(
    public server: RunningServer,
    readonly bundleFile: string,
    readonly label: string,
    private readonly dataDir: string | undefined,
    private readonly serverOptions: ServerOptions,
  ) {}

  /**
   * Starts a demo-seeded server on a random loopback port: in memory, or with `persistent` in a
   * temporary directory, so that `restartServer` can bring it back with its data.
   */
  static async start(bundleFile: string, label: string, options: { persistent?: boolean; server?: ServerOptions } = {}): Promise<CompatSession> {
    const dataDir = options.persistent ? fs.mkdtempSync(path.join(os.tmpdir(), 'floo-compat-')) : undefined;
    const serverOptions = { ...(options.server ?? {}), ...(dataDir ? { dataDir } : {}) };
    return new CompatSession(await startTestServer(serverOptions), bundleFile, label, dataDir, serverOptions);
  }

  /** Stops the server (every socket drops) and starts it again on the same port with the same data. */
  async restartServer(): Promise<void> {
    if (!this.dataDir) throw new Error('restartServer needs a session started with { persistent: true }');
    const port = this.server.port;
    await this.server.close();
    this.server = await startTestServer({ ...this.serverOptions, port });
  }

  /** The uid of a demo user, as the SDKs write it (decimal string). */
  uid(user: string): string {
    const u = this.server.demo?.users.find((x) => x.username === user);
    if (!u) throw new Error(`no demo user ${user}`);
    return String(u.userId);
  }

  /** The demo group "Floo Demo". */
  get groupId(): string {
    return String(this.server.demo?.groupId);
  }

  /** Starts an app instance for `user` and waits until it is logged in (loginSuccess). */
  async launch(user: string, options: LaunchOptions = {}): Promise<OfficialApp> {
    const app = startOfficialApp(this.bundleFile, {
      name: `${user}@${this.label}`,
      storage: options.storage,
      timers: options.timers,
      socketDeath: options.socketDeath,
      verbose: options.verbose,
      config: { appid: 'demo', dnsServer: `${this.server.url}/v2/app_dns`, ws: true, autoLogin: true, logLevel: 'debug' },
    });
    this.apps.push(app);
    if (options.login !== false) app.im.login({ name: user, password: DEMO_PASSWORD });
    try {
      await app.events.waitFor('loginSuccess');
    } catch (error) {
      throw new Error(`${app.name} did not log in: ${(error as Error).message}\n${app.logs.slice(-30).join('\n')}`);
    }
    return app;
  }

  /** Kills one app as the OS would (abrupt socket loss, no logout). Its storage stays usable. */
  kill(app: OfficialApp): void {
    app.dispose();
  }

  /** Problems every scenario must be free of: exceptions inside the SDK, flooError and loginFail events. */
  problems(): string[] {
    const out: string[] = [];
    for (const app of this.apps) {
      for (const e of app.shim.control.appErrors) out.push(`${app.name} threw: ${e instanceof Error ? e.stack : String(e)}`);
      for (const e of app.events.all('flooError')) out.push(`${app.name} flooError ${JSON.stringify(e)}`);
      for (const e of app.events.all('loginFail')) out.push(`${app.name} loginFail ${JSON.stringify(e)}`);
    }
    return out;
  }

  /**
   * Disposes every app, then the server. With FLOO_COMPAT_LOG_DIR set, each app's console output (every
   * frame it sent and received, every REST call) is written there first, for diagnosing a failure.
   */
  async close(): Promise<void> {
    const dir = process.env.FLOO_COMPAT_LOG_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      const test = expect.getState().currentTestName ?? 'test';
      this.apps.forEach((app, i) => {
        const file = path.join(dir, `${test}-${i}-${app.name}`.replace(/[^\w.@-]+/g, '_').slice(0, 180) + '.log');
        fs.writeFileSync(file, [...app.logs, ...app.unhandledRejections.map((r) => `unhandled rejection: ${JSON.stringify(r)}`)].join('\n'));
      });
    }
    for (const app of this.apps) app.dispose();
    await this.server.close();
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** An id as the SDKs hand it out (string, number, or a protobufjs Long copied to `{low, high}`) as a decimal string. */
export function idString(v: unknown): string {
  if (v && typeof v === 'object' && 'low' in v && 'high' in v) {
    const { low, high } = v as { low: number; high: number };
    return ((BigInt(high >>> 0) << BigInt(32)) + BigInt(low >>> 0)).toString();
  }
  return String(v);
}

/** Messages of `event` ('onRosterMessage' | 'onGroupMessage') that `app` received from `from`. */
export function received(app: OfficialApp, event: 'onRosterMessage' | 'onGroupMessage', from: string, match: (m: SdkMessage) => boolean = () => true): SdkMessage[] {
  return app.events.all<SdkMessage>(event, (m) => String(m.from) === from && match(m));
}

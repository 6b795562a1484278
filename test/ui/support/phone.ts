/**
 * A "phone": one run of the demo app (app.ts and its ImService with one real SDK client) on its own
 * wx shim, so two users can chat through a real floo-server in one test. Pages are mounted with
 * miniprogram-simulate and driven like a user would; the wx UI calls they make (navigation, titles,
 * tab badges, toasts) are recorded on the phone. Pages call the global `wx`, so a phone is made
 * current (`activate`) whenever the test acts on one of its pages; a test drives one phone at a time.
 */
import * as path from 'node:path';
import type { RunningServer } from '../../../server/src';
import { startTestServer } from '../../support/server-harness';
import { createWxShim, type WxShimControl } from '../../support/wx-shim/index';
import type { FlooClient } from '../../../sdk/src/index';
import { MINIPROGRAM_ROOT, mount, tap, type, until, type RenderedComponent } from './simulate';

/** A wx UI call the app made. */
export interface UiCall {
  api: string;
  args: Record<string, unknown>;
}

/** A mounted page. */
export interface PageHandle {
  comp: RenderedComponent;
  /** The page's data (live). */
  readonly data: Record<string, unknown>;
  /** Calls a page method (lifecycle or handler) with this phone active. */
  call(method: string, ...args: unknown[]): unknown;
  $(selector: string): RenderedComponent | null;
  $$(selector: string): RenderedComponent[];
  /** Taps a node of this page (a selector, or a node found in it) with this phone active. */
  tap(target: string | RenderedComponent | null): Promise<void>;
  /** Types into an input of this page with this phone active. */
  type(target: string | RenderedComponent | null, value: string): Promise<void>;
  /** onUnload, then detach. */
  close(): void;
}

export interface Phone {
  app: DemoApp;
  control: WxShimControl;
  calls: UiCall[];
  /** The phone's `wx`: the shim (network, storage, lifecycle) plus recording UI stubs. */
  wx: Record<string, unknown>;
  /** Makes this phone's `wx` and `getApp()` the global ones (pages read them when called). */
  activate(): void;
  /** Mounts a page by URL (`/pages/x/x?a=b`) and runs onLoad(query) and onShow. */
  open(url: string): PageHandle;
  /** The URL of the last navigation call (navigateTo, switchTab, reLaunch, redirectTo). */
  lastNavigation(): string | undefined;
  /** The tab-bar badge text of the first tab ('' when removed). */
  tabBadge(): string | undefined;
  /** Closes its pages and client and tears the shim down (once). */
  dispose(): Promise<void>;
}

const NAVIGATION = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'];

/**
 * What the tests use of the demo's app object (miniprogram/services/im.ts). Declared here rather than
 * imported: the demo's sources need WeChat's typings, which clash with Node's in this program.
 */
export interface DemoApp {
  im: {
    client: FlooClient;
    readonly userId: string | undefined;
    settings: { appId: string; dnsServer: string; lang: string };
    ready: Promise<boolean>;
    directory: { get(ref: { type: 'user' | 'group'; id: string }): { name: string; avatar: string } };
    logout(): Promise<void>;
  };
}

type Globals = { wx?: unknown; getApp?: () => unknown; App?: (options: unknown) => void };
const g = globalThis as unknown as Globals;

/** The discovery URL of a test server. */
export function dnsOf(server: RunningServer): string {
  return `${server.url}/v2/app_dns`;
}

/**
 * Starts the app on a new phone. The settings point at `server` unless `storage` of an earlier phone
 * is passed (an app restart on the same device).
 */
export function launchPhone(server: RunningServer, options: { storage?: WxShimControl['storage'] } = {}): Phone {
  const { wx: shimWx, control } = createWxShim({ storage: options.storage });
  const calls: UiCall[] = [];
  const record = (api: string) => (args: Record<string, unknown> = {}) => {
    calls.push({ api, args });
    const result = { errMsg: `${api}:ok` };
    (args.success as ((r: unknown) => void) | undefined)?.(result);
    (args.complete as ((r: unknown) => void) | undefined)?.(result);
    return Promise.resolve(result);
  };
  const ui: Record<string, unknown> = {};
  for (const api of [...NAVIGATION, 'navigateBack', 'setNavigationBarTitle', 'setTabBarItem', 'setTabBarBadge', 'removeTabBarBadge',
    'stopPullDownRefresh', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal']) ui[api] = record(api);
  // Requests in flight are counted so that dispose() can let them finish: the SDK guards each one with
  // a timer, which would outlive a shim torn down under it (and keep Jest waiting).
  let inflight = 0;
  const request = (options: Record<string, unknown>) => {
    inflight++;
    const done = (cb: unknown) => (r: unknown) => {
      inflight--;
      (cb as ((x: unknown) => void) | undefined)?.(r);
    };
    return (shimWx.request as (o: unknown) => unknown)({ ...options, success: done(options.success), fail: done(options.fail) });
  };
  // simulate's own wx mock (g.wx, installed when simulate loads) covers what TDesign components call.
  const wx = { ...(g.wx as Record<string, unknown>), ...shimWx, ...ui, request };
  if (!options.storage) {
    // The server under test, as the settings page would save it.
    (shimWx.setStorageSync as (k: string, v: unknown) => void)('floo-demo:settings', { appId: 'demo', dnsServer: dnsOf(server), lang: 'zh' });
  }
  let app: (DemoApp & { onLaunch?(): void }) | undefined;
  const previous = { wx: g.wx, App: g.App };
  g.wx = wx;
  g.App = (o) => { app = o as typeof app; };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(MINIPROGRAM_ROOT, 'app'));
  });
  g.App = previous.App;
  if (!app) throw new Error('app.ts did not call App()');
  const theApp = app;
  const activate = () => {
    g.wx = wx;
    g.getApp = () => theApp;
  };
  activate();
  theApp.onLaunch?.call(theApp);
  const pages: PageHandle[] = [];
  let disposed = false;

  const phone: Phone = {
    app: theApp,
    control,
    calls,
    wx,
    activate,
    open(url) {
      activate();
      const [pagePath, search = ''] = url.split('?');
      const query: Record<string, string> = {};
      for (const part of search.split('&').filter(Boolean)) {
        const [k, v = ''] = part.split('=');
        query[k] = v;
      }
      const comp = mount(pagePath);
      const call = (method: string, ...args: unknown[]) => {
        activate();
        const fn = comp.instance[method] as ((...a: unknown[]) => unknown) | undefined;
        if (typeof fn !== 'function') throw new Error(`${pagePath} has no method ${method}`);
        return fn.apply(comp.instance, args);
      };
      let open = true;
      const handle: PageHandle = {
        comp,
        get data() { return comp.data; },
        call,
        $: (s) => comp.querySelector(s),
        $$: (s) => comp.querySelectorAll(s),
        tap: (target) => {
          activate();
          return tap(typeof target === 'string' ? comp.querySelector(target) : target, String(target));
        },
        type: (target, value) => {
          activate();
          return type(typeof target === 'string' ? comp.querySelector(target) : target, value, String(target));
        },
        close() {
          if (!open) return;
          open = false;
          if (typeof comp.instance.onUnload === 'function') call('onUnload');
          comp.detach();
        },
      };
      call('onLoad', query);
      if (typeof comp.instance.onShow === 'function') call('onShow');
      pages.push(handle);
      return handle;
    },
    lastNavigation() {
      for (let i = calls.length - 1; i >= 0; i--) if (NAVIGATION.includes(calls[i].api)) return calls[i].args.url as string;
      return undefined;
    },
    tabBadge() {
      for (let i = calls.length - 1; i >= 0; i--) {
        if (calls[i].api === 'setTabBarBadge') return calls[i].args.text as string;
        if (calls[i].api === 'removeTabBarBadge') return '';
      }
      return undefined;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const p of pages) p.close();
      await until(() => inflight === 0, 'requests in flight to finish').catch(() => undefined);
      await theApp.im.client.close();
      control.dispose();
    },
  };
  return phone;
}

/** Logs a phone in through its login page; returns once the page switched to the first tab. */
export async function loginThroughUi(phone: Phone, username: string, password = 'floo-demo'): Promise<void> {
  const login = phone.open('/pages/login/login');
  await until(() => login.data.resuming === false, 'the login form');
  await login.type('#username', username);
  await login.type('#password', password);
  await login.tap('#submit');
  await until(() => phone.lastNavigation() === '/pages/conversations/conversations', `${username} to reach the conversation list`);
  login.close();
}

/** The server and phones of one UI test file: the server starts before its tests, everything stops after them. */
export interface UiSession {
  /** The file's floo-server (demo seed, in memory, random port). */
  readonly server: RunningServer;
  /** A new phone logged in as `username` through the login page. */
  loggedIn(username: string): Promise<Phone>;
}

/** Registers beforeAll/afterAll for a test file's server and phones. */
export function uiSession(): UiSession {
  let server: RunningServer | undefined;
  const phones: Phone[] = [];
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => {
    for (const p of phones.splice(0)) await p.dispose();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the UI session\'s server is not started yet (use it inside tests)');
      return server;
    },
    async loggedIn(username) {
      const p = launchPhone(this.server);
      phones.push(p);
      await loginThroughUi(p, username);
      return p;
    },
  };
}

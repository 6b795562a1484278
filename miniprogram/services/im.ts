/**
 * The app's one IM client and what goes with it: settings, login state, the name directory and the
 * app-wide reactions to SDK events (tab-bar unread badge, being logged out by the server). Created in
 * app.ts; pages reach it through `getApp<DemoApp>().im` and subscribe to `im.client` themselves.
 */
import { createClient, createWxPlatform, type FlooClient } from 'floo-miniprogram';
import { dictionary, type Dictionary } from '../i18n/index';
import { Directory } from './directory';
import { loadSettings, saveSettings, type DemoSettings } from './settings';

/** What `getApp()` returns in this demo. */
export interface DemoApp {
  im: ImService;
}

/** Where the user goes when not logged in. */
export const LOGIN_PAGE = '/pages/login/login';
/** The first tab. */
export const HOME_PAGE = '/pages/conversations/conversations';

export class ImService {
  /** The client of the current settings (replaced only when the server settings change, logged out). */
  client: FlooClient;
  settings: DemoSettings;
  readonly directory: Directory;
  /** Settles once the session saved by an earlier run has been resumed (true) or not (false). */
  ready: Promise<boolean> = Promise.resolve(false);
  private offs: Array<() => void> = [];

  /** `api` is the `wx` object: kept here so that everything the service does goes through it. */
  constructor(private readonly api: WechatMiniprogram.Wx) {
    this.settings = loadSettings(api);
    // Before the client: the directory follows each client's notices (names, aliases, group names).
    this.directory = new Directory(() => this.client);
    this.client = this.newClient();
  }

  /** The dictionary of the chosen language. */
  get t(): Dictionary {
    return dictionary(this.settings.lang);
  }

  /** The logged-in user id, if any. */
  get userId(): string | undefined {
    return this.client.userId;
  }

  /** Resumes the saved session, if there is one (App.onLaunch). */
  start(): Promise<boolean> {
    this.ready = this.client.resume().then((r) => r !== undefined, () => false);
    return this.ready;
  }

  /** Logs in with a password; the SDK saves the token, never the password. */
  async login(username: string, password: string): Promise<void> {
    await this.client.login({ username, password });
    this.refreshTabBadge();
  }

  /** Creates an account, then logs in with it. */
  async register(username: string, password: string): Promise<void> {
    await this.client.register({ username, password });
    await this.login(username, password);
  }

  /** Logs out and forgets the session's cached names. */
  async logout(): Promise<void> {
    await this.client.logout();
    this.directory.clear();
  }

  /** Saves new settings; a new server means a new client (only while logged out). */
  async updateSettings(next: DemoSettings): Promise<DemoSettings> {
    const serverChanged = next.appId.trim() !== this.settings.appId || next.dnsServer.trim() !== this.settings.dnsServer;
    if (serverChanged && this.userId) throw new Error('log out before changing the server');
    this.settings = saveSettings(this.api, next);
    if (serverChanged) {
      await this.client.close();
      this.client = this.newClient();
    }
    return this.settings;
  }

  /** Shows the total unread count on the first tab (tab pages call it when shown). */
  refreshTabBadge(): void {
    if (!this.userId) return;
    this.showUnread(this.client.conversations.totalUnread());
  }

  private showUnread(total: number): void {
    // Fails harmlessly while no tab page is open (e.g. on the login page).
    const ignore = () => undefined;
    if (total > 0) this.api.setTabBarBadge({ index: 0, text: total > 99 ? '99+' : String(total), fail: ignore });
    else this.api.removeTabBarBadge({ index: 0, fail: ignore });
  }

  private newClient(): FlooClient {
    for (const off of this.offs.splice(0)) off();
    const client = createClient(
      { appId: this.settings.appId, dnsServer: this.settings.dnsServer, timeouts: { loginMs: 15000 } },
      createWxPlatform({ wx: this.api }),
    );
    this.offs.push(
      client.on('unreadChange', ({ total }) => this.showUnread(total)),
      client.on('kicked', () => void this.sessionLost(this.t.errors.kicked)),
      client.on('tokenExpired', () => void this.sessionLost(this.t.errors.expired)),
      ...this.directory.follow(client),
    );
    return client;
  }

  /** The server ended the session: back to the login page with a word why. */
  private async sessionLost(why: string): Promise<void> {
    await this.logout().catch(() => undefined);
    this.api.showToast({ title: why, icon: 'none' });
    this.api.reLaunch({ url: LOGIN_PAGE });
  }
}

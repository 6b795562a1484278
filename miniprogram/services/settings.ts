/**
 * The demo's settings: which server (app id and discovery URL) and which language. They are kept in
 * WeChat storage so they survive restarts. Credentials are never part of them: the SDK keeps only a
 * token, and the password lives in the login form until it is submitted.
 */
import type { Lang } from '../i18n/index';

/** What the settings page edits. */
export interface DemoSettings {
  appId: string;
  /** floo-server's or Lanying's discovery (app_dns) URL. */
  dnsServer: string;
  lang: Lang;
}

/** The floo-server that `npm start` runs, with its demo app. */
export const DEFAULT_SETTINGS: DemoSettings = {
  appId: 'demo',
  dnsServer: 'http://127.0.0.1:9800/v2/app_dns',
  lang: 'zh',
};

const KEY = 'floo-demo:settings';

/** The storage calls the settings use (a subset of `wx`). */
export interface SettingsStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
}

/** Why a settings value is refused, or undefined when the settings are valid. */
export function settingsProblem(s: DemoSettings): 'invalidAppId' | 'invalidUrl' | undefined {
  if (!s.appId.trim()) return 'invalidAppId';
  if (!/^https?:\/\/[^\s/]+/.test(s.dnsServer.trim())) return 'invalidUrl';
  return undefined;
}

/** Reads the saved settings, falling back to the defaults field by field. */
export function loadSettings(storage: SettingsStorage): DemoSettings {
  let saved: Partial<DemoSettings> = {};
  try {
    const raw = storage.getStorageSync(KEY);
    if (raw && typeof raw === 'object') saved = raw as Partial<DemoSettings>;
  } catch {
    // Unreadable storage: start from the defaults.
  }
  const merged: DemoSettings = {
    appId: typeof saved.appId === 'string' ? saved.appId : DEFAULT_SETTINGS.appId,
    dnsServer: typeof saved.dnsServer === 'string' ? saved.dnsServer : DEFAULT_SETTINGS.dnsServer,
    lang: saved.lang === 'en' || saved.lang === 'zh' ? saved.lang : DEFAULT_SETTINGS.lang,
  };
  return settingsProblem(merged) ? { ...DEFAULT_SETTINGS, lang: merged.lang } : merged;
}

/** Saves settings (trimmed). */
export function saveSettings(storage: SettingsStorage, s: DemoSettings): DemoSettings {
  const clean: DemoSettings = { appId: s.appId.trim(), dnsServer: s.dnsServer.trim(), lang: s.lang };
  storage.setStorageSync(KEY, clean);
  return clean;
}

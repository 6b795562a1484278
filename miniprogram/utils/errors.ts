/** Error text for the user. */
import type { Dictionary } from '../i18n/index';
import { fill } from '../i18n/index';
import type { DemoSettings } from '../services/settings';

/** A short, readable reason (SDK errors carry a code and a message). */
export function describeError(err: unknown, t: Dictionary): string {
  const e = err as { code?: string; message?: string } | undefined;
  const reason = e?.message || e?.code || String(err);
  return fill(t.errors.failed, { reason });
}

/** `demo @ 127.0.0.1:9800`: which server the settings point at. */
export function serverLabel(s: DemoSettings): string {
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(s.dnsServer)?.[1] ?? s.dnsServer;
  return `${s.appId} @ ${host}`;
}

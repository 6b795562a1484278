/**
 * `GET /v2/app_dns`: server discovery. Every cluster entry points back at this server, using the
 * request's Host header so that a device on the LAN gets an address it can reach.
 */
import { RestCode, RestError } from './envelope';
import type { RestRequest } from './request';
import type { Route } from './routes';

/** A Host header value we are willing to echo (host name or IP, optional port; no path, no spaces). */
const SAFE_HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$/;

/** The host (and port) clients reached this server by, from Host or X-Forwarded-Host when safe to echo. */
export function advertisedHost(req: RestRequest): string {
  const raw = req.headers['x-forwarded-host'] ?? req.headers.host;
  const host = (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0].trim();
  return host && SAFE_HOST.test(host) ? host : `127.0.0.1`;
}

async function appDns(req: RestRequest): Promise<unknown> {
  const appId = req.query.get('app_id') ?? (typeof req.headers.app_id === 'string' ? req.headers.app_id : '');
  const app = appId ? await req.ctx.store.getApp(appId) : undefined;
  if (!app) throw new RestError(RestCode.APP_NOT_FOUND, `unknown app_id ${JSON.stringify(appId.slice(0, 64))}`);
  const host = advertisedHost(req);
  // Behind a TLS proxy the clients must use https/wss.
  const protocol = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const entry = () => [{ protocol, host }];
  return {
    version: 1,
    app_status: app.status,
    dns_server_list: [],
    link_server_list: [],
    // The official clients require all three lists to be non-empty; rtc is a placeholder (no media server).
    dns_list: [{ group_level: 0, clusters: [{ ratel: entry(), webim: entry(), rtc: entry() }] }],
  };
}

/** Discovery routes. */
export const dnsRoutes: Route[] = [
  { method: 'GET', path: '/v2/app_dns', auth: false, handler: appDns },
];

/**
 * Server discovery: `GET <dnsServer>?app_id=<appId>` returns the app's clusters; the first cluster
 * of group level 0 gives the REST base ("ratel") and the socket host ("webim"). xsync-protocol.md §1.1.
 */
import { ServerError } from '../errors';
import { ErrorCode } from '../error-codes';
import type { RatelClient } from './ratel';

/** Where the app's servers are. */
export interface Servers {
  /** REST base URL, e.g. `https://api.example.com`. */
  ratel: string;
  /** XSYNC WebSocket URL, e.g. `wss://ws.example.com/`. */
  socket: string;
}

interface HostEntry {
  protocol?: string;
  host?: string;
}

interface DnsData {
  app_status?: string;
  dns_list?: Array<{ group_level?: number; clusters?: Array<{ ratel?: HostEntry[]; webim?: HostEntry[]; ws?: HostEntry[] }> }>;
}

/** Asks the discovery service for the app's servers. */
export async function discover(http: RatelClient, dnsServer: string, appId: string): Promise<Servers> {
  const sep = dnsServer.includes('?') ? '&' : '?';
  const data = await http.call<DnsData>('GET', `${dnsServer}${sep}app_id=${encodeURIComponent(appId)}`);
  return serversFromDns(data);
}

/** Picks the servers out of a discovery answer. */
export function serversFromDns(data: DnsData | undefined): Servers {
  const status = data?.app_status;
  if (status === 'banned' || status === 'frozen' || status === 'revoked') {
    throw new ServerError(ErrorCode.ServerAppFrozen, `the app is ${status}`);
  }
  const list = Array.isArray(data?.dns_list) ? data!.dns_list : [];
  const group = list.find((g) => (g.group_level ?? 0) === 0) ?? list[0];
  const cluster = group?.clusters?.[0];
  const ratel = cluster?.ratel?.find((e) => e && e.host);
  const webim = (cluster?.webim ?? cluster?.ws)?.find((e) => e && e.host);
  if (!ratel || !webim) throw new ServerError(ErrorCode.ServerDNSFailed, 'discovery answer has no ratel or webim server');
  const secure = (p?: string) => p === 'https' || p === 'wss';
  return {
    ratel: `${ratel.protocol || 'https'}://${ratel.host}`,
    socket: `${secure(webim.protocol) ? 'wss' : 'ws'}://${webim.host}/`,
  };
}

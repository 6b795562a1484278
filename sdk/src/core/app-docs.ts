/**
 * App-level documents in storage, shared by every user of the app on this device: the saved login
 * (user id and token — never a password), the device identity (guid and the SN the server gave each
 * user) and the last discovery answer.
 */
import type { KeyValueStorage } from './platform';
import type { Servers } from './http/discovery';

/** The saved login. */
export interface SavedSession {
  userId: string;
  token: string;
}

/** This device's identity. */
export interface DeviceDoc {
  guid: string;
  /** Device SN assigned by the server, per user id. */
  sn: Record<string, number>;
}

/** Reads and writes the app-level documents; failures are reported, never thrown. */
export class AppDocs {
  constructor(
    private readonly kv: KeyValueStorage,
    private readonly appId: string,
    private readonly onError: (what: string, err: unknown) => void,
  ) {}

  session(): Promise<SavedSession | undefined> {
    return this.read<SavedSession>('session');
  }

  saveSession(session: SavedSession | undefined): Promise<void> {
    return this.write('session', session);
  }

  device(): Promise<DeviceDoc | undefined> {
    return this.read<DeviceDoc>('device');
  }

  saveDevice(doc: DeviceDoc): Promise<void> {
    return this.write('device', doc);
  }

  servers(): Promise<Servers | undefined> {
    return this.read<Servers>('servers');
  }

  saveServers(servers: Servers): Promise<void> {
    return this.write('servers', servers);
  }

  private async read<T>(name: string): Promise<T | undefined> {
    try {
      const raw = await this.kv.get(this.key(name));
      return raw ? (JSON.parse(raw) as T) : undefined;
    } catch (err) {
      this.onError(`read ${name}`, err);
      return undefined;
    }
  }

  private async write(name: string, value: unknown): Promise<void> {
    try {
      if (value === undefined) await this.kv.remove(this.key(name));
      else await this.kv.set(this.key(name), JSON.stringify(value));
    } catch (err) {
      this.onError(`write ${name}`, err);
    }
  }

  private key(name: string): string {
    return `floo:${this.appId}:${name}`;
  }
}

/** What the friends page tests share: a server, new users, logged-in phones. */
import type { RunningServer } from '../../../server/src';
import { rest } from '../../support/server-harness';
import { launchPhone, loginThroughUi, type Phone } from './phone';

/** Creates a user over REST (demo app, password floo-demo); returns the user id. */
export async function register(server: RunningServer, username: string, password = 'floo-demo'): Promise<string> {
  const r = await rest<{ user_id: number }>(server, 'POST', '/user/register/v2', { appId: 'demo', body: { username, password } });
  if (r.code !== 200) throw new Error(`register ${username}: ${r.code} ${r.message}`);
  return String(r.data.user_id);
}

/** Phones of one test file, disposed together. */
export class Phones {
  private readonly all: Phone[] = [];

  constructor(private readonly server: () => RunningServer) {}

  /** A phone logged in through the login page. */
  async loggedIn(username: string, password = 'floo-demo'): Promise<Phone> {
    const p = launchPhone(this.server());
    this.all.push(p);
    await loginThroughUi(p, username, password);
    return p;
  }

  async dispose(): Promise<void> {
    for (const p of this.all.splice(0)) await p.dispose();
  }
}

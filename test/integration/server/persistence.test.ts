/** Nothing is lost across a restart on the same data folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConvType, type Meta } from 'floo-miniprogram/protocol';
import { RawClient, textOf } from '../../support/server-client';
import { connectAs, login, rest, startTestServer, uidOf } from '../../support/server-harness';

test('restart: users, tokens, history, unread and read state survive; ids keep increasing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'floo-server-'));
  try {
    let server = await startTestServer({ dataDir: dir });
    const alice = await connectAs(server, 'alice', 'alice-dev');
    const bob = await connectAs(server, 'bob', 'bob-dev');
    const b = uidOf(server, 'bob');
    const a = uidOf(server, 'alice');
    const first = await alice.sendText(b, 'before restart 1');
    await bob.notice(a);
    await bob.pullAll(a);
    await bob.close();
    const second = await alice.sendText(b, 'before restart 2');
    const { token } = await login(server, 'carol');
    await alice.close();
    await server.close();

    server = await startTestServer({ dataDir: dir });
    try {
      expect(server.demo?.users.map((u) => String(u.userId))).toEqual([a, b, uidOf(server, 'carol')]);
      expect((await rest(server, 'GET', '/user/profile', { token })).code).toBe(200);
      const bob2 = await connectAs(server, 'bob', 'bob-dev');
      expect((await bob2.unread()).unread).toContainEqual({ xid: { uid: a, deviceSN: 0 }, n: 1, type: ConvType.CHAT });
      expect((await bob2.pullAll(a)).metas.map(textOf)).toEqual(['before restart 2']);
      const history = await bob2.history(a);
      expect(history.metas?.map(textOf)).toEqual(['before restart 2', 'before restart 1']);
      expect(history.metas?.map((m) => (m as Meta & { ns: 1 }).payload?.status)).toEqual([0, 0]);
      const alice2 = await connectAs(server, 'alice', 'alice-dev');
      const third = await alice2.sendText(b, 'after restart');
      expect(Number(third.server_mid)).toBeGreaterThan(Number(second.server_mid));
      expect(Number(second.server_mid)).toBeGreaterThan(Number(first.server_mid));
      await Promise.all([bob2.close(), alice2.close()]);
    } finally {
      await server.close();
    }
    const again = await startTestServer({ dataDir: dir, seed: false });
    expect(again.appIds).toEqual(['demo']);
    const c = await RawClient.connect(again.url);
    await c.close();
    await again.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The official builds through a mini-program's life on floo-server, on a manual clock: heartbeats over
 * minutes, the app sent to the background until WeChat suspends it (its socket dies), and the network
 * dropping. Messages sent meanwhile must arrive once the app is back, exactly once.
 */
import { Command, decodeFrame } from 'floo-miniprogram/protocol';
import { ManualTimers } from '../support/manual-timers';
import { connectAs } from '../support/server-harness';
import type { RawClient } from '../support/server-client';
import { describeOfficialBuilds } from './support/builds';
import { advanceUntil, waitUntil } from './support/clock';
import { CompatSession, received, sleep } from './support/compat-session';
import type { OfficialApp } from './support/official-app';

const DUPLICATE_WINDOW_MS = 400;

/** Commands of the binary frames an app sent, in order. */
function sentCommands(app: OfficialApp): number[] {
  return app.shim.control.sockets().flatMap((r) => r.sent)
    .filter((m): m is Uint8Array => typeof m !== 'string')
    .map((bytes) => decodeFrame(bytes, { direction: 'up' }).command);
}

describeOfficialBuilds('app lifecycle', (build) => {
  let s: CompatSession;
  let clock: ManualTimers;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    s = await CompatSession.start(build.file, build.label);
    clock = new ManualTimers(Date.now());
  });

  afterEach(async () => {
    const problems = s.problems();
    await Promise.all(raws.splice(0).map((c) => c.close()));
    await s.close();
    expect(problems).toEqual([]);
  });

  test('heartbeats: an UNREAD every 50 s is answered and the socket stays up for 4 minutes', async () => {
    const alice = await s.launch('alice', { timers: clock });
    const socket = alice.shim.control.sockets()[0];
    const unreadsAtLogin = sentCommands(alice).filter((c) => c === Command.UNREAD).length;
    for (let beat = 1; beat <= 4; beat++) {
      const answers = socket.received.length;
      // Heartbeats are 50 s apart; the 20 s after the previous one have passed already.
      clock.advance(beat === 1 ? 50_000 : 30_000);
      await waitUntil(() => socket.received.length > answers, `the answer to heartbeat ${beat}`);
      // 3.0.x closes the socket when nothing arrived within 20 s of a heartbeat: let that check run.
      clock.advance(20_000);
      await sleep(20);
    }
    expect(sentCommands(alice).filter((c) => c === Command.UNREAD).length).toBe(unreadsAtLogin + 4);
    expect(alice.shim.control.sockets()).toHaveLength(1);
    expect(socket.state).toBe('open');
  });

  test('backgrounded until suspended: the socket dies, and a message sent meanwhile arrives once after show', async () => {
    const bob = await s.launch('bob', { timers: clock });
    const alice = await connectAs(s.server, 'alice');
    raws.push(alice);
    bob.shim.control.hide();
    clock.advance(5_000);
    expect(bob.shim.control.state.suspended).toBe(true);
    await waitUntil(() => bob.shim.control.openSockets().length === 0, 'the suspended app\'s socket to die');
    expect((await alice.sendText(s.uid('bob'), 'while you were away')).status?.code).toBe(1);
    await sleep(100);
    expect(received(bob, 'onRosterMessage', s.uid('alice'))).toHaveLength(0);

    bob.shim.control.show();
    await advanceUntil(clock, () => received(bob, 'onRosterMessage', s.uid('alice')).length > 0, 'the message after show');
    await sleep(DUPLICATE_WINDOW_MS);
    clock.advance(10_000);
    await sleep(50);
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(['while you were away']);
    expect(bob.shim.control.openSockets()).toHaveLength(1);
  });

  test('suspended with a half-open socket: the app comes back on the same device while the server still holds the old session', async () => {
    const bob = await s.launch('bob', { timers: clock, socketDeath: 'half-open' });
    const alice = await connectAs(s.server, 'alice');
    raws.push(alice);
    bob.shim.control.hide();
    clock.advance(5_000);
    // The server was told nothing: it still pushes to the old, silent connection.
    expect((await alice.sendText(s.uid('bob'), 'while half-open')).status?.code).toBe(1);
    const logins = bob.events.all('loginSuccess').length;
    bob.shim.control.show();
    await advanceUntil(clock, () => bob.events.all('loginSuccess').length > logins, 'the new login');
    await advanceUntil(clock, () => received(bob, 'onRosterMessage', s.uid('alice')).length > 0, 'the message sent while half-open');
    // Now the old connection finally ends (the server's pings would get there): the new session must survive it.
    expect(bob.shim.control.endHalfOpen()).toBe(1);
    await sleep(100);
    expect((await alice.sendText(s.uid('bob'), 'after the old connection ended')).status?.code).toBe(1);
    await advanceUntil(clock, () => received(bob, 'onRosterMessage', s.uid('alice')).length > 1, 'a live message on the new session');
    await sleep(DUPLICATE_WINDOW_MS);
    clock.advance(10_000);
    await sleep(50);
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(['while half-open', 'after the old connection ended']);
    expect(bob.shim.control.openSockets()).toHaveLength(1);
  });

  test('the server restarts: the app reconnects with its stored token and chat goes on', async () => {
    await s.close();
    s = await CompatSession.start(build.file, build.label, { persistent: true });
    const bob = await s.launch('bob', { timers: clock });
    await s.restartServer();
    await waitUntil(() => bob.shim.control.openSockets().length === 0, 'the socket to drop with the server');
    const alice = await connectAs(s.server, 'alice');
    raws.push(alice);
    const logins = bob.events.all('loginSuccess').length;
    await advanceUntil(clock, () => bob.events.all('loginSuccess').length > logins, 'a new login after the restart');
    expect((await alice.sendText(s.uid('bob'), 'after the restart')).status?.code).toBe(1);
    await advanceUntil(clock, () => received(bob, 'onRosterMessage', s.uid('alice')).length > 0, 'the message after the restart');
    await sleep(DUPLICATE_WINDOW_MS);
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(['after the restart']);
  });

  test('network lost for 30 s: the app reconnects by itself and gets what was sent meanwhile, once', async () => {
    const bob = await s.launch('bob', { timers: clock });
    const alice = await connectAs(s.server, 'alice');
    raws.push(alice);
    bob.shim.control.setNetwork(false);
    await waitUntil(() => bob.shim.control.openSockets().length === 0, 'the socket to drop');
    expect((await alice.sendText(s.uid('bob'), 'sent while offline')).status?.code).toBe(1);
    // The SDK retries on its own schedule while offline; none of it may get through.
    await advanceUntil(clock, () => false, 'offline period', { maxMs: 30_000 }).catch(() => undefined);
    expect(received(bob, 'onRosterMessage', s.uid('alice'))).toHaveLength(0);

    bob.shim.control.setNetwork(true, 'wifi');
    await advanceUntil(clock, () => received(bob, 'onRosterMessage', s.uid('alice')).length > 0, 'the message after the network came back', { maxMs: 180_000 });
    await sleep(DUPLICATE_WINDOW_MS);
    clock.advance(10_000);
    await sleep(50);
    expect(received(bob, 'onRosterMessage', s.uid('alice')).map((m) => m.content)).toEqual(['sent while offline']);
  });
});

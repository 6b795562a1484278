/**
 * The demo end to end in WeChat DevTools, driven by miniprogram-automator: alice logs in through the
 * real login page in the simulator, sends to the seeded group from the chat page, and bob (an SDK
 * client in Node) receives it; bob's reply appears on her page and his next message raises the unread
 * count on her conversation list. Both talk to a floo-server started here.
 *
 * Needs DevTools with 设置 → 安全设置 → 服务端口 turned on. The CLI is looked up at
 * WECHAT_DEVTOOLS_CLI, then at the default macOS and Windows install paths; where none is found the
 * test says so and is skipped (there is no official DevTools for Linux, so CI skips it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';
import type { InputElement } from 'miniprogram-automator/out/Element';
import type { RunningServer } from '../../server/src';
import { startTestServer } from '../support/server-harness';
import { createClient, type FlooClient } from '../../sdk/src/core/client';
import type { Message } from '../../sdk/src/core/types';
import { createNodePlatform, createMemoryStorage } from '../../sdk/src/platform/node/index';

const REPO = join(__dirname, '../..');

function findDevToolsCli(): string | undefined {
  const candidates = [
    process.env.WECHAT_DEVTOOLS_CLI,
    '/Applications/wechatwebdevtools.app/Contents/MacOS/cli',
    'C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat',
    'C:/Program Files/Tencent/微信web开发者工具/cli.bat',
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

const cli = findDevToolsCli();
if (!cli) {
  console.info('test/e2e: WeChat DevTools not found (set WECHAT_DEVTOOLS_CLI to its cli); the DevTools end-to-end test is skipped.');
}
const withDevTools = cli ? describe : describe.skip;

/** Polls `check` until it returns something truthy. */
async function until<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** An element inside a custom component (TDesign inputs and buttons listen on their inner nodes). */
async function inner(page: Page, host: string, selector: string): Promise<Element> {
  const outer = await page.$(host);
  const found = outer && (await outer.$(selector));
  if (!found) throw new Error(`${host} ${selector} not found`);
  return found;
}

withDevTools('WeChat DevTools (miniprogram-automator)', () => {
  let server: RunningServer;
  let mp: MiniProgram;
  let bob: FlooClient;
  const bobInbox: Message[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    mp = await automator.launch({ cliPath: cli!, projectPath: REPO, trustProject: true, timeout: 120000 });
    // A clean app pointed at this server (as the settings page would save it).
    await mp.callWxMethod('clearStorageSync');
    await mp.callWxMethod('setStorageSync', 'floo-demo:settings', { appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, lang: 'zh' });
    bob = createClient({ appId: 'demo', dnsServer: `${server.url}/v2/app_dns`, logLevel: 'warn' }, createNodePlatform({ storage: createMemoryStorage(), log: null }));
    bob.on('message', (m) => bobInbox.push(m));
    await bob.login({ username: 'bob', password: 'floo-demo' });
  }, 180000);

  afterAll(async () => {
    await bob?.close();
    await mp?.close();
    await server?.close();
  });

  test('login → send → receive, and the unread count', async () => {
    const group = { type: 'group' as const, id: String(server.demo!.groupId) };
    // The app read its settings at launch: relaunch it so that it uses the ones just saved.
    let page = (await mp.reLaunch('/pages/login/login'))!;
    await until(async () => (await page.data('resuming')) === false, 'the login form');
    await (await inner(page, '#username', '.t-input__control') as InputElement).input('alice');
    await (await inner(page, '#password', '.t-input__control') as InputElement).input('floo-demo');
    await (await inner(page, '#submit', '.t-button')).tap();
    await until(async () => (await mp.currentPage())?.path === 'pages/conversations/conversations', 'the conversation list');

    page = (await mp.navigateTo(`/packages/chat/pages/chat/chat?type=group&id=${group.id}&name=Floo%20Demo`))!;
    await (await inner(page, '#input', '.input') as InputElement).input('hello from DevTools');
    await (await inner(page, '#input', '#send')).tap();
    const got = await until(async () => bobInbox.find((m) => m.content === 'hello from DevTools'), 'bob to receive alice\'s message');
    expect(got.conversation).toEqual(group);

    await bob.messages.sendText(group, 'hi alice, got it');
    await until(async () => {
      const blocks = (await page.data('blocks')) as Array<{ items: Array<{ text: string; own: boolean }> }>;
      return blocks.some((b) => b.items.some((m) => m.text === 'hi alice, got it' && !m.own));
    }, 'bob\'s reply on alice\'s chat page');

    // switchTab closes the chat page, so bob's next message stays unread on the list.
    const list = (await mp.switchTab('/pages/conversations/conversations'))!;
    await bob.messages.sendText(group, 'one more');
    await until(async () => {
      const items = (await list.data('items')) as Array<{ id: string; unread: number; preview: string }>;
      return items.find((i) => i.id === group.id && i.unread >= 1 && i.preview.endsWith('one more'));
    }, 'the unread count on alice\'s list');
  });
});

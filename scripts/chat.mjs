// `npm run chat -- --user bob`: an interactive terminal chat on the SDK's Node entry, against
// floo-server (http://127.0.0.1:9800 by default), so a developer can talk to the demo in DevTools.
//
//   --user NAME       log in by user name (or --id USER_ID)
//   --password PASS   default: floo-demo (the demo password)
//   --server URL      default: http://127.0.0.1:9800 (discovery at URL/v2/app_dns)
//   --app APP_ID      default: demo
//
// Type a line to send it to the current conversation. Commands: /to NAME|ID, /group GROUP_ID,
// /list, /history, /help, /quit.
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The chat runs on the SDK's built Node entry; build it first on a fresh checkout.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'sdk/dist/esm/node.js'))) {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { createClient, createNodePlatform } = await import('../sdk/dist/esm/node.js');

const args = parseArgs(process.argv.slice(2));
if (args.help || (!args.user && !args.id)) {
  console.log('usage: npm run chat -- --user NAME [--password PASS] [--server URL] [--app APP_ID]');
  process.exit(args.help ? 0 : 2);
}
const server = (args.server ?? 'http://127.0.0.1:9800').replace(/\/+$/, '');
const appId = args.app ?? 'demo';
const password = args.password ?? 'floo-demo';
const dir = join(homedir(), '.floo-chat', appId, args.user ?? args.id);
mkdirSync(dir, { recursive: true });

const client = createClient({ appId, dnsServer: `${server}/v2/app_dns`, logLevel: 'warn' }, createNodePlatform({ storage: { dir } }));
const names = new Map(); // user id -> display name
const aliases = new Map(); // lower-case user name or nickname -> user id
let token = '';
let current = null; // ConversationRef

const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
const print = (line) => {
  process.stdout.write(`\r\x1b[K${line}\n`);
  rl.prompt(true);
};
const label = (ref) => (ref.type === 'group' ? `group ${ref.id}` : names.get(ref.id) ?? `user ${ref.id}`);

client.on('message', (m) => {
  if (!current) current = m.conversation;
  const who = m.isOwn ? 'me (other device)' : names.get(m.from) ?? m.from;
  print(`[${label(m.conversation)}] ${who}: ${m.content}`);
});
client.on('connectionStateChange', (c) => {
  if (c.current !== 'connected' && c.current !== 'connecting' && c.current !== 'authenticating') print(`(connection ${c.current}${c.reason ? `: ${c.reason}` : ''})`);
});
client.on('kicked', (k) => print(`(logged out by the server: ${k.code})`));

try {
  const who = args.user ? { username: args.user, password } : { userId: args.id, password };
  const r = await client.login(who);
  token = r.token;
  await loadNames(r.userId);
  console.log(`floo chat: logged in as ${names.get(r.userId) ?? r.userId} (${r.userId}) on ${server}`);
  const list = client.conversations.list();
  for (const c of list.slice(0, 10)) console.log(`  ${label(c.ref)}: ${c.unread} unread${c.lastMessage ? `, last: ${c.lastMessage.content}` : ''}`);
  if (list[0]) current = list[0].ref;
  console.log('Type to send; /to NAME, /group ID, /list, /history, /help, /quit.');
} catch (err) {
  console.error(`login failed: ${err.code ?? ''} ${err.message}`);
  process.exit(1);
}

rl.prompt();
rl.on('line', async (line) => {
  const text = line.trim();
  try {
    if (!text) return;
    if (text === '/quit' || text === '/exit') return quit();
    if (text === '/help') return print('/to NAME|ID  /group ID  /list  /history  /quit; other lines are sent');
    if (text === '/list') {
      for (const c of client.conversations.list()) print(`${label(c.ref)}: ${c.unread} unread`);
      return;
    }
    if (text.startsWith('/to ')) {
      const target = text.slice(4).trim();
      const id = aliases.get(target.toLowerCase()) ?? target;
      current = { type: 'user', id };
      return print(`(talking to ${label(current)})`);
    }
    if (text.startsWith('/group ')) {
      current = { type: 'group', id: text.slice(7).trim() };
      return print(`(talking in ${label(current)})`);
    }
    if (text === '/history') {
      if (!current) return print('(no conversation: /to NAME first)');
      const page = await client.messages.history(current, { limit: 20 });
      for (const m of page.messages) print(`  ${m.isOwn ? 'me' : names.get(m.from) ?? m.from}: ${m.content}`);
      return;
    }
    if (!current) return print('(no conversation: /to NAME first)');
    const m = await client.messages.sendText(current, text);
    await client.conversations.markRead(current).catch(() => {});
    print(`(sent #${m.id})`);
  } catch (err) {
    print(`(error ${err.code ?? ''}: ${err.message})`);
  } finally {
    rl.prompt();
  }
});
rl.on('close', quit);

async function quit() {
  await client.close();
  process.exit(0);
}

/** Friends' names, for display and /to NAME (REST, beside the SDK: this is a developer tool). */
async function loadNames(me) {
  const headers = { app_id: appId, 'access-token': token, 'content-type': 'application/json' };
  try {
    const friends = await (await fetch(`${server}/roster/list`, { headers })).json();
    const ids = [me, ...(Array.isArray(friends.data) ? friends.data.map((f) => (typeof f === 'object' ? f.user_id : f)) : [])];
    const info = await (await fetch(`${server}/roster/list`, { method: 'POST', headers, body: JSON.stringify({ list: ids }) })).json();
    for (const u of info.data ?? []) {
      const id = String(u.user_id);
      names.set(id, u.nick_name || u.username);
      for (const alias of [u.username, u.nick_name]) if (alias) aliases.set(String(alias).toLowerCase(), id);
    }
  } catch {
    // Names are a nicety; ids work without them.
  }
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') out.help = true;
    else if (a.startsWith('--')) out[a.slice(2)] = argv[++i];
  }
  return out;
}

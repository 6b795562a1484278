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
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createClient, createNodePlatform } from '../sdk/dist/esm/node.js';

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
const names = new Map(); // user id -> name
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
      const id = [...names].find(([, n]) => n === target)?.[0] ?? target;
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
    for (const u of info.data ?? []) names.set(String(u.user_id), u.nick_name || u.username);
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

/**
 * What an upload of the demo would contain with `ignoreUploadUnusedFiles` on: every file reachable from
 * app.json (pages, subpackage pages, `usingComponents`, JS requires and imports, WXML import/include/wxs,
 * WXS requires, WXSS @import), split into the main package and the subpackages. TypeScript files count
 * at their source size, an upper bound of the JavaScript DevTools makes of them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** One package's files and size. */
export interface PackagePart {
  root: string;
  files: string[];
  bytes: number;
}

/** The reachable files, by package. */
export interface PackageGraph {
  main: PackagePart;
  subpackages: PackagePart[];
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  sitemapLocation?: string;
}

const SCRIPT = ['.js', '.ts'];

/** Walks the demo from app.json; throws on any reference that does not resolve, as DevTools would. */
export function packageGraph(root: string): PackageGraph {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (file: string, from: string) => {
    if (!existsSync(file)) throw new Error(`${rel(root, from)} refers to ${rel(root, file)}, which does not exist`);
    if (!seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  const addComponent = (base: string, from: string) => {
    const script = SCRIPT.map((e) => base + e).find(existsSync);
    if (!script || !existsSync(`${base}.json`)) throw new Error(`${rel(root, from)} uses component ${rel(root, base)}, which has no script or json`);
    add(script, from);
    add(`${base}.json`, from);
    for (const ext of ['.wxml', '.wxss']) if (existsSync(base + ext)) add(base + ext, from);
  };

  const appJsonPath = join(root, 'app.json');
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  for (const f of ['app.json', 'app.wxss', app.sitemapLocation ?? 'sitemap.json']) if (existsSync(join(root, f))) add(join(root, f), appJsonPath);
  add(SCRIPT.map((e) => join(root, `app${e}`)).find(existsSync) ?? join(root, 'app.js'), appJsonPath);
  const subs = app.subPackages ?? app.subpackages ?? [];
  for (const page of app.pages) addComponent(join(root, page), appJsonPath);
  for (const sub of subs) for (const page of sub.pages) addComponent(join(root, sub.root, page), appJsonPath);

  while (queue.length) {
    const file = queue.shift()!;
    const text = readFileSync(file, 'utf8');
    const dir = dirname(file);
    if (file.endsWith('.json')) {
      const using = (JSON.parse(text) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
      for (const target of Object.values(using)) {
        if (target.startsWith('plugin://')) continue;
        addComponent(resolvePath(root, dir, target, file), file);
      }
    } else if (SCRIPT.some((e) => file.endsWith(e))) {
      for (const spec of scriptDeps(text)) add(resolveScript(root, dir, spec, file), file);
    } else if (file.endsWith('.wxml')) {
      for (const m of text.matchAll(/<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)) {
        const target = resolvePath(root, dir, m[1], file);
        add(existsSync(target) ? target : `${target}.wxml`, file);
      }
    } else if (file.endsWith('.wxs')) {
      for (const m of text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) add(resolvePath(root, dir, m[1], file), file);
    } else if (file.endsWith('.wxss')) {
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(resolvePath(root, dir, m[1], file), file);
    }
  }

  const parts = subs.map((s) => ({ root: s.root.replace(/\/?$/, '/'), files: [] as string[], bytes: 0 }));
  const main: PackagePart = { root: '', files: [], bytes: 0 };
  for (const file of Array.from(seen).sort()) {
    const r = rel(root, file);
    const part = parts.find((p) => r.startsWith(p.root)) ?? main;
    part.files.push(r);
    part.bytes += statSync(file).size;
  }
  return { main, subpackages: parts };
}

/** Module specifiers of a script: `require('x')`, `import … from 'x'`, `import 'x'`, `export … from 'x'`. */
function scriptDeps(text: string): string[] {
  const specs = new Set<string>();
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) specs.add(m[1]);
  for (const m of code.matchAll(/\b(?:import|export)\b(?!\s+type\b)[^"';]*?\bfrom\s*["']([^"']+)["']/g)) specs.add(m[1]);
  for (const m of code.matchAll(/\bimport\s*["']([^"']+)["']/g)) specs.add(m[1]);
  return Array.from(specs);
}

/** A path in a json/wxml/wxss/wxs reference: absolute from the root, relative, or an npm path. */
function resolvePath(root: string, dir: string, target: string, from: string): string {
  if (target.startsWith('/')) return join(root, target);
  if (target.startsWith('.')) return join(dir, target);
  return npmPath(root, dir, target, from);
}

/** WeChat looks npm paths up in `miniprogram_npm` folders from the referring file's folder upwards. */
function npmPath(root: string, dir: string, target: string, from: string): string {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'miniprogram_npm', target);
    if (existsSync(candidate) || SCRIPT.some((e) => existsSync(candidate + e)) || existsSync(`${candidate}.json`)) return candidate;
    if (d === root || !d.startsWith(root)) break;
  }
  throw new Error(`${rel(root, from)}: cannot find ${target} in any miniprogram_npm`);
}

function resolveScript(root: string, dir: string, spec: string, from: string): string {
  const base = spec.startsWith('.') || spec.startsWith('/') ? resolvePath(root, dir, spec, from) : npmPath(root, dir, spec, from);
  const candidates = [base, ...SCRIPT.map((e) => base + e), ...SCRIPT.map((e) => join(base, `index${e}`))];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`${rel(root, from)}: cannot resolve ${spec}`);
  return found;
}

function rel(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

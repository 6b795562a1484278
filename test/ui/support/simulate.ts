/**
 * miniprogram-simulate set up for this repository (appendix A.2 of the platform reference): the
 * official Linux WXML compiler over the demo's root, TDesign from miniprogram/miniprogram_npm, and
 * two adaptations to how WeChat resolves and runs component code:
 *  - `usingComponents` entries such as `tdesign-miniprogram/button/button` are npm paths that WeChat
 *    looks up in miniprogram_npm; simulate would treat them as relative paths, so they are rewritten.
 *  - simulate runs a component's JS with `require` and then deletes it from `require.cache` so the
 *    next load runs it again; Jest ignores that cache, so each run gets a fresh module registry.
 */
import * as path from 'node:path';

/** The demo's root (project.config.json `miniprogramRoot`). */
export const MINIPROGRAM_ROOT = path.join(__dirname, '../../../miniprogram');

interface SimulateUtils {
  readJson(file: string): { usingComponents?: Record<string, string> } | null;
  runJs(file: string): void;
}

/** The parts of miniprogram-simulate the tests use (its own typings are loose). */
export interface Simulate {
  load(componentPath: string, tagName: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): RenderedComponent;
  sleep(ms?: number): Promise<void>;
}

/** A j-component instance (the subset the tests use). */
export interface RenderedComponent {
  dom: HTMLElement;
  data: Record<string, unknown>;
  instance: Record<string, unknown> & { setData(patch: Record<string, unknown>): void };
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): RenderedComponent | null;
  querySelectorAll(selector: string): RenderedComponent[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  setData(patch: Record<string, unknown>): void;
  addListener?(event: string, fn: (detail: unknown) => void): void;
  triggerLifeTime?(name: string): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const utils = require('miniprogram-simulate/src/utils') as SimulateUtils;
const readJson = utils.readJson;
utils.readJson = (file) => {
  const json = readJson(file);
  const using = json?.usingComponents;
  if (using) {
    for (const [tag, target] of Object.entries(using)) {
      if (!/^[./]/.test(target)) using[tag] = `/miniprogram_npm/${target}`;
    }
  }
  return json;
};
utils.runJs = (file) => jest.isolateModules(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(file);
});

// TDesign components read the app object when they are created.
(globalThis as { getApp?: () => unknown }).getApp ??= () => ({});

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const simulate = require('miniprogram-simulate') as Simulate;

/** Options for every load: the whole demo is compiled once per test file by the official compiler. */
const LOAD_OPTIONS = { rootPath: MINIPROGRAM_ROOT, compiler: 'official', compilerOptions: { maxBuffer: 64 << 20 } };

/** Loads a page or component (path from the demo root, without extension) and renders it attached. */
export function mount(componentPath: string, properties?: Record<string, unknown>): RenderedComponent {
  const file = path.join(MINIPROGRAM_ROOT, componentPath.replace(/^\//, ''));
  const tagName = path.basename(file);
  const id = simulate.load(file, tagName, LOAD_OPTIONS);
  const comp = simulate.render(id, properties);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  comp.attach(parent);
  return comp;
}

/** Waits until `check` returns something truthy (polling; real servers answer on their own time). */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: unknown;
    try {
      const v = check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** j-component delivers events in a microtask; this resolves after the handlers have run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** Taps a node: TDesign buttons and cells listen on their inner element. */
export async function tap(node: RenderedComponent | null, what = 'node'): Promise<void> {
  if (!node) throw new Error(`nothing to tap: ${what} not found`);
  const inner = node.querySelector('.t-button') ?? node.querySelector('.t-cell');
  (inner ?? node).dispatchEvent('tap');
  await settle();
}

/** Types into a TDesign input (`t-input`) or a component whose native input has the class `input`. */
export async function type(node: RenderedComponent | null, value: string, what = 'input'): Promise<void> {
  if (!node) throw new Error(`nothing to type into: ${what} not found`);
  // j-component selects by id and class only, not by tag name.
  const input = node.querySelector('.t-input__control') ?? node.querySelector('.input');
  if (!input) throw new Error(`${what} has no input field`);
  input.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
  await settle();
}

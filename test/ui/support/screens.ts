/**
 * Page snapshots for `npm run screenshots`: the rendered DOM of a page plus the WXSS that simulate
 * injected, inside a drawn phone frame (status bar, navigation bar, tab bar), written as HTML for
 * headless Chromium. rpx become px 1:1 (simulate's rule), so the frame is 750 px wide, an iPhone 8 at
 * 2x. Native parts are only approximated: inputs show their value or placeholder as text, icons
 * (a web font TDesign loads from the network) are absent.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedComponent } from './simulate';
import { MINIPROGRAM_ROOT } from './simulate';

/** Where the HTML goes: set by scripts/screenshots.mjs; unset in ordinary test runs. */
export const SCREENS_DIR = process.env.FLOO_SCREENS_DIR;

const WIDTH = 750;
const HEIGHT = 1334;
const STATUS_BAR = 40;
const NAV_BAR = 88;
const TAB_BAR = 98;

/**
 * Built-in components are empty tags in simulate; `input` is redefined to show its text so that
 * forms read in a picture. Call before mounting pages (only when snapshots are written).
 */
export function showInputText(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jComponent = require('j-component') as { register(definition: Record<string, unknown>): string };
  jComponent.register({
    id: 'input',
    tagName: 'wx-input',
    properties: { value: { type: String, value: '' }, placeholder: { type: String, value: '' }, password: { type: Boolean, value: false } },
    template: '<view class="wx-input__text {{value ? \'\' : \'wx-input__placeholder\'}}">{{value ? (password ? \'••••••••\' : value) : placeholder}}</view>',
  });
}

/** A screen: which page, its title, and which tab (if a tab page). */
export interface Screen {
  name: string;
  title: string;
  page: RenderedComponent;
  /** Index of the selected tab, for tab pages. */
  tab?: number;
  tabs?: string[];
  /** The tab-bar badge of the first tab. */
  badge?: string;
  /** The launch page has no back button. */
  noBack?: boolean;
}

const BASE_CSS = `
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; background: #d9d9d9; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", -apple-system, sans-serif; font-size: 32px; color: #1a1a1a; -webkit-font-smoothing: antialiased; }
  wx-view, wx-scroll-view, wx-swiper, wx-form, wx-navigator, wx-image, wx-input, wx-textarea { display: block; }
  wx-text, wx-label { display: inline; }
  wx-button { display: block; border: 0; }
  wx-scroll-view { overflow: hidden; }
  wx-input { display: flex; align-items: center; }
  /* TDesign names fonts of phones (PingFang SC...) that this machine lacks. */
  .content, .content * { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif !important; }
  .wx-input__text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-family: "Noto Sans CJK SC", sans-serif; }
  /* TDesign icons are glyphs of a web font loaded from the network: hidden here, except the failed mark. */
  [class*="t-icon--t-icon"]::before { content: "" !important; }
  .chat-bubble--state--failed { width: 40px; height: 40px; border-radius: 20px; background: #d54941; color: #fff; justify-content: center; font-weight: 700; }
  .chat-bubble--state--failed::after { content: "!"; }
  .wx-input__placeholder { color: #bbb; }
  .phone { position: relative; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; background: #f3f3f3; }
  .status { height: ${STATUS_BAR}px; background: #fff; display: flex; justify-content: space-between; align-items: center; padding: 0 32px; font-size: 24px; font-weight: 600; }
  .nav { height: ${NAV_BAR}px; background: #fff; display: flex; align-items: center; justify-content: center; font-size: 34px; font-weight: 600; border-bottom: 1px solid #eee; position: relative; }
  .nav .back { position: absolute; left: 28px; font-size: 44px; font-weight: 400; }
  .nav .capsule { position: absolute; right: 14px; width: 174px; height: 64px; border: 1px solid #e5e5e5; border-radius: 32px; display: flex; align-items: center; justify-content: space-around; font-size: 28px; color: #333; }
  .content { position: relative; overflow: hidden; }
  .tabbar { position: absolute; left: 0; right: 0; bottom: 0; height: ${TAB_BAR}px; background: #fff; border-top: 1px solid #eee; display: flex; }
  .tab { flex: 1; display: flex; align-items: center; justify-content: center; font-size: 30px; color: #8b8b8b; position: relative; }
  .tab--on { color: #0052d9; font-weight: 600; }
  .tab .badge { position: absolute; top: 14px; left: 50%; margin-left: 30px; background: #d54941; color: #fff; font-size: 20px; border-radius: 18px; min-width: 32px; height: 32px; padding: 0 8px; display: flex; align-items: center; justify-content: center; }
`;

/** app.wxss applies to every page: its `page` rules go to the page's box here. */
function appCss(): string {
  const css = readFileSync(join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[},\s])page(?=[\s{,])/g, '$1.content').replace(/(\d+)rpx/g, '$1px');
}

/** Writes `<dir>/<name>.html`; returns its path. */
export function writeScreen(dir: string, screen: Screen): string {
  const isTab = screen.tab !== undefined;
  const contentHeight = HEIGHT - STATUS_BAR - NAV_BAR - (isTab ? TAB_BAR : 0);
  // Pages size themselves with 100vh; in the frame that is the content box.
  const styles = document.head.innerHTML.replace(/100vh/g, `${contentHeight}px`);
  const dom = (screen.page.dom.parentNode as Element).innerHTML.replace(/100vh/g, `${contentHeight}px`);
  const tabs = isTab
    ? `<div class="tabbar">${(screen.tabs ?? []).map((t, i) => `<div class="tab ${i === screen.tab ? 'tab--on' : ''}">${t}${i === 0 && screen.badge ? `<div class="badge">${screen.badge}</div>` : ''}</div>`).join('')}</div>`
    : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_CSS}${appCss()}</style>${styles}</head><body>
<div class="phone">
  <div class="status"><span>9:41</span><span>100%</span></div>
  <div class="nav">${isTab || screen.noBack ? '' : '<span class="back">‹</span>'}${escapeHtml(screen.title)}<span class="capsule">··· | ◎</span></div>
  <div class="content" style="height:${contentHeight}px">${dom}</div>
  ${tabs}
</div></body></html>`;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${screen.name}.html`);
  writeFileSync(file, html);
  return file;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]!));
}

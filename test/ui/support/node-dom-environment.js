/**
 * Jest environment for the mini-program UI tests: Node's globals (timers with unref, fetch, Buffer,
 * AbortController...) so that a real floo-server and the SDK run as in the other tests, plus a jsdom
 * DOM for j-component / miniprogram-simulate. `window` is the global itself, as in a browser, because
 * code compiled by the WXML compiler writes `window.x` and reads `x`.
 */
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { JSDOM } = require('jsdom');

/** DOM event classes must be jsdom's: DOM nodes reject Node's own Event and CustomEvent. */
const FROM_DOM = /^(Event|EventTarget|CustomEvent|[A-Za-z]+Event)$/;

class NodeDomEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
    const win = this.dom.window;
    const g = this.global;
    for (const key of Object.getOwnPropertyNames(win)) {
      if (key === 'window' || key === 'self' || key === 'globalThis' || key === 'global') continue;
      if (key in g && !FROM_DOM.test(key)) continue;
      const desc = Object.getOwnPropertyDescriptor(win, key);
      if (typeof desc.value === 'function' && !/^[A-Z]/.test(key)) {
        // Window methods (getComputedStyle, requestAnimationFrame...) need the window as `this`.
        g[key] = desc.value.bind(win);
      } else {
        Object.defineProperty(g, key, { configurable: true, enumerable: desc.enumerable, get: () => win[key], set: (v) => { win[key] = v; } });
      }
    }
    g.window = g;
    g.self = g;
  }

  async teardown() {
    this.dom?.window.close();
    this.dom = null;
    await super.teardown();
  }
}

module.exports = NodeDomEnvironment;

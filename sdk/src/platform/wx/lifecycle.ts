/**
 * App lifecycle and network hooks. About 5 s after `onAppHide` WeChat suspends JS and later kills
 * sockets, so the core stops its heartbeat on hide and reconnects on show; network changes trigger
 * an immediate retry. Each subscription wraps the listener, so `off*` removes exactly that wrapper,
 * and a flag silences it where the base library lacks `off*` (offNetworkStatusChange needs ≥ 2.9.3).
 */
import type { Platform } from '../../core/platform';
import type { WxApi } from './wx-api';

type Hook<A> = ((listener: (arg: A) => void) => void) | undefined;

function subscribe<A>(on: Hook<A>, off: Hook<A>, listener: (arg: A) => void): () => void {
  let active = true;
  const wrapper = (arg: A): void => {
    if (active) listener(arg);
  };
  on?.(wrapper);
  return () => {
    active = false;
    off?.(wrapper);
  };
}

/** The lifecycle members of a Platform, present only where this `wx` offers the hooks. */
export function wxLifecycle(wx: WxApi): Pick<Platform, 'onAppShow' | 'onAppHide' | 'onNetworkChange'> {
  const bind = <A>(fn: Hook<A>): Hook<A> => fn && fn.bind(wx);
  const hooks: Pick<Platform, 'onAppShow' | 'onAppHide' | 'onNetworkChange'> = {};
  if (typeof wx.onAppShow === 'function') {
    hooks.onAppShow = (listener) => subscribe(bind(wx.onAppShow), bind(wx.offAppShow), () => listener());
  }
  if (typeof wx.onAppHide === 'function') {
    hooks.onAppHide = (listener) => subscribe(bind(wx.onAppHide), bind(wx.offAppHide), () => listener());
  }
  if (typeof wx.onNetworkStatusChange === 'function') {
    type Status = { isConnected: boolean };
    hooks.onNetworkChange = (listener) => subscribe(
      bind(wx.onNetworkStatusChange), bind(wx.offNetworkStatusChange as Hook<Status>), (res: Status) => listener(res.isConnected !== false),
    );
  }
  return hooks;
}

/**
 * The rest of `wx` an app touches: device and account info, launch options, toasts and modals (no-ops
 * that succeed), lifecycle listeners and network status.
 */
import { settle, type WxCallbackOptions } from './callbacks';
import type { AppRuntime, NetworkStatus, NetworkType } from './app-runtime';

/** What `wx.getSystemInfoSync` returns (the fields SDKs read). */
export interface SystemInfo {
  brand: string;
  model: string;
  pixelRatio: number;
  screenWidth: number;
  screenHeight: number;
  windowWidth: number;
  windowHeight: number;
  statusBarHeight: number;
  language: string;
  version: string;
  system: string;
  platform: string;
  SDKVersion: string;
  [key: string]: unknown;
}

/** A plausible iPhone with a current WeChat and base library. */
export const DEFAULT_SYSTEM_INFO: SystemInfo = {
  brand: 'iPhone', model: 'iPhone 13', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390,
  windowHeight: 753, statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 17.5', platform: 'ios',
  SDKVersion: '3.5.0',
};

type Listener<T> = (r: T) => void;
type Ok = { errMsg: string };

/** Builds the system, UI, lifecycle and network-status functions. */
export function createSystemApi(runtime: AppRuntime, system: SystemInfo, appId: string) {
  const okCall = (api: string) => (options?: WxCallbackOptions<Ok> & Record<string, unknown>): Promise<Ok> | undefined =>
    settle(runtime.deliver, options, Promise.resolve({ errMsg: `${api}:ok` }));
  const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {}, forwardMaterials: [], chatType: 0, apiCategory: 'default' };
  return {
    getSystemInfoSync: (): SystemInfo => ({ ...system }),
    getSystemInfo: (o?: WxCallbackOptions<SystemInfo & Ok>) => settle(runtime.deliver, o, Promise.resolve({ ...system, errMsg: 'getSystemInfo:ok' })),
    getWindowInfo: () => ({ pixelRatio: system.pixelRatio, screenWidth: system.screenWidth, screenHeight: system.screenHeight, windowWidth: system.windowWidth, windowHeight: system.windowHeight, statusBarHeight: system.statusBarHeight }),
    getAccountInfoSync: () => ({ miniProgram: { appId, envVersion: 'develop', version: '' }, plugin: {} }),
    getLaunchOptionsSync: () => ({ ...launch }),
    getEnterOptionsSync: () => ({ ...launch }),
    canIUse: (_schema: string) => true,
    showToast: okCall('showToast'),
    hideToast: okCall('hideToast'),
    showLoading: okCall('showLoading'),
    hideLoading: okCall('hideLoading'),
    showModal: (o?: WxCallbackOptions<Ok & { confirm: boolean; cancel: boolean }>) =>
      settle(runtime.deliver, o, Promise.resolve({ errMsg: 'showModal:ok', confirm: true, cancel: false })),
    onAppShow: (l: Listener<Record<string, unknown>>) => void runtime.showListeners.add(l),
    offAppShow: (l?: Listener<Record<string, unknown>>) => (l ? runtime.showListeners.delete(l) : runtime.showListeners.clear()),
    onAppHide: (l: Listener<Record<string, unknown>>) => void runtime.hideListeners.add(l),
    offAppHide: (l?: Listener<Record<string, unknown>>) => (l ? runtime.hideListeners.delete(l) : runtime.hideListeners.clear()),
    onNetworkStatusChange: (l: Listener<NetworkStatus>) => void runtime.networkListeners.add(l),
    offNetworkStatusChange: (l?: Listener<NetworkStatus>) => (l ? runtime.networkListeners.delete(l) : runtime.networkListeners.clear()),
    getNetworkType: (o?: WxCallbackOptions<{ networkType: NetworkType; signalStrength: number; hasSystemProxy: boolean; errMsg: string }>) =>
      settle(runtime.deliver, o, Promise.resolve({ networkType: runtime.networkType, signalStrength: 0, hasSystemProxy: false, errMsg: 'getNetworkType:ok' })),
  };
}

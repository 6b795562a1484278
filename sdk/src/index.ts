/**
 * floo-miniprogram: instant messaging for WeChat mini-programs over XSYNC, the protocol of the
 * Lanying IM (MaximTop) cloud. This entry binds the wx platform (wx.connectSocket, wx storage,
 * wx.request, wx.uploadFile, app show/hide, network status); `floo-miniprogram/node` binds Node.
 *
 * ```ts
 * import { createClient } from 'floo-miniprogram';
 * const im = createClient({ appId: 'YOUR_APP_ID' });
 * await im.login({ username: 'alice', password: '...' });
 * ```
 */
import { createClient as createCoreClient, type ClientOptions, type FlooClient, type Platform } from './core/index';
import { createWxPlatform } from './platform/wx/index';

export * from './public';
export { createWxPlatform, createWxStorage } from './platform/wx/index';
export type { WxPlatformOptions, WxApi } from './platform/wx/index';

/** Creates a client; the platform defaults to WeChat's (the global `wx`, looked up now). */
export function createClient(options: ClientOptions, platform?: Platform): FlooClient {
  return createCoreClient(options, platform ?? createWxPlatform());
}

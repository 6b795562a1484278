/**
 * floo-miniprogram: instant messaging for WeChat mini-programs over XSYNC.
 *
 * This entry currently exports the XSYNC protocol codec; the client (createClient bound to the wx
 * platform) joins it as the SDK grows.
 */
export * from './protocol/index';

/** floo-miniprogram/protocol: the XSYNC codec alone, for servers and tools. */
export * from './protocol/index';

/**
 * The part of the WeChat `wx` object the adapter uses, typed structurally so that the real `wx`, the
 * test shim or a hand-written fake all fit. Members are declared as methods (bivariant parameters)
 * so the typings of `miniprogram-api-typings` are assignable as well.
 */

/** What every failing wx call passes to `fail`. */
export interface WxFailResult {
  errMsg: string;
  errno?: number;
}

/** Callbacks of an asynchronous wx call. */
export interface WxCallbacks<R> {
  success?(result: R): void;
  fail?(result: WxFailResult): void;
}

/** Options of `wx.connectSocket` the adapter passes through. */
export interface WxSocketOptions {
  /** Extra handshake headers (WeChat refuses `Referer`). */
  header?: Record<string, string>;
  /** WebSocket sub-protocols (base library ≥ 1.4.0). */
  protocols?: string[];
  /** Disable Nagle (≥ 2.4.0). The adapter defaults it to true: IM frames are small and latency-bound. */
  tcpNoDelay?: boolean;
  /** Handshake timeout in ms (≥ 2.10.0). */
  timeout?: number;
}

/** `SocketTask`, as returned by `wx.connectSocket`. */
export interface WxSocketTask {
  send(options: { data: string | ArrayBuffer } & WxCallbacks<unknown>): void;
  close(options: { code?: number; reason?: string } & WxCallbacks<unknown>): void;
  onOpen(listener: (result: unknown) => void): void;
  onMessage(listener: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(listener: (result: { code?: number; reason?: string }) => void): void;
  onError(listener: (result: { errMsg?: string }) => void): void;
}

/** A running request/upload/download task. */
export interface WxNetworkTask {
  abort?(): void;
}

/** Progress reported by `UploadTask.onProgressUpdate`. */
export interface WxUploadProgress {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

/** Progress reported by `DownloadTask.onProgressUpdate`. */
export interface WxDownloadProgress {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

/** `wx.request` options the adapter sets. */
export interface WxRequestOptions extends WxCallbacks<{ statusCode: number; data: unknown }> {
  url: string;
  /** A union, not `string`: WeChat's typings accept only its method names. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  header: Record<string, string>;
  data?: string;
  /** Anything but 'json' makes WeChat hand over the body unparsed. */
  dataType: string;
  responseType: 'text' | 'arraybuffer';
  timeout: number;
}

/** `wx.uploadFile` options the adapter sets. */
export interface WxUploadOptions extends WxCallbacks<{ statusCode: number; data: string }> {
  url: string;
  filePath: string;
  name: string;
  header: Record<string, string>;
  formData?: Record<string, string>;
  timeout: number;
}

/** `wx.downloadFile` options the adapter sets. */
export interface WxDownloadOptions extends WxCallbacks<{ statusCode: number; tempFilePath: string }> {
  url: string;
  header: Record<string, string>;
  timeout: number;
}

/** What `wx.getStorageInfo` reports (sizes in KB). */
export interface WxStorageInfo {
  keys: string[];
  currentSize: number;
  limitSize: number;
}

/** The subset of `wx` used by `createWxPlatform`. */
export interface WxApi {
  connectSocket(options: { url: string } & WxSocketOptions & WxCallbacks<unknown>): WxSocketTask | undefined;
  request(options: WxRequestOptions): WxNetworkTask | undefined;
  uploadFile?(options: WxUploadOptions): (WxNetworkTask & { onProgressUpdate?(listener: (p: WxUploadProgress) => void): void }) | undefined;
  downloadFile?(options: WxDownloadOptions): (WxNetworkTask & { onProgressUpdate?(listener: (p: WxDownloadProgress) => void): void }) | undefined;
  getStorage(options: { key: string } & WxCallbacks<{ data: unknown }>): void;
  setStorage(options: { key: string; data: string } & WxCallbacks<unknown>): void;
  removeStorage(options: { key: string } & WxCallbacks<unknown>): void;
  getStorageInfo(options: WxCallbacks<WxStorageInfo>): void;
  /** Base library ≥ 2.1.2, like the off* counterparts. */
  onAppShow?(listener: (result: unknown) => void): void;
  offAppShow?(listener: (result: unknown) => void): void;
  onAppHide?(listener: (result: unknown) => void): void;
  offAppHide?(listener: (result: unknown) => void): void;
  /** Base library ≥ 1.1.0; `offNetworkStatusChange` came with 2.9.3. */
  onNetworkStatusChange?(listener: (result: { isConnected: boolean; networkType?: string }) => void): void;
  /**
   * Typed `never` because WeChat's typings give the listener of `off` another parameter type than that
   * of `on`; only the listener's identity matters here.
   */
  offNetworkStatusChange?(listener: never): void;
}

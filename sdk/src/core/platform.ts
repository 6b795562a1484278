/**
 * The Platform seam: everything the platform-neutral core needs from its host, passed to
 * `createClient(options, platform)`. Implementations live in `sdk/src/platform/<name>/`; the core
 * never reaches for a global. Every member is per instance, so two clients can run side by side.
 */

/** Callbacks of one socket, given when it is created (never re-bound, so events cannot multiply). */
export interface SocketHandlers {
  /** The connection is open; `send` may be called. */
  onOpen(): void;
  /** One binary WebSocket message (one XSYNC frame). Text messages are reported as errors, not here. */
  onMessage(data: Uint8Array): void;
  /** The socket is closed (by either side, or because the platform killed it). Called at most once. */
  onClose(code: number, reason: string): void;
  /** A transport error; `onClose` follows. */
  onError(message: string): void;
}

/** A WebSocket carrying binary frames. */
export interface RawSocket {
  /** Sends one binary message holding exactly these bytes (adapters must not send a view's whole buffer). */
  send(data: Uint8Array): void;
  /** Closes the socket; `onClose` fires once (also when it was already closing). */
  close(code?: number, reason?: string): void;
}

/** An HTTP request of the REST API. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Request body (JSON text for POST). */
  body?: string;
  timeoutMs: number;
}

/** An HTTP response, body as text (the core parses JSON itself so that it controls number handling). */
export interface HttpResponse {
  status: number;
  body: string;
}

/** Progress of an upload or a download. */
export interface TransferProgress {
  /** Bytes transferred so far. */
  loaded: number;
  /** Total bytes, or 0 when unknown. */
  total: number;
}

/**
 * Cancels a transfer. `onAbort` callbacks run once when the core aborts (at once if it already has);
 * the platform then stops the transfer and rejects.
 */
export interface TransferSignal {
  readonly aborted: boolean;
  onAbort(cb: () => void): void;
}

/** A file upload (multipart/form-data). */
export interface UploadRequest {
  url: string;
  /** Local path of the file (wx: a temp or user-data path; Node: a file system path). */
  filePath: string;
  /** Multipart field name of the file. */
  fieldName: string;
  headers: Record<string, string>;
  formData?: Record<string, string>;
  timeoutMs: number;
  onProgress?(progress: TransferProgress): void;
  signal?: TransferSignal;
}

/** A file download to a local path chosen by the platform. */
export interface DownloadRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  onProgress?(progress: TransferProgress): void;
  signal?: TransferSignal;
}

/** Result of a download. */
export interface DownloadResult {
  status: number;
  /** Local path of the downloaded file. */
  filePath: string;
}

/**
 * Asynchronous key-value storage of strings. Writes to one key are applied in call order. A failing
 * call rejects (quota exceeded, platform error); the core then degrades to memory.
 */
export interface KeyValueStorage {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Keys starting with `prefix` (all keys when omitted). */
  keys(prefix?: string): Promise<string[]>;
  /** Largest entry (key plus value, as `entryBytes` counts it) the platform accepts (wx: 1 MB), if limited. */
  readonly maxValueBytes?: number;
  /** Largest total of all entries the platform accepts (wx: 10 MB), if limited. */
  readonly maxTotalBytes?: number;
  /**
   * Bytes an entry counts against those limits. WeChat stores values as JSON, so quotes and
   * backslashes count double; without this member the core counts UTF-8 bytes of key and value.
   */
  entryBytes?(key: string, value: string): number;
}

/** A timer handle, opaque to the core. */
export type TimerHandle = unknown;

/** Timers and clock. Tests drive them to make heartbeat, backoff and suspension deterministic. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Wall-clock milliseconds since the Unix epoch. */
  now(): number;
}

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Where log lines go. */
export type LogSink = (level: Exclude<LogLevel, 'off'>, message: string, data?: unknown) => void;

/** What the host offers. Optional members are absent where the host has no such thing (Node has no app lifecycle). */
export interface Platform {
  /** Short platform name, e.g. `wx` or `node` (sent as the device description at login). */
  readonly name: string;
  /** Opens a WebSocket to `url`. Must not throw: failures arrive through `handlers.onError`/`onClose`. */
  connect(url: string, handlers: SocketHandlers): RawSocket;
  /** Performs an HTTP request; rejects on a transport failure (not on an HTTP error status). */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Uploads a file; rejects on a transport failure. */
  upload?(req: UploadRequest): Promise<HttpResponse>;
  /** Downloads a file; rejects on a transport failure. */
  download?(req: DownloadRequest): Promise<DownloadResult>;
  /** Persistent storage. */
  readonly storage: KeyValueStorage;
  /** Timers and clock. */
  readonly timers: Timers;
  /** Random number in [0, 1) (backoff jitter, device guid). */
  random(): number;
  /** Log output (default: nothing). */
  readonly log?: LogSink;
  /** App came to the foreground; returns an unsubscribe function. */
  onAppShow?(listener: () => void): () => void;
  /** App went to the background (the host will suspend it soon); returns an unsubscribe function. */
  onAppHide?(listener: () => void): () => void;
  /** Network reachability changed; returns an unsubscribe function. */
  onNetworkChange?(listener: (online: boolean) => void): () => void;
}

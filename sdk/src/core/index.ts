/** The platform-neutral client: the curated public surface of `sdk/src/core`. */
export { createClient, FlooClient, SDK_VERSION } from './client';
export type { Credentials, LoginResult } from './client';
export type { ClientEvents } from './client-events';
export type { ClientOptions, Timeouts } from './options';
export { DEFAULT_DNS_SERVER } from './options';
export { ErrorCode } from './error-codes';
export {
  FlooError, InvalidArgumentError, ConnectionError, TimeoutError, ServerError, StorageError, isRetriable,
} from './errors';
export type { FlooErrorOptions } from './errors';
export { STATES } from './connection/states';
export type { ConnectionState, ConnectionStateChange, StateInfo } from './connection/states';
export type { BackoffOptions } from './connection/backoff';
export type { LocalStoreOptions } from './store/local-store';
export type { SendOptions, HistoryPage, MessagesManager } from './managers/messages';
export type { MessageSearchOptions } from './managers/message-ops';
export type { SendFileOptions } from './managers/message-files';
export type { FilesManager, FileKind, FileTransfer, UploadOptions, UploadTarget, UploadedFile } from './managers/files';
export type { ConversationsManager } from './managers/conversations';
export type { UsersManager, CacheOptions } from './managers/users';
export type { RosterManager } from './managers/roster';
export type { GroupsManager } from './managers/groups';
export type * from './social/types';
export { conversationKey } from './types';
export type { Conversation, ConversationRef, ConversationType, ContentKind, Message, MessageStatus } from './types';
export type {
  Platform, RawSocket, SocketHandlers, HttpRequest, HttpResponse, UploadRequest, DownloadRequest, DownloadResult,
  TransferProgress, TransferSignal, KeyValueStorage, Timers, TimerHandle, LogLevel, LogSink,
} from './platform';
export type { Listener } from './events';

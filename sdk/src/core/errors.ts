/**
 * Error classes. Every Promise of the SDK rejects with a {@link FlooError} (or a subclass) carrying
 * one of the {@link ErrorCode}s; `retriable` says whether trying again later may succeed.
 */
import { ErrorCode } from './error-codes';

/** Options of the error constructors. */
export interface FlooErrorOptions {
  /** The underlying error. */
  cause?: unknown;
  /** Whether the same call may succeed if tried again later (defaults per code). */
  retriable?: boolean;
}

const RETRIABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ServerNotReachable', 'ServerBusy', 'ServerNeedRetry', 'ServerTimeOut', 'ServerConnectFailed', 'ServerDNSFailed',
  'ServerNeedReconnected', 'SignInTimeout', 'ServerTooManyRequest', 'MessageRateLimitExceeded', 'ServerUnknownError',
]);

/** The base error of the SDK. */
export class FlooError extends Error {
  /** One of the Floo client error codes. */
  readonly code: ErrorCode;
  /** Whether the same call may succeed if tried again later. */
  readonly retriable: boolean;
  /** The underlying error, if any. */
  readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, options: FlooErrorOptions = {}) {
    super(message);
    this.name = 'FlooError';
    this.code = code;
    this.retriable = options.retriable ?? RETRIABLE.has(code);
    if (options.cause !== undefined) this.cause = options.cause;
    // Keep instanceof working when down-levelled to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** An argument given to the SDK is invalid; nothing was sent. */
export class InvalidArgumentError extends FlooError {
  constructor(message: string) {
    super(ErrorCode.InvalidParam, message, { retriable: false });
    this.name = 'InvalidArgumentError';
  }
}

/** The connection or an HTTP request failed, or the server could not be reached. */
export class ConnectionError extends FlooError {
  constructor(code: ErrorCode, message: string, options?: FlooErrorOptions) {
    super(code, message, options);
    this.name = 'ConnectionError';
  }
}

/** A call did not complete in time. */
export class TimeoutError extends FlooError {
  constructor(message: string, code: ErrorCode = ErrorCode.ServerTimeOut) {
    super(code, message, { retriable: true });
    this.name = 'TimeoutError';
  }
}

/** The server refused a request: an XSYNC Status or a REST envelope code other than success. */
export class ServerError extends FlooError {
  /** The XSYNC `Status.code`, for socket replies. */
  readonly status?: number;
  /** The REST envelope `code`, for HTTP replies. */
  readonly restCode?: number;

  constructor(code: ErrorCode, message: string, detail: { status?: number; restCode?: number; cause?: unknown } = {}) {
    super(code, message, { cause: detail.cause });
    this.name = 'ServerError';
    if (detail.status !== undefined) this.status = detail.status;
    if (detail.restCode !== undefined) this.restCode = detail.restCode;
  }
}

/** Local storage failed (quota, platform error); the client keeps working from memory. */
export class StorageError extends FlooError {
  constructor(message: string, cause?: unknown) {
    super(ErrorCode.DbOperationFailed, message, { cause, retriable: false });
    this.name = 'StorageError';
  }
}

// Status.ErrorCode (index) → client error code. 0 (UNKNOWN) and FAIL are generic failures.
const BY_STATUS: readonly ErrorCode[] = [
  'GeneralError', 'NoError', 'GeneralError', 'ServerUnknownError', 'MessageInvalid', 'ServerDecryptionFailed',
  'ServerNeedReconnected', 'InvalidToken', 'InvalidRequestParameter', 'UserPermissionDenied', 'UserFrozen',
  'UserBanned', 'MessageCensored', 'UserTooManyDevice', 'ServerEncryptMethodUnsupported', 'UserAbnormal',
  'MessageInvalid', 'ServerInvalidLicense', 'ServerLicenseLimit', 'ServerAppFrozen', 'MessageRateLimitExceeded',
];

/**
 * The client error code of an XSYNC refusal. A `reason` that starts with a known client error code
 * name and a colon (`"RosterBlockListExist: ..."`, docs/social.md) names the code; otherwise the
 * `Status.code` decides.
 */
export function codeFromStatus(status: number | undefined, reason?: string): ErrorCode {
  const named = reason ? reason.slice(0, reason.indexOf(':')) : '';
  if (named && Object.prototype.hasOwnProperty.call(ErrorCode, named)) return named as ErrorCode;
  return BY_STATUS[status ?? 0] ?? 'GeneralError';
}

// REST ("ratel") envelope codes seen from the service (floo-sdk-reference §5.6) → client error codes.
const BY_REST: Readonly<Record<number, ErrorCode>> = {
  200: 'NoError', 401: 'InvalidToken', 402: 'InvalidToken', 403: 'UserPermissionDenied', 404: 'NotFound',
  429: 'ServerTooManyRequest', 10028: 'ServerTooManyRequest', 10001: 'InvalidVerificationCode',
  10002: 'InvalidUserNameParameter', 10004: 'UserAlreadyExist', 11011: 'UserAlreadyExist', 11001: 'UserAuthFailed',
  30021: 'ServerAppLicenseInvalid', 30022: 'ServerAppLicenseExpired', 30023: 'ServerAppLicenseExceedLimit',
  40000: 'ServerAppIdInvalid', 40001: 'ServerNotAllowOpenRegister', 40002: 'ServerAppLicenseExceedLimit',
  40003: 'ServerAppStatusNotNormal', 99997: 'ServerDNSFailed', 99998: 'ServerDNSFailed',
  // The social graph (docs/social.md).
  10005: 'UserNotExist', 10010: 'RosterNotFriend', 10011: 'RosterBlockListExist', 10012: 'RosterRejectApplication',
  10013: 'CurrentUserIsInRoster', 10014: 'CurrentUserIsInBlocklist', 10015: 'AnswerFailed', 11002: 'UserOldPasswordNotMatch',
  20001: 'GroupNotExist', 20002: 'GroupNotMemberFound', 20003: 'GroupOwnerCannotLeave', 20004: 'GroupTransferNotAllowed',
  20005: 'GroupMemberPermissionRequired', 20006: 'GroupAdminPermissionRequired', 20007: 'GroupOwnerPermissionRequired',
  20008: 'GroupApplicationExpiredOrHandled', 20009: 'GroupInvitationExpiredOrHandled', 20010: 'GroupMemberExist',
  20011: 'GroupBlockListExist', 20012: 'GroupMemberBanned', 20013: 'GroupCapacityExceedLimit',
  20014: 'GroupExceedLimitUserCreate', 20015: 'GroupExceedLimitUserJoin', 20016: 'GroupKickTooManyTimes',
  20017: 'GroupExceedLimitGlobal', 20018: 'GroupMsgNotifyTypeUnknown', 20020: 'GroupAnnouncementNotFound',
  20021: 'GroupAnnouncementForbidden', 20022: 'GroupSharedFileNotFound', 20023: 'GroupSharedFileOperateNotAllowed',
  // Uploads (docs/rich-messages.md): too large, a type the slot does not take, an expired or used slot.
  10030: 'ServerFileUploadUnknownError', 10031: 'InvalidFileObjectType', 10032: 'InvalidFileSign',
};

/** The client error code matching a REST ("ratel") envelope code. */
export function codeFromRest(code: number): ErrorCode {
  return BY_REST[code] ?? (code >= 500 && code < 600 ? 'ServerUnknownError' : 'GeneralError');
}

/** Whether an error is worth retrying later. */
export function isRetriable(err: unknown): boolean {
  return err instanceof FlooError ? err.retriable : false;
}

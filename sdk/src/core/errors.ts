/**
 * Error classes. Every Promise of the SDK rejects with a {@link FlooError} (or a subclass) carrying
 * one of the {@link ErrorCode}s; `retriable` says whether trying again later may succeed.
 */
import { StatusCode } from '../protocol/enums';
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

/** The client error code matching an XSYNC `Status.code`. */
export function codeFromStatus(status: number | undefined): ErrorCode {
  switch (status) {
    case StatusCode.OK: return ErrorCode.NoError;
    case StatusCode.UNKNOWN_COMMAND: return ErrorCode.ServerUnknownError;
    case StatusCode.PB_PARSER_ERROR: return ErrorCode.MessageInvalid;
    case StatusCode.DECRYPT_FAILURE: return ErrorCode.ServerDecryptionFailed;
    case StatusCode.PUBLIC_KEY_CHANGED: return ErrorCode.ServerNeedReconnected;
    case StatusCode.INVALID_TOKEN: return ErrorCode.InvalidToken;
    case StatusCode.INVALID_PARAMETER: return ErrorCode.InvalidRequestParameter;
    case StatusCode.UNAUTHORIZED: return ErrorCode.UserPermissionDenied;
    case StatusCode.USER_FROZEN: return ErrorCode.UserFrozen;
    case StatusCode.USER_BANNED: return ErrorCode.UserBanned;
    case StatusCode.WORD_CENSORED: return ErrorCode.MessageCensored;
    case StatusCode.TOO_MANY_DEVICES: return ErrorCode.UserTooManyDevice;
    case StatusCode.ENCRYPT_METHOD_UNSUPPORTED: return ErrorCode.ServerEncryptMethodUnsupported;
    case StatusCode.DEVICE_GUID_CONFLICT: return ErrorCode.UserAbnormal;
    case StatusCode.CHECK_SUM_FAILURE: return ErrorCode.MessageInvalid;
    case StatusCode.INVALID_LICENSE: return ErrorCode.ServerInvalidLicense;
    case StatusCode.LICENSE_LIMIT: return ErrorCode.ServerLicenseLimit;
    case StatusCode.APP_FROZEN: return ErrorCode.ServerAppFrozen;
    case StatusCode.RATE_LIMIT_EXCEEDED: return ErrorCode.MessageRateLimitExceeded;
    default: return ErrorCode.GeneralError;
  }
}

/** The client error code matching a REST ("ratel") envelope code. */
export function codeFromRest(code: number): ErrorCode {
  switch (code) {
    case 200: return ErrorCode.NoError;
    case 401: case 402: return ErrorCode.InvalidToken;
    case 403: return ErrorCode.UserPermissionDenied;
    case 404: return ErrorCode.NotFound;
    case 429: case 10028: return ErrorCode.ServerTooManyRequest;
    case 10001: return ErrorCode.InvalidVerificationCode;
    case 10002: return ErrorCode.InvalidUserNameParameter;
    case 10004: case 11011: return ErrorCode.UserAlreadyExist;
    case 11001: return ErrorCode.UserAuthFailed;
    case 30021: return ErrorCode.ServerAppLicenseInvalid;
    case 30022: return ErrorCode.ServerAppLicenseExpired;
    case 30023: return ErrorCode.ServerAppLicenseExceedLimit;
    case 40000: return ErrorCode.ServerAppIdInvalid;
    case 40001: return ErrorCode.ServerNotAllowOpenRegister;
    case 40002: return ErrorCode.ServerAppLicenseExceedLimit;
    case 40003: return ErrorCode.ServerAppStatusNotNormal;
    case 99997: case 99998: return ErrorCode.ServerDNSFailed;
    default: return code >= 500 && code < 600 ? ErrorCode.ServerUnknownError : ErrorCode.GeneralError;
  }
}

/** Whether an error is worth retrying later. */
export function isRetriable(err: unknown): boolean {
  return err instanceof FlooError ? err.retriable : false;
}

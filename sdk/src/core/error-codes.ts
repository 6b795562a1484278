/**
 * The client error codes of the Lanying IM (Floo) SDKs, so that an app ported from another Floo SDK
 * keeps its error handling. Every rejected Promise of this SDK carries one of them.
 */

/** Every client error code of the Floo SDKs (see ErrorCode for the run-time values). */
export type ErrorCode =
  | 'NoError'
  | 'GeneralError'
  | 'InvalidParam'
  | 'NotFound'
  | 'DbOperationFailed'
  | 'SignInCancelled'
  | 'SignInTimeout'
  | 'SignInFailed'
  | 'UserNotLogin'
  | 'UserAlreadyLogin'
  | 'UserAuthFailed'
  | 'UserPermissionDenied'
  | 'UserNotExist'
  | 'UserAlreadyExist'
  | 'UserFrozen'
  | 'UserBanned'
  | 'UserRemoved'
  | 'UserTooManyDevice'
  | 'UserPasswordChanged'
  | 'UserKickedBySameDevice'
  | 'UserKickedByOtherDevices'
  | 'UserAbnormal'
  | 'UserCancel'
  | 'UserOldPasswordNotMatch'
  | 'UserSigningIn'
  | 'PushTokenInvalid'
  | 'PushAliasBindByOtherUser'
  | 'PushAliasTokenNotMatch'
  | 'InvalidVerificationCode'
  | 'InvalidRequestParameter'
  | 'InvalidUserNameParameter'
  | 'MissingAccessToken'
  | 'CurrentUserIsInRoster'
  | 'CurrentUserIsInBlocklist'
  | 'AnswerFailed'
  | 'InvalidToken'
  | 'InvalidFileSign'
  | 'InvalidFileObjectType'
  | 'InvalidFileUploadToType'
  | 'InvalidFileDownloadUrl'
  | 'MessageInvalid'
  | 'MessageOutRecallTime'
  | 'MessageRecallDisabled'
  | 'MessageCensored'
  | 'MessageInvalidType'
  | 'MessageBadArg'
  | 'MessageRateLimitExceeded'
  | 'RosterNotFriend'
  | 'RosterBlockListExist'
  | 'RosterRejectApplication'
  | 'RosterHasDeletedFromSystem'
  | 'GroupServerDbError'
  | 'GroupNotExist'
  | 'GroupNotMemberFound'
  | 'GroupMsgNotifyTypeUnknown'
  | 'GroupOwnerCannotLeave'
  | 'GroupTransferNotAllowed'
  | 'GroupRecoveryMode'
  | 'GroupExceedLimitGlobal'
  | 'GroupExceedLimitUserCreate'
  | 'GroupExceedLimitUserJoin'
  | 'GroupCapacityExceedLimit'
  | 'GroupMemberPermissionRequired'
  | 'GroupAdminPermissionRequired'
  | 'GroupOwnerPermissionRequired'
  | 'GroupApplicationExpiredOrHandled'
  | 'GroupInvitationExpiredOrHandled'
  | 'GroupKickTooManyTimes'
  | 'GroupMemberExist'
  | 'GroupBlockListExist'
  | 'GroupAnnouncementNotFound'
  | 'GroupAnnouncementForbidden'
  | 'GroupSharedFileNotFound'
  | 'GroupSharedFileOperateNotAllowed'
  | 'GroupMemberBanned'
  | 'ServerNotReachable'
  | 'ServerUnknownError'
  | 'ServerInvalid'
  | 'ServerDecryptionFailed'
  | 'ServerEncryptMethodUnsupported'
  | 'ServerBusy'
  | 'ServerNeedRetry'
  | 'ServerTimeOut'
  | 'ServerConnectFailed'
  | 'ServerDNSFailed'
  | 'ServerNeedReconnected'
  | 'ServerFileUploadUnknownError'
  | 'ServerFileDownloadUnknownError'
  | 'ServerInvalidLicense'
  | 'ServerLicenseLimit'
  | 'ServerAppFrozen'
  | 'ServerTooManyRequest'
  | 'ServerNotAllowOpenRegister'
  | 'ServerFireplaceUnknownError'
  | 'ServerResponseInvalid'
  | 'ServerInvalidUploadUrl'
  | 'ServerAppLicenseInvalid'
  | 'ServerAppLicenseExpired'
  | 'ServerAppLicenseExceedLimit'
  | 'ServerAppIdMissing'
  | 'ServerAppIdInvalid'
  | 'ServerAppSignInvalid'
  | 'ServerAppNotifierNotExist'
  | 'ServerNoClusterInfoForClusterId'
  | 'ServerFileDownloadFailure'
  | 'ServerAppStatusNotNormal'
  | 'ServerPlatformNotAllowed'
  | 'ServerCannotCreateDeviceSn'
  | 'ServerRtcNotOpen';

// One string instead of 109 properties keeps the mini-program bundle small.
const NAMES: string =
  'NoError GeneralError InvalidParam NotFound DbOperationFailed SignInCancelled SignInTimeout ' +
  'SignInFailed UserNotLogin UserAlreadyLogin UserAuthFailed UserPermissionDenied UserNotExist ' +
  'UserAlreadyExist UserFrozen UserBanned UserRemoved UserTooManyDevice UserPasswordChanged ' +
  'UserKickedBySameDevice UserKickedByOtherDevices UserAbnormal UserCancel UserOldPasswordNotMatch ' +
  'UserSigningIn PushTokenInvalid PushAliasBindByOtherUser PushAliasTokenNotMatch ' +
  'InvalidVerificationCode InvalidRequestParameter InvalidUserNameParameter MissingAccessToken ' +
  'CurrentUserIsInRoster CurrentUserIsInBlocklist AnswerFailed InvalidToken InvalidFileSign ' +
  'InvalidFileObjectType InvalidFileUploadToType InvalidFileDownloadUrl MessageInvalid ' +
  'MessageOutRecallTime MessageRecallDisabled MessageCensored MessageInvalidType MessageBadArg ' +
  'MessageRateLimitExceeded RosterNotFriend RosterBlockListExist RosterRejectApplication ' +
  'RosterHasDeletedFromSystem GroupServerDbError GroupNotExist GroupNotMemberFound ' +
  'GroupMsgNotifyTypeUnknown GroupOwnerCannotLeave GroupTransferNotAllowed GroupRecoveryMode ' +
  'GroupExceedLimitGlobal GroupExceedLimitUserCreate GroupExceedLimitUserJoin ' +
  'GroupCapacityExceedLimit GroupMemberPermissionRequired GroupAdminPermissionRequired ' +
  'GroupOwnerPermissionRequired GroupApplicationExpiredOrHandled GroupInvitationExpiredOrHandled ' +
  'GroupKickTooManyTimes GroupMemberExist GroupBlockListExist GroupAnnouncementNotFound ' +
  'GroupAnnouncementForbidden GroupSharedFileNotFound GroupSharedFileOperateNotAllowed ' +
  'GroupMemberBanned ServerNotReachable ServerUnknownError ServerInvalid ServerDecryptionFailed ' +
  'ServerEncryptMethodUnsupported ServerBusy ServerNeedRetry ServerTimeOut ServerConnectFailed ' +
  'ServerDNSFailed ServerNeedReconnected ServerFileUploadUnknownError ' +
  'ServerFileDownloadUnknownError ServerInvalidLicense ServerLicenseLimit ServerAppFrozen ' +
  'ServerTooManyRequest ServerNotAllowOpenRegister ServerFireplaceUnknownError ' +
  'ServerResponseInvalid ServerInvalidUploadUrl ServerAppLicenseInvalid ServerAppLicenseExpired ' +
  'ServerAppLicenseExceedLimit ServerAppIdMissing ServerAppIdInvalid ServerAppSignInvalid ' +
  'ServerAppNotifierNotExist ServerNoClusterInfoForClusterId ServerFileDownloadFailure ' +
  'ServerAppStatusNotNormal ServerPlatformNotAllowed ServerCannotCreateDeviceSn ServerRtcNotOpen ';

/** The error codes as run-time values: `ErrorCode.InvalidParam === 'InvalidParam'`. */
export const ErrorCode: { readonly [K in ErrorCode]: K } = /* @__PURE__ */ (() => {
  const codes: Record<string, string> = {};
  for (const name of NAMES.trim().split(' ')) codes[name] = name;
  return Object.freeze(codes) as { readonly [K in ErrorCode]: K };
})();

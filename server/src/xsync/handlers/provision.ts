/**
 * PROVISION: token → user, device SN for the device_guid, device policy, then registration with the
 * router. Every reply carries status and xid (official clients crash without them).
 */
import { StatusCode, UserNoticeType, type Provision } from 'floo-miniprogram/protocol';
import { hashToken } from '../../auth/tokens';
import type { ServerContext } from '../../context';
import { DeviceSession, type Connection } from '../connection';
import { noXid, parseId, provisionFrame, xid } from '../wire';

/** Handles a PROVISION request. */
export async function handleProvision(ctx: ServerContext, conn: Connection, p: Provision): Promise<void> {
  const fail = (code: StatusCode, reason: string) => conn.send(provisionFrame(code, reason, noXid()));
  const token = p.token ?? '';
  if (token === '') return fail(StatusCode.INVALID_TOKEN, 'missing token');
  const now = ctx.now();
  const tokenHash = hashToken(token);
  const record = await ctx.store.getToken(tokenHash, now);
  if (!record) return fail(StatusCode.INVALID_TOKEN, 'invalid token');
  const claimedUid = p.xid?.uid;
  if (claimedUid !== undefined && claimedUid !== '0' && parseId(claimedUid) !== record.userId) {
    return fail(StatusCode.INVALID_TOKEN, 'token does not belong to this user');
  }
  const app = await ctx.store.getApp(record.appId);
  if (!app || app.status !== 'normal') return fail(StatusCode.APP_FROZEN, 'app is not active');

  const device = await ctx.store.loginDevice({
    userId: record.userId,
    guid: (p.device_guid ?? '').slice(0, 200),
    claimedSn: p.xid?.deviceSN ?? 0,
    osType: p.os_type ?? 0,
    deviceInfo: (p.device_info ?? '').slice(0, 200),
    sdkVsn: (p.sdk_vsn ?? '').slice(0, 50),
    now,
    tokenHash,
  });

  const { router, options } = ctx;
  const online = await router.online(record.userId);
  const reLogin = conn.session?.userId === record.userId && conn.session.sn === device.sn;
  if (!reLogin && online.some((d) => d.sn === device.sn)) {
    // The same device logged in again (e.g. it reconnected before its old socket timed out).
    await router.deliverTo(record.userId, device.sn, { kind: 'kick', notice: UserNoticeType.KICK_BY_SAME_DEVICE, reason: 'logged in again on this device' });
  }
  const rest = online.filter((d) => d.sn !== device.sn);
  const excess = rest.length + 1 - options.maxDevicesPerUser;
  if (excess > 0) {
    if (options.devicePolicy === 'reject') {
      return conn.send(provisionFrame(StatusCode.TOO_MANY_DEVICES, `at most ${options.maxDevicesPerUser} devices may be online`, xid(record.userId, 0)));
    }
    for (const old of rest.slice(0, excess)) {
      await router.deliverTo(record.userId, old.sn, { kind: 'kick', notice: UserNoticeType.KICKED_BY_OTHER_DEVICE, reason: 'device limit reached' });
    }
  }

  if (conn.isClosed) return;
  const session = new DeviceSession(record.appId, record.userId, device.sn, now, conn);
  await conn.setSession(session);
  await router.attach(session);
  ctx.log.info(`${conn.label}: user ${record.userId} logged in as device ${device.sn}${device.created ? ' (new)' : ''}`);
  conn.send(provisionFrame(StatusCode.OK, undefined, xid(record.userId, device.sn)));
}

/**
 * Devices and password: the device list, kicking a device, changing the password. Logging a device
 * out is the router's 'kick' event (a USER_NOTICE, then the socket closes); those notices are not
 * stored, since the device's token is revoked and a stored one would log out its next login too.
 */
import { UserNoticeType } from 'floo-miniprogram/protocol';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { invalid } from './envelope';
import type { AuthedRequest } from './request';
import type { Route } from './routes';
import { refusal, RosterCode } from './user-codes';
import { callerTokenHash, noParams, Params } from './user-params';

/** Longest password accepted (as at registration). */
const MAX_PASSWORD = 256;

async function deviceList(req: AuthedRequest): Promise<unknown> {
  noParams(req);
  const { store, router } = req.ctx;
  const [devices, online] = await Promise.all([store.listUserDevices(req.user.id), router.online(req.user.id)]);
  const live = new Set(online.map((d) => d.sn));
  return devices.map((d) => ({
    device_sn: d.sn, platform: d.osType, device_info: d.deviceInfo, last_login_time: d.lastLoginAt, online: live.has(d.sn),
  }));
}

async function kick(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['device_sn']);
  const sn = p.id('device_sn');
  const { store, router } = req.ctx;
  const device = (await store.listUserDevices(req.user.id)).find((d) => d.sn === sn);
  if (!device) throw invalid(`device_sn ${sn} is not a device of yours`);
  // Its token goes too, unless the caller is using that very token (then only the socket is closed).
  if (device.tokenHash !== '' && device.tokenHash !== callerTokenHash(req)) await store.revokeToken(req.user.id, device.tokenHash);
  await router.deliverTo(req.user.id, sn, { kind: 'kick', notice: UserNoticeType.KICKED_BY_OTHER_DEVICE, reason: '' });
  return null;
}

async function changePassword(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['old_password', 'new_password']);
  const oldPassword = p.string('old_password', MAX_PASSWORD);
  const newPassword = p.string('new_password', MAX_PASSWORD);
  const { ctx, user } = req;
  if (!(await verifyPassword(oldPassword, user.passwordHash))) throw refusal(RosterCode.OLD_PASSWORD_MISMATCH, 'old_password does not match');
  const hash = await hashPassword(newPassword, ctx.options.scryptCost);
  const keep = callerTokenHash(req);
  await ctx.store.changePassword(user.id, hash, keep);
  // The caller's devices are those that logged in with the calling token; every other one is logged out.
  const own = new Set((await ctx.store.listUserDevices(user.id)).filter((d) => d.tokenHash === keep).map((d) => d.sn));
  for (const d of await ctx.router.online(user.id)) {
    if (!own.has(d.sn)) await ctx.router.deliverTo(user.id, d.sn, { kind: 'kick', notice: UserNoticeType.PASSWORD_CHANGED, reason: '' });
  }
  return null;
}

/** Device and password routes. */
export const deviceRoutes: Route[] = [
  { method: 'GET', path: '/user/device/list', auth: true, handler: deviceList },
  { method: 'POST', path: '/user/kick', auth: true, handler: kick },
  { method: 'POST', path: '/user/change_password', auth: true, handler: changePassword },
];

/**
 * Group settings (owner and admins) and a member's own message settings. Every update answers the
 * whole settings object, as `GET /group/settings` does.
 */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import type { GroupSettingsPatch } from '../../store/group-types';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers, tellUsers } from './notify';
import { boolParam, durationParam, intParam, param } from './params';
import { access, type GroupAccess } from './permissions';
import { settingsView } from './views';

type BoolSetting = 'allowMemberInvitation' | 'allowMemberModify' | 'readAck' | 'historyVisible' | 'hideMemberInfo';

async function get(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'member');
  return settingsView(group, me, req.ctx.now());
}

/** Applies a settings patch, tells the members (INFO_UPDATED {property, <property>: value}) and answers the settings. */
async function apply(req: AuthedRequest, a: GroupAccess, patch: GroupSettingsPatch, property: string, value: unknown): Promise<unknown> {
  const { group, me } = a;
  const updated = await req.ctx.store.updateGroupSettings(group.id, patch);
  await tellMembers(req, group.id, GroupNoticeType.INFO_UPDATED, { content: { property, [property]: value } });
  return settingsView(updated ?? group, me, req.ctx.now());
}

/** `POST /group/settings/<setting> {group_id, value}`. */
function boolSetting(key: BoolSetting, property: string): (req: AuthedRequest) => Promise<unknown> {
  return async (req) => {
    const a = await access(req, 'admin');
    const value = boolParam(req, 'value');
    return apply(req, a, { [key]: value }, property, value);
  };
}

async function approval(req: AuthedRequest): Promise<unknown> {
  const a = await access(req, 'admin');
  const value = intParam(req, 'apply_approval', 0, 2);
  return apply(req, a, { applyApproval: value }, 'apply_approval', value);
}

async function banAll(req: AuthedRequest): Promise<unknown> {
  const a = await access(req, 'admin');
  const duration = durationParam(req);
  const expire = duration === -1 ? -1 : req.ctx.now() + duration * 60_000;
  await apply(req, a, { banExpireTime: expire }, 'ban_expire_time', expire);
  return { ban_expire_time: expire };
}

async function unbanAll(req: AuthedRequest): Promise<unknown> {
  const a = await access(req, 'admin');
  await apply(req, a, { banExpireTime: 0 }, 'ban_expire_time', 0);
  return { ban_expire_time: 0 };
}

async function muteMode(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const raw = param(req, 'msg_mute_mode');
  const mode = typeof raw === 'string' && /^-?[0-9]{1,9}$/.test(raw) ? Number(raw) : raw;
  if (typeof mode !== 'number' || !Number.isInteger(mode)) throw new RestError(RestCode.INVALID_PARAMETER, 'msg_mute_mode must be 0, 1 or 2');
  if (mode < 0 || mode > 2) throw new RestError(RestCode.GROUP_MSG_NOTIFY_TYPE_UNKNOWN, 'msg_mute_mode must be 0, 1 or 2');
  return ownSetting(req, group.id, { muteMode: mode }, { msg_mute_mode: mode });
}

async function notDisturb(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const value = boolParam(req, 'value');
  return ownSetting(req, group.id, { notDisturb: value }, { not_disturb: value });
}

/** Stores a member's own setting and tells only their own devices (MESSAGE_SETTING). */
async function ownSetting(req: AuthedRequest, gid: number, patch: { muteMode?: number; notDisturb?: boolean }, content: Record<string, unknown>): Promise<unknown> {
  await req.ctx.store.setMemberPrefs(gid, req.user.id, patch);
  await tellUsers(req, gid, GroupNoticeType.MESSAGE_SETTING, [req.user.id], { to: [req.user.id], content });
  const { group, me } = await access(req, 'member', gid);
  return settingsView(group, me, req.ctx.now());
}

/** Settings routes. */
export const settingsRoutes: Route[] = [
  { method: 'GET', path: '/group/settings', auth: true, handler: get },
  { method: 'POST', path: '/group/settings/allow_member_invitation', auth: true, handler: boolSetting('allowMemberInvitation', 'allow_member_invitation') },
  { method: 'POST', path: '/group/settings/allow_member_modify', auth: true, handler: boolSetting('allowMemberModify', 'allow_member_modify') },
  { method: 'POST', path: '/group/settings/enable_read_ack', auth: true, handler: boolSetting('readAck', 'enable_read_ack') },
  { method: 'POST', path: '/group/settings/history_visible', auth: true, handler: boolSetting('historyVisible', 'history_visible') },
  { method: 'POST', path: '/group/settings/hide_member_info', auth: true, handler: boolSetting('hideMemberInfo', 'hide_member_info') },
  { method: 'POST', path: '/group/settings/require_admin_approval', auth: true, handler: approval },
  { method: 'POST', path: '/group/settings/ban_all', auth: true, handler: banAll },
  { method: 'POST', path: '/group/settings/unban_all', auth: true, handler: unbanAll },
  { method: 'POST', path: '/group/msg/mute_mode', auth: true, handler: muteMode },
  { method: 'POST', path: '/group/msg/not_disturb', auth: true, handler: notDisturb },
];

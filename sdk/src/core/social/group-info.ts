/**
 * The `client.groups` methods that do more than one request or keep a cache: information updates,
 * the joined list, member pages and settings updates.
 */
import { InvalidArgumentError } from '../errors';
import type { Query } from '../http/ratel';
import { checkText } from '../validate';
import { groupArg, MAX_TEXT, type GroupCore } from './group-core';
import { APPROVALS, memberFrom } from './group-parse';
import { groupFrom, idList, records, wireId } from './parse';
import type { GroupInfo, GroupSettings, GroupSettingsUpdate, GroupUpdate, MemberPage } from './types';

const INFO_FIELDS = ['name', 'avatar', 'description', 'ext'] as const;
const SETTINGS = ['allowMemberInvitation', 'allowMemberModify', 'enableReadAck', 'historyVisible', 'hideMemberInfo', 'applyApproval'] as const;
/** Most members one page holds (the server's limit). */
const MAX_PAGE = 1000;

/** Sends one `/group/info/<field>` per field given; the last answer is the group's new information. */
export async function updateInfo(c: GroupCore, groupId: unknown, u: GroupUpdate): Promise<GroupInfo> {
  const g = groupArg(groupId);
  const changes = INFO_FIELDS.filter((k) => u?.[k] !== undefined)
    .map((k) => [k, checkText(u[k], k, k === 'name' ? 100 : MAX_TEXT, k !== 'name')] as const);
  if (!changes.length) throw new InvalidArgumentError(`update() takes at least one of ${INFO_FIELDS.join(', ')}`);
  let data: unknown;
  for (const [k, value] of changes) data = await c.post(`info/${k}`, { ...g, value });
  return c.keep(data, 'info');
}

/** The joined groups: the cached list, or `GET /group/user_joined` then `POST /group/info/batch`. */
export async function joinedGroups(c: GroupCore, refresh: boolean): Promise<GroupInfo[]> {
  if (refresh || !c.joined) {
    const ids = idList(await c.get('user_joined'), 'user_joined');
    const infos = ids.length ? records(await c.post('info/batch', { group_list: ids.map(wireId) }), 'info/batch').map(groupFrom) : [];
    for (const info of infos) c.infos.set(info.groupId, info);
    c.joined = infos.map((i) => i.groupId);
  } else c.me();
  return c.joined.map((id) => c.infos.get(id)).filter((i): i is GroupInfo => !!i);
}

/** One page of `GET /group/member_list`; the first page is cached. */
export async function members(c: GroupCore, groupId: unknown, o?: { cursor?: string; limit?: number }): Promise<MemberPage> {
  const g = groupArg(groupId);
  const cursor = o?.cursor ?? '0';
  if (typeof cursor !== 'string' || !/^[0-9]{1,15}$/.test(cursor)) throw new InvalidArgumentError('cursor must be the `next` of a previous page');
  const limit = o?.limit ?? MAX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new InvalidArgumentError(`limit must be an integer from 1 to ${MAX_PAGE}`);
  const skip = Number(cursor);
  const list = records(await c.get('member_list', { ...g, cursor: skip, limit } as Query), 'member_list').map(memberFrom);
  if (!skip) c.members.set(String(g.group_id), list.slice());
  return list.length === limit ? { members: list, next: String(skip + list.length) } : { members: list };
}

/** Sends one `/group/settings/<setting>` per setting given, then reads the settings back. */
export async function updateSettings(c: GroupCore, groupId: unknown, u: GroupSettingsUpdate, read: () => Promise<GroupSettings>): Promise<GroupSettings> {
  const g = groupArg(groupId);
  const calls = SETTINGS.filter((k) => u?.[k] !== undefined).map((k) => {
    const v = u[k];
    if (k === 'applyApproval') {
      const n = APPROVALS.indexOf(v as GroupSettings['applyApproval']);
      if (n < 0) throw new InvalidArgumentError(`applyApproval must be one of ${APPROVALS.join(', ')}`);
      return ['require_admin_approval', { ...g, apply_approval: n }] as const;
    }
    if (typeof v !== 'boolean') throw new InvalidArgumentError(`${k} must be true or false`);
    return [k.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`), { ...g, value: v }] as const;
  });
  if (!calls.length) throw new InvalidArgumentError(`updateSettings() takes at least one of ${SETTINGS.join(', ')}`);
  for (const [path, body] of calls) await c.post(`settings/${path}`, body);
  return read();
}

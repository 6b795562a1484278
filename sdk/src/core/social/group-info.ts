/**
 * The `client.groups` methods that do more than one request or keep a cache: information, information
 * updates, the joined list, member pages and settings.
 */
import { InvalidArgumentError } from '../errors';
import { checkInt, checkText } from '../validate';
import { flag, groupArg, INFO_FIELDS, many, MAX_TEXT, one, type GroupCore } from './group-core';
import { APPROVALS, memberFrom, settingsFrom, snake, SWITCHES } from './group-parse';
import { groupFrom, idList, wireId, type Raw } from './parse';
import type { GroupInfo, GroupSettings, GroupSettingsUpdate, GroupUpdate, MemberPage } from './types';

const SETTINGS = [...SWITCHES, 'applyApproval'] as const;
/** Most members one page holds (the server's limit). */
const MAX_PAGE = 1000;

/** Refuses an update that changes nothing. */
function need(changes: unknown[], names: readonly string[]): void {
  if (!changes.length) throw new InvalidArgumentError(`set at least one of ${names.join(', ')}`);
}

/** A group's information: the cache unless `refresh`, else `GET /group/info`. */
export async function groupInfo(c: GroupCore, groupId: unknown, refresh?: boolean): Promise<GroupInfo> {
  const hit = !refresh && c.groupInfos.get(String(groupId));
  return hit || c.groupCall('info', () => groupArg(groupId), (d, w) => c.keepGroup(d, w), 'get');
}

/** Sends one `/group/info/<field>` per field given; the last answer is the group's new information. */
export async function updateInfo(c: GroupCore, groupId: unknown, u: GroupUpdate): Promise<GroupInfo> {
  const changes = INFO_FIELDS.filter((k) => u?.[k] !== undefined)
    .map((k) => [k, groupArg(groupId, { value: checkText(u[k], k, k === 'name' ? 100 : MAX_TEXT, k !== 'name') })] as const);
  need(changes, INFO_FIELDS);
  let info: GroupInfo | undefined;
  for (const [field, body] of changes) info = await c.groupCall(`info/${field}`, () => body, (d, w) => c.keepGroup(d, w));
  return info!;
}

/** The joined groups: the cached list, or `GET /group/user_joined` then `POST /group/info/batch`. */
export async function joinedGroups(c: GroupCore, refresh: boolean): Promise<GroupInfo[]> {
  if (refresh || !c.joinedIds) {
    const ids = await c.groupCall('user_joined', undefined, idList, 'get');
    const infos = ids.length ? await c.groupCall('info/batch', () => ({ group_list: ids.map(wireId) }), many(groupFrom)) : [];
    for (const info of infos) c.groupInfos.set(info.groupId, info);
    c.joinedIds = infos.map((i) => i.groupId);
  } else c.myId();
  return c.joinedIds.map((id) => c.groupInfos.get(id)).filter((i): i is GroupInfo => !!i);
}

/** One page of `GET /group/member_list`; the first page is cached. */
export async function memberPage(c: GroupCore, groupId: unknown, o?: { cursor?: string; limit?: number }): Promise<MemberPage> {
  const cursor = o?.cursor ?? '0';
  if (!/^[0-9]{1,15}$/.test(cursor)) throw new InvalidArgumentError('cursor must be a page\'s `next`');
  const limit = checkInt(o?.limit ?? MAX_PAGE, 'limit', 1, MAX_PAGE);
  const skip = Number(cursor);
  const members = await c.groupCall('member_list', () => groupArg(groupId, { cursor: skip, limit }), many(memberFrom), 'get');
  if (!skip) c.groupMembers.set(String(groupId), members.slice());
  return members.length === limit ? { members, next: String(skip + members.length) } : { members };
}

/** `GET /group/settings`, cached for `cachedSettings` and notices. */
export function groupSettings(c: GroupCore, groupId: unknown): Promise<GroupSettings> {
  return c.groupCall('settings', () => groupArg(groupId), one((r: Raw) => {
    c.groupSettings.set(String(groupId), r);
    return settingsFrom(r);
  }), 'get');
}

/** Sends one `/group/settings/<setting>` per setting given, then reads the settings back. */
export async function updateSettings(c: GroupCore, groupId: unknown, u: GroupSettingsUpdate): Promise<GroupSettings> {
  const calls = SETTINGS.filter((k) => u?.[k] !== undefined).map((k) => {
    const v = u[k];
    if (k === 'applyApproval') {
      const n = APPROVALS.indexOf(v as GroupSettings['applyApproval']);
      if (n < 0) throw new InvalidArgumentError(`applyApproval must be ${APPROVALS.join(', ')}`);
      return ['require_admin_approval', groupArg(groupId, { apply_approval: n })] as const;
    }
    return [snake(k), groupArg(groupId, { value: flag(v, k) })] as const;
  });
  need(calls, SETTINGS);
  for (const [path, body] of calls) await c.groupCall(`settings/${path}`, () => body);
  return groupSettings(c, groupId);
}

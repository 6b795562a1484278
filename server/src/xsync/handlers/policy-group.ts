/**
 * Group rules on the send path (docs/social.md, "XSYNC refusals"): an unknown or destroyed group is
 * refused with GroupNotExist, a non-member with GroupNotMemberFound, a banned member (or anyone but the
 * owner and admins while everyone is banned) with GroupMemberBanned. Message operations (recall, edits)
 * of a banned member still pass. Members who chose "do not receive" (msg_mute_mode 2) get no queue
 * entry. This runs for every group upload and uses only the two reads the send already needed (the
 * group row carries the ban-all setting, the member rows carry roles, bans and mute modes). Every group
 * item is also queued for the group's archive (see groupSendCheck), for history_visible.
 */
import { MessageType, NameSpace, StatusCode } from 'floo-miniprogram/protocol';
import type { ServerContext } from '../../context';
import type { DeviceSession } from '../connection';
import type { Upload, UploadOutcome } from './upload';

/** Mute mode of a member who receives no group messages. */
const DO_NOT_RECEIVE = 2;

/** True while a ban ending at `expire` (0 none, -1 until lifted, else ms) is in force at `now`. */
export function banInForce(expire: number, now: number): boolean {
  return expire === -1 || expire > now;
}

/** Who gets a queue entry for an allowed group upload (the sender always does). */
export interface GroupAudience {
  receivers: number[];
}

/** Decides a group upload by the session's user to `gid`: its receivers, or the refusal. */
export async function groupSendCheck(up: Upload, gid: number): Promise<GroupAudience | UploadOutcome> {
  const { ctx, session, meta } = up;
  const g = await ctx.store.getGroup(gid);
  // Built here rather than with target.ts's refuse(), which imports this module.
  if (!g || g.appId !== session.appId) return { ok: false, code: StatusCode.INVALID_PARAMETER, reason: 'GroupNotExist: unknown group' };
  const members = await ctx.store.listMembers(gid);
  const me = members.find((m) => m.userId === session.userId);
  if (!me) return { ok: false, code: StatusCode.UNAUTHORIZED, reason: 'GroupNotMemberFound: not a member of this group' };
  const operation = meta.ns === NameSpace.MESSAGE && meta.payload?.type === MessageType.OPER;
  if (!operation) {
    const now = ctx.now();
    if (banInForce(me.banExpireTime, now)) {
      return { ok: false, code: StatusCode.USER_BANNED, reason: 'GroupMemberBanned: you are banned in this group' };
    }
    if (me.role === 'member' && banInForce(g.banExpireTime, now)) {
      return { ok: false, code: StatusCode.USER_BANNED, reason: 'GroupMemberBanned: only the owner and admins may speak now' };
    }
  }
  const receivers: number[] = [];
  for (const m of members) if (m.muteMode !== DO_NOT_RECEIVE || m.userId === session.userId) receivers.push(m.userId);
  // The group's archive queue: a queue entry for the group id itself (never a user: one id space), read
  // only by the history of members when history_visible is on. One more row per group item, nothing
  // per 1:1 item; no device ever connects as the group, so nothing is delivered to it.
  receivers.push(gid);
  return { receivers };
}

/**
 * True when `convId` is a group of the session's app with history_visible on and the user is a member:
 * then the user's history of it includes the group's messages from before they joined.
 */
export async function seesFullGroupHistory(ctx: ServerContext, session: DeviceSession, convId: number): Promise<boolean> {
  const g = await ctx.store.getGroup(convId);
  if (!g || g.appId !== session.appId || !g.historyVisible) return false;
  return (await ctx.store.getMember(convId, session.userId)) !== undefined;
}

/**
 * Message routes. `GET /message/read_list?group_id=&message_id=`: the read receipts of a group message
 * (docs/rich-messages.md, "Operations") as `{read: [uid], unread: [uid]}` over the group's current
 * members minus the sender, in member order. Only the sender and the group's owner and admins may ask
 * (others: 20006); a non-member gets 20002, an unknown group 20001, a message that is not this group's
 * 10002. Groups with read_ack off record nothing: everyone is unread there.
 */
import { RestCode, RestError, invalid } from './envelope';
import { idParam } from './group/params';
import { access, isManager } from './group/permissions';
import type { AuthedRequest } from './request';
import type { Route } from './routes';

async function readList(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'member');
  const mid = idParam(req, 'message_id');
  const msg = await req.ctx.store.getMessage(mid);
  if (!msg || msg.appId !== req.app.appId || msg.toUid !== group.id || msg.kind !== 'content') {
    throw invalid('message_id names no message of this group');
  }
  if (msg.fromUid !== req.user.id && !isManager(me.role)) {
    throw new RestError(RestCode.GROUP_ADMIN_PERMISSION_REQUIRED, 'only the sender and the group owner and admins may see who read a message');
  }
  const readers = new Set(await req.ctx.store.listReaders(msg.id));
  const read: number[] = [];
  const unread: number[] = [];
  for (const m of await req.ctx.store.listMembers(group.id)) {
    if (m.userId === msg.fromUid) continue;
    (readers.has(m.userId) ? read : unread).push(m.userId);
  }
  return { read, unread };
}

/** Message routes. */
export const messageRoutes: Route[] = [
  { method: 'GET', path: '/message/read_list', auth: true, handler: readList },
];

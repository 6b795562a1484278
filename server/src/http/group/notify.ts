/** Publishing group notices for changes made over REST (audiences per docs/social.md, "Group"). */
import type { GroupNoticeType } from 'floo-miniprogram/protocol';
import { publishGroupNotice } from '../../xsync/notices';
import type { AuthedRequest } from '../request';

/** Who hears of a change besides the audience's base. */
export interface NoticeOptions {
  /** Users the change is about (GroupNotice.to). */
  to?: number[];
  /** The notice content (JSON-encoded here). */
  content?: Record<string, unknown>;
  /** Extra users to tell, e.g. the members a change removed. */
  also?: number[];
}

/**
 * Tells every current member of the group (read after the change), plus `also`. A REST change has no
 * acting device, so every device of the actor is told too.
 */
export async function tellMembers(req: AuthedRequest, gid: number, type: GroupNoticeType, o: NoticeOptions = {}): Promise<void> {
  const members = (await req.ctx.store.listMembers(gid)).map((m) => m.userId);
  await tellUsers(req, gid, type, [...members, ...(o.also ?? [])], o);
}

/** Tells the owner and admins of the group, plus `also`. */
export async function tellManagers(req: AuthedRequest, gid: number, type: GroupNoticeType, o: NoticeOptions = {}): Promise<void> {
  const managers = (await req.ctx.store.listMembers(gid)).filter((m) => m.role !== 'member').map((m) => m.userId);
  await tellUsers(req, gid, type, [...managers, ...(o.also ?? [])], o);
}

/** Tells exactly `users`. */
export async function tellUsers(req: AuthedRequest, gid: number, type: GroupNoticeType, users: number[], o: NoticeOptions = {}): Promise<void> {
  await publishGroupNotice(req.ctx, {
    appId: req.app.appId, fromUid: req.user.id, userIds: users, type, gid, to: o.to ?? [],
    content: JSON.stringify(o.content ?? {}),
  });
}

/** Announcements: members read them, the owner and admins publish and delete them. */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers } from './notify';
import { idParam, stringParam } from './params';
import { access } from './permissions';
import { announcementView } from './views';

/** Announcements listed at most. */
const LIST_MAX = 200;

function notFound(): RestError {
  return new RestError(RestCode.GROUP_ANNOUNCEMENT_NOT_FOUND, 'no such announcement in this group');
}

async function list(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  return (await req.ctx.store.listGroupAnnouncements(group.id, LIST_MAX)).map(announcementView);
}

async function get(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const a = await req.ctx.store.getGroupAnnouncement(group.id, idParam(req, 'announcement_id'));
  if (!a) throw notFound();
  return announcementView(a);
}

async function edit(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'admin');
  const title = stringParam(req, 'title', 200);
  const content = stringParam(req, 'content', 10_000);
  const a = await req.ctx.store.addGroupAnnouncement({ groupId: group.id, title, content, author: req.user.id, createdAt: req.ctx.now() });
  await tellMembers(req, group.id, GroupNoticeType.ANNOUNCEMENT_UPDATED, { content: { announcement_id: a.id, title } });
  return announcementView(a);
}

async function remove(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'admin');
  const id = idParam(req, 'announcement_id');
  if (!(await req.ctx.store.deleteGroupAnnouncement(group.id, id))) throw notFound();
  await tellMembers(req, group.id, GroupNoticeType.ANNOUNCEMENT_UPDATED, { content: { announcement_id: id, deleted: true } });
  return null;
}

/** Announcement routes. */
export const announcementRoutes: Route[] = [
  { method: 'GET', path: '/group/announcement/list', auth: true, handler: list },
  { method: 'GET', path: '/group/announcement', auth: true, handler: get },
  { method: 'POST', path: '/group/announcement/edit', auth: true, handler: edit },
  { method: 'POST', path: '/group/announcement/delete', auth: true, handler: remove },
];

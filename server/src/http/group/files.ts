/** Shared files: members register already-uploaded files; the uploader or an admin deletes them. */
import { GroupNoticeType } from 'floo-miniprogram/protocol';
import { RestCode, RestError } from '../envelope';
import type { AuthedRequest } from '../request';
import type { Route } from '../routes';
import { tellMembers } from './notify';
import { idListParam, intParam, stringParam } from './params';
import { access, isManager } from './permissions';
import { fileView } from './views';

/** Files listed at most. */
const LIST_MAX = 1000;

async function list(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  return (await req.ctx.store.listGroupFiles(group.id, LIST_MAX)).map(fileView);
}

async function upload(req: AuthedRequest): Promise<unknown> {
  const { group } = await access(req, 'member');
  const name = stringParam(req, 'name', 500);
  if (name === '') throw new RestError(RestCode.INVALID_PARAMETER, 'name must not be empty');
  const size = intParam(req, 'size', 0, Number.MAX_SAFE_INTEGER);
  const url = stringParam(req, 'url', 4000);
  if (url === '') throw new RestError(RestCode.INVALID_PARAMETER, 'url must not be empty');
  const type = stringParam(req, 'type', 100, '');
  const f = await req.ctx.store.addGroupFile({ groupId: group.id, name, size, type, url, uploader: req.user.id, createdAt: req.ctx.now() });
  await tellMembers(req, group.id, GroupNoticeType.FILE_UPLOADED, { content: { file_id: f.id, name } });
  return fileView(f);
}

async function remove(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'member');
  const ids = idListParam(req, 'file_list');
  const files = await req.ctx.store.getGroupFiles(group.id, ids);
  if (files.length !== ids.length) throw new RestError(RestCode.GROUP_SHARED_FILE_NOT_FOUND, 'file_list names files that are not in this group');
  if (!isManager(me.role) && files.some((f) => f.uploader !== req.user.id)) {
    throw new RestError(RestCode.GROUP_SHARED_FILE_OPERATE_NOT_ALLOWED, 'members may delete only the files they uploaded');
  }
  await req.ctx.store.deleteGroupFiles(group.id, ids);
  await tellMembers(req, group.id, GroupNoticeType.FILE_DELETED, { content: { file_list: ids } });
  return null;
}

/** Shared file routes. */
export const fileRoutes: Route[] = [
  { method: 'GET', path: '/group/file/list', auth: true, handler: list },
  { method: 'POST', path: '/group/file/upload', auth: true, handler: upload },
  { method: 'POST', path: '/group/file/delete', auth: true, handler: remove },
];

/**
 * Step 1 of the file flow (docs/rich-messages.md, "Files"): upload slots for chat files and avatars,
 * answered as `{upload_url, download_url, oss_body_param: null}`, and forwarding (a new grant on an
 * existing file, no bytes copied).
 */
import { hashToken } from '../../auth/tokens';
import type { FileKind } from '../../files/mime';
import type { GrantType } from '../../store/file-types';
import { invalid, RestCode, RestError } from '../envelope';
import { access } from '../group/permissions';
import { parseIdValue, type AuthedRequest } from '../request';
import type { Route } from '../routes';
import { baseUrl, downloadUrl, mayRead, requireWritable, secret, type Target } from './access';

/** `file_type` values: names and the official numeric ctypes. */
const KINDS: Record<string, FileKind> = { image: 'image', audio: 'audio', video: 'video', file: 'file', 1: 'image', 2: 'audio', 3: 'video', 4: 'file' };

function fileKind(req: AuthedRequest): FileKind {
  const raw = (req.query.get('file_type') ?? '').toLowerCase();
  const kind = KINDS[raw];
  if (!kind) throw invalid('file_type must be image, audio, video or file (or 1-4)');
  return kind;
}

/** `to_id` and `to_type` (1 or `roster`/`user`: a user; 2 or `group`: a group). */
export function targetParams(req: AuthedRequest): Target {
  const t = (req.query.get('to_type') ?? '').toLowerCase();
  const type = t === '1' || t === 'roster' || t === 'user' ? 1 : t === '2' || t === 'group' ? 2 : 0;
  if (type === 0) throw invalid('to_type must be 1 (user) or 2 (group)');
  return { type, id: parseIdValue(req.query.get('to_id') ?? undefined, 'to_id') };
}

/** Creates the pending file, its grant and slot; answers the slot. */
async function makeSlot(req: AuthedRequest, kind: FileKind, maxBytes: number, grantType: GrantType, convId: number): Promise<unknown> {
  const token = secret(24);
  const sign = secret(18);
  const now = req.ctx.now();
  await req.ctx.store.createUploadSlot({
    appId: req.app.appId, ownerId: req.user.id, kind, tokenHash: hashToken(token), expiresAt: now + req.ctx.options.slotTtlMs,
    maxBytes, grant: { sign, type: grantType, convId }, now,
  });
  return {
    upload_url: `${baseUrl(req)}/file/upload?slot=${token}`,
    download_url: downloadUrl(req, sign, kind === 'avatar'),
    oss_body_param: null,
  };
}

async function chatSlot(req: AuthedRequest): Promise<unknown> {
  const kind = fileKind(req);
  const target = targetParams(req);
  await requireWritable(req, target);
  const o = req.ctx.options;
  return makeSlot(req, kind, kind === 'image' ? o.maxImageBytes : o.maxFileBytes, target.type, target.id);
}

async function userAvatarSlot(req: AuthedRequest): Promise<unknown> {
  return makeSlot(req, 'avatar', req.ctx.options.maxAvatarBytes, 0, 0);
}

/** The owner and admins, or any member when the group allows member modify (as `/group/info/avatar`). */
async function groupAvatarSlot(req: AuthedRequest): Promise<unknown> {
  const { group, me } = await access(req, 'member');
  if (me.role === 'member' && !group.allowMemberModify) {
    throw new RestError(RestCode.GROUP_ADMIN_PERMISSION_REQUIRED, 'only the owner and admins may change the group avatar');
  }
  return makeSlot(req, 'avatar', req.ctx.options.maxAvatarBytes, 0, 0);
}

/** The sign of `file_sign`: the bare sign, or a whole download URL carrying `sign=`. */
function signParam(req: AuthedRequest): string {
  const raw = req.query.get('file_sign') ?? req.query.get('sign') ?? '';
  const fromUrl = /[?&]sign=([A-Za-z0-9_-]+)/.exec(raw);
  const sign = fromUrl ? fromUrl[1] : raw;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sign)) throw invalid('file_sign must be the sign of a download URL');
  return sign;
}

/** `GET /file/upload/forward?file_sign=&to_id=&to_type=`: answers the new download URL (a string). */
async function forward(req: AuthedRequest): Promise<unknown> {
  const sign = signParam(req);
  const target = targetParams(req);
  const found = await req.ctx.store.getFileGrant(sign);
  if (!found || !found.file.ready || found.file.appId !== req.app.appId) throw new RestError(RestCode.NOT_FOUND, 'no such file');
  if (!(await mayRead(req.ctx, found.grant, req.user.id))) {
    throw new RestError(RestCode.USER_PERMISSION_DENIED, 'you may not read this file');
  }
  await requireWritable(req, target);
  const next = secret(18);
  await req.ctx.store.addFileGrant({ sign: next, fileId: found.file.id, type: target.type, convId: target.id, grantedBy: req.user.id, createdAt: req.ctx.now() });
  return downloadUrl(req, next, false);
}

/** Slot and forward routes. */
export const slotRoutes: Route[] = [
  { method: 'GET', path: '/file/upload/chat', auth: true, handler: chatSlot },
  { method: 'GET', path: '/file/upload/avatar/user', auth: true, handler: userAvatarSlot },
  { method: 'GET', path: '/file/upload/avatar/group', auth: true, handler: groupAvatarSlot },
  { method: 'GET', path: '/file/upload/forward', auth: true, handler: forward },
];

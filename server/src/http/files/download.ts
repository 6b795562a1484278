/**
 * `GET /file/download/chat|avatar?sign=` (docs/rich-messages.md, "Files"): the bytes of a file to the
 * readers of the URL's grant. Token from the `access-token` header or query (avatars need none);
 * `image_type=2` (or 3, a video cover) answers the thumbnail when there is one; single `Range` requests
 * are answered with 206. Files never change: they are cached for a year.
 */
import type { ServerContext } from '../../context';
import type { ByteRange } from '../../files/storage';
import type { FileRecord } from '../../store/file-types';
import { RawResponse, RestCode, RestError } from '../envelope';
import type { RestRequest } from '../request';
import type { Route } from '../routes';
import { mayRead, tokenUser } from './access';

const CACHE = 'private, max-age=31536000, immutable';

const notFound = () => new RestError(RestCode.NOT_FOUND, 'no such file', 404);

async function download(req: RestRequest): Promise<RawResponse> {
  const sign = req.query.get('sign') ?? req.query.get('object_name') ?? '';
  const found = /^[A-Za-z0-9_-]{1,64}$/.test(sign) ? await req.ctx.store.getFileGrant(sign) : undefined;
  if (!found || !found.file.ready) throw notFound();
  const { grant, file } = found;
  if (grant.type !== 0) {
    const user = await tokenUser(req);
    if (!user) throw new RestError(RestCode.INVALID_TOKEN, 'this file needs a valid access-token', 401);
    if (user.appId !== file.appId || !(await mayRead(req.ctx, grant, user.id))) {
      throw new RestError(RestCode.USER_PERMISSION_DENIED, 'you may not read this file', 403);
    }
  }
  const imageType = req.query.get('image_type');
  const thumb = (imageType === '2' || imageType === '3') && file.thumbKey !== '';
  return serve(req, req.ctx, file, thumb);
}

async function serve(req: RestRequest, ctx: ServerContext, file: FileRecord, thumb: boolean): Promise<RawResponse> {
  const key = thumb ? file.thumbKey : file.storageKey;
  const size = thumb ? file.thumbSize : file.size;
  const headers: Record<string, string | number> = {
    'Content-Type': (thumb ? file.thumbMime : file.mime) || 'application/octet-stream',
    'Cache-Control': CACHE,
    'Accept-Ranges': 'bytes',
    // Uploaded content is served from the API's origin: never let a browser run it.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (file.name !== '' && !thumb) headers['Content-Disposition'] = `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`;
  const range = parseRange(header(req, 'range'), size);
  if (range === 'unsatisfiable') {
    throw new RestError(416, `the range is outside the file's ${size} bytes`, 416);
  }
  const read = await ctx.files.get(key, range ?? undefined);
  if (!read) {
    ctx.log.error(`file ${file.id}: stored object ${key} is missing`);
    throw notFound();
  }
  if (!range) return new RawResponse(200, { ...headers, 'Content-Length': read.size }, read.stream);
  return new RawResponse(206, {
    ...headers, 'Content-Length': range.end - range.start + 1, 'Content-Range': `bytes ${range.start}-${range.end}/${read.size}`,
  }, read.stream);
}

function header(req: RestRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range within `size`; null when absent or not one
 * we serve partially (several ranges, other units: the whole file is sent, as RFC 9110 allows).
 */
export function parseRange(value: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(value ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Download routes (the grant decides access; the path only tells chat files and avatars apart). */
export const downloadRoutes: Route[] = [
  { method: 'GET', path: '/file/download/chat', auth: false, handler: download },
  { method: 'GET', path: '/file/download/avatar', auth: false, handler: download },
];

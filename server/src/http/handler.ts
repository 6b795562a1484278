/**
 * The REST ("ratel") request handler: CORS, routing, JSON bodies, app and token resolution, and the
 * `{code, message, data}` envelope. Only the body's code matters to the SDKs, so business errors are
 * sent with HTTP 200; unknown paths get HTTP 404 as well as code 404. File routes also answer with a
 * RawResponse (bytes) and with the HTTP status a RestError names (413, 403...).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { appRoutes } from './app';
import { dnsRoutes } from './dns';
import { CORS_HEADERS, RawResponse, RestCode, RestError, sendEnvelope } from './envelope';
import { fileRoutes } from './files';
import { groupRoutes } from './group';
import { messageRoutes } from './message';
import { readJsonBody, type AuthedRequest, type RestRequest } from './request';
import { rosterRoutes } from './roster';
import type { Route } from './routes';
import { tokenRoutes } from './token';
import { userRoutes } from './user';

/** Every REST route of the server. */
export const ROUTES: readonly Route[] = [...appRoutes, ...dnsRoutes, ...tokenRoutes, ...userRoutes, ...rosterRoutes, ...groupRoutes, ...fileRoutes, ...messageRoutes];

/** Creates the `request` listener of the HTTP server. */
export function createRestHandler(ctx: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  const table = new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
  return (req, res) => {
    handle(ctx, table, req, res).catch((err) => {
      ctx.log.error(`${req.method} ${req.url?.split('?')[0]} failed`, err);
      if (!res.headersSent) sendEnvelope(res, 500, RestCode.INTERNAL, 'internal error', null);
      else res.destroy();
    });
  };
}

async function handle(ctx: ServerContext, table: Map<string, Route>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Official clients end parameterless GETs with a bare `?`; URL already drops it. Tolerate a trailing slash too.
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const method = req.method === 'HEAD' ? 'GET' : req.method ?? 'GET';
  const route = table.get(`${method} ${path}`);
  if (!route) {
    req.resume();
    sendEnvelope(res, 404, RestCode.NOT_FOUND, `no such endpoint: ${method} ${path}`, null);
    return;
  }
  try {
    let body: Record<string, unknown> = {};
    // A raw route's handler reads (or drains) the request stream itself.
    if (!route.raw && method === 'POST') body = await readJsonBody(req, ctx.options.maxBodyBytes);
    else if (!route.raw) req.resume();
    const request: RestRequest = { ctx, method, path, query: url.searchParams, headers: req.headers, body };
    if (route.raw) request.raw = req;
    const appId = header(req, 'app_id') ?? url.searchParams.get('app_id') ?? undefined;
    if (appId) request.app = await ctx.store.getApp(appId);
    if (route.auth) {
      await authenticate(ctx, request, req, url);
      if (request.app && request.app.status !== 'normal') throw new RestError(RestCode.APP_ABNORMAL, 'app is not in service');
      await answer(req, res, await route.handler(request as AuthedRequest));
    } else {
      await answer(req, res, await route.handler(request));
    }
  } catch (err) {
    if (!(err instanceof RestError)) throw err;
    if (res.destroyed) return; // the client went away (e.g. an aborted upload): nobody to answer
    sendEnvelope(res, err.httpStatus, err.code, err.message, null);
  }
}

/** Writes a handler's result: an envelope around `data`, or a RawResponse as is. */
async function answer(req: IncomingMessage, res: ServerResponse, data: unknown): Promise<void> {
  if (!(data instanceof RawResponse)) {
    sendEnvelope(res, 200, RestCode.OK, 'ok', data);
    return;
  }
  res.writeHead(data.status, { ...CORS_HEADERS, ...data.headers });
  const body = data.body;
  if (req.method === 'HEAD' || body === undefined) {
    if (body instanceof Readable) body.destroy();
    res.end();
  } else if (body instanceof Readable) {
    // A client that goes away mid-download ends the pipeline with an error: nothing to report.
    await pipeline(body, res).catch(() => undefined);
  } else {
    res.end(body);
  }
}

/** Resolves `access-token` to its user; the token alone names the app. Any failure is 402. */
async function authenticate(ctx: ServerContext, request: RestRequest, req: IncomingMessage, url: URL): Promise<void> {
  const token = header(req, 'access-token') ?? url.searchParams.get('access-token') ?? '';
  const fail = () => new RestError(RestCode.INVALID_TOKEN, 'invalid or expired token, please log in again');
  if (token === '') throw fail();
  const record = await ctx.store.getToken(hashToken(token), ctx.now());
  if (!record) throw fail();
  // A token of another app than the one the client names is not valid for this call.
  if (request.app && request.app.appId !== record.appId) throw fail();
  const user = await ctx.store.getUser(record.userId);
  if (!user) throw fail();
  request.user = user;
  request.app = await ctx.store.getApp(record.appId);
  if (!request.app) throw fail();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === '' ? undefined : s;
}

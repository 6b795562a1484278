/** Route table types shared by the REST area modules. */
import type { AuthedRequest, RestRequest } from './request';

/**
 * A REST endpoint. Handlers return the envelope's `data` (or a RawResponse) or throw RestError. A `raw`
 * route's body is not read as JSON: the handler gets the request stream as `req.raw` (uploads).
 */
export type Route =
  | { method: 'GET' | 'POST'; path: string; auth: false; raw?: boolean; handler: (req: RestRequest) => Promise<unknown> }
  | { method: 'GET' | 'POST'; path: string; auth: true; raw?: boolean; handler: (req: AuthedRequest) => Promise<unknown> };

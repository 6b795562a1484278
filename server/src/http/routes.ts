/** Route table types shared by the REST area modules. */
import type { AuthedRequest, RestRequest } from './request';

/** A REST endpoint. Handlers return the envelope's `data` or throw RestError. */
export type Route =
  | { method: 'GET' | 'POST'; path: string; auth: false; handler: (req: RestRequest) => Promise<unknown> }
  | { method: 'GET' | 'POST'; path: string; auth: true; handler: (req: AuthedRequest) => Promise<unknown> };

/** HttpRequest over the global fetch (Node ≥ 18), body returned as text. */
import type { HttpRequest, HttpResponse } from '../../core/platform';
import { withTimeout } from './timeout';

/** Performs `req`; an HTTP error status resolves, a transport failure or timeout rejects. */
export function nodeRequest(req: HttpRequest): Promise<HttpResponse> {
  return withTimeout(`${req.method} ${req.url}`, req.timeoutMs, async (signal) => {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal });
    return { status: res.status, body: await res.text() };
  });
}

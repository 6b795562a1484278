/** App-level endpoints: the speed probe, health and the app config. */
import type { Route } from './routes';

/** `GET /` (cluster speed probe), `GET /api/health`, `GET /app/config`. */
export const appRoutes: Route[] = [
  { method: 'GET', path: '/', auth: false, handler: async () => ({ server: 'floo-server' }) },
  { method: 'GET', path: '/api/health', auth: false, handler: async () => ({ status: 'ok' }) },
  // The SDKs only cache this object; nothing in it is required.
  { method: 'GET', path: '/app/config', auth: false, handler: async (req) => (req.app ? { app_id: req.app.appId } : {}) },
];

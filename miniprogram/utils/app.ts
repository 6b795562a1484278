/** The app-level service, as pages get it. */
import type { DemoApp, ImService } from '../services/im';

/** The app's IM service (call in onLoad and keep it: `getApp()` is the app object of this run). */
export function imService(): ImService {
  return getApp<DemoApp>().im;
}

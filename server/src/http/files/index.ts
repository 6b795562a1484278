/** The file routes (docs/rich-messages.md, "Files"; docs/server.md, "Files"). */
import type { Route } from '../routes';
import { downloadRoutes } from './download';
import { slotRoutes } from './slots';
import { uploadRoutes } from './upload';

/** Upload slots, the upload itself, downloads and forwarding. */
export const fileRoutes: Route[] = [...slotRoutes, ...uploadRoutes, ...downloadRoutes];

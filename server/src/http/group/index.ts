/** Group REST routes (floo-sdk-reference §3.4, §5.2 "Group"; shapes and codes per docs/social.md). */
import type { Route } from '../routes';
import { announcementRoutes } from './announcements';
import { applicationRoutes } from './applications';
import { fileRoutes } from './files';
import { infoRoutes } from './info';
import { invitationRoutes } from './invitations';
import { memberRoutes } from './members';
import { moderationRoutes } from './moderation';
import { roleRoutes } from './roles';
import { settingsRoutes } from './settings';

/** Every group route. */
export const groupRoutes: Route[] = [
  ...infoRoutes, ...memberRoutes, ...roleRoutes, ...invitationRoutes, ...applicationRoutes, ...moderationRoutes,
  ...settingsRoutes, ...announcementRoutes, ...fileRoutes,
];

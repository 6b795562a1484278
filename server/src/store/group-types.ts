/** Storage contract of group management: roles, settings, applications, invitations, blocks, bans, announcements, files. */

/** Group management storage (implemented by sqlite/group-admin.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GroupAdminStore {}

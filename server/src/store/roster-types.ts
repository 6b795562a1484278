/** Storage contract of user settings, devices, roster details, friend applications and the blocklist. */

/** Users, roster and blocklist storage (implemented by sqlite/roster.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RosterStore {}

/**
 * Routing and presence: which devices of a user are online, and how to reach them. The in-process
 * implementation keeps live connections in maps; a multi-node deployment would keep presence in a
 * shared registry (e.g. Redis) and carry {@link DeviceEvent}s over pub/sub to the node that holds
 * the socket. Events are therefore plain data.
 */
import type { Meta, UserNoticeType } from 'floo-miniprogram/protocol';

/** Something to tell one device. */
export type DeviceEvent =
  /** "Conversation `convId` has new items for you" (XSYNC NOTICE). */
  | { kind: 'notice'; convId: number }
  /** An item that is not stored (typing): pushed as an unsolicited SyncDL. */
  | { kind: 'eager'; convId: number; meta: Meta }
  /** Log the device out: deliver a USER_NOTICE, then close its connection. */
  | { kind: 'kick'; notice: UserNoticeType; reason: string };

/** A device connection as the router sees it. Implemented by the XSYNC endpoint. */
export interface DeviceHandle {
  readonly appId: string;
  readonly userId: number;
  readonly sn: number;
  /** When the device logged in (ms), to find the oldest session. */
  readonly connectedAt: number;
  /** Hands an event to the connection; never throws. */
  deliver(event: DeviceEvent): void;
}

/** Presence information about one online device. */
export interface OnlineDevice {
  sn: number;
  connectedAt: number;
}

/** Routing and presence contract. */
export interface Router {
  /** Registers a logged-in device; a previous handle for the same (user, sn) is replaced. */
  attach(handle: DeviceHandle): Promise<void>;
  /** Unregisters a device, only if `handle` is still the registered one. */
  detach(handle: DeviceHandle): Promise<void>;
  /** The online devices of a user, oldest login first. */
  online(userId: number): Promise<OnlineDevice[]>;
  /** Sends `event` to every online device of `userId` except device `exceptSn` (0 = none). */
  deliver(userId: number, event: DeviceEvent, exceptSn?: number): Promise<void>;
  /** Sends `event` to one device, if online. */
  deliverTo(userId: number, sn: number, event: DeviceEvent): Promise<void>;
  /** Number of online devices over all users (for logs and tests). */
  size(): number;
}

/** In-process routing: presence lives in this process's memory; one instance per server. */
import type { DeviceEvent, DeviceHandle, OnlineDevice, Router } from './types';

/** A {@link Router} for a single-node server. */
export class LocalRouter implements Router {
  private readonly users = new Map<number, Map<number, DeviceHandle>>();
  private count = 0;

  async attach(handle: DeviceHandle): Promise<void> {
    let devices = this.users.get(handle.userId);
    if (!devices) {
      devices = new Map();
      this.users.set(handle.userId, devices);
    }
    if (!devices.has(handle.sn)) this.count++;
    devices.set(handle.sn, handle);
  }

  async detach(handle: DeviceHandle): Promise<void> {
    const devices = this.users.get(handle.userId);
    if (!devices || devices.get(handle.sn) !== handle) return;
    devices.delete(handle.sn);
    this.count--;
    if (devices.size === 0) this.users.delete(handle.userId);
  }

  async online(userId: number): Promise<OnlineDevice[]> {
    const devices = this.users.get(userId);
    if (!devices) return [];
    return [...devices.values()]
      .map((h) => ({ sn: h.sn, connectedAt: h.connectedAt }))
      .sort((a, b) => a.connectedAt - b.connectedAt || a.sn - b.sn);
  }

  async deliver(userId: number, event: DeviceEvent, exceptSn = 0): Promise<void> {
    const devices = this.users.get(userId);
    if (!devices) return;
    // Copy first: a delivery may close a connection, which detaches it from this map.
    for (const handle of [...devices.values()]) {
      if (handle.sn !== exceptSn) handle.deliver(event);
    }
  }

  async deliverTo(userId: number, sn: number, event: DeviceEvent): Promise<void> {
    this.users.get(userId)?.get(sn)?.deliver(event);
  }

  size(): number {
    return this.count;
  }
}

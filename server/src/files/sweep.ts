/** Removing expired upload slots (at start and hourly), with the bytes of files that never completed. */
import type { Store } from '../store/types';
import type { FileStorage } from './storage';

/** Deletes expired slots, their never-uploaded file records and those records' stored bytes (a lone thumbnail). */
export async function sweepUploadSlots(store: Store, files: FileStorage, now: number): Promise<void> {
  for (const key of await store.deleteExpiredUploadSlots(now)) await files.delete(key);
}

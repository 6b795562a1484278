/**
 * Storage contract of group read receipts (docs/rich-messages.md, "Operations"): which members read a
 * message of a group with read_ack on. Only members' READ_ACKs of group messages are recorded.
 */

/** Read receipts of group messages. */
export interface ReceiptStore {
  /** Records that `userId` read message `messageId` (idempotent: the first read time is kept). */
  addReadReceipt(messageId: number, userId: number, readAt: number): Promise<void>;
  /** The users who read message `messageId`, in the order they read it. */
  listReaders(messageId: number): Promise<number[]>;
}

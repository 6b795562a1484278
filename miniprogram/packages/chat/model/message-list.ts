/**
 * The chat page's message list as setData patches. Messages live in blocks: block 0 holds the
 * messages present when the page opened plus everything that arrives later (appended by path), and
 * every page of older history becomes a new block drawn above the others. So a new message sends one
 * item, a status change one field, and a history page one block plus the small `order` array, never
 * the whole conversation.
 */
import type { Message } from 'floo-miniprogram';

/** How a message is drawn. */
export interface Bubble {
  /** Stable for the message's life (an own message keeps its client id's key after it is sent). */
  key: string;
  id: string;
  own: boolean;
  text: string;
  status: Message['status'];
  timestamp: number;
  /** Separator label above the bubble ('' for none). */
  time: string;
  name: string;
  avatar: string;
  initial: string;
  /** Group chats name the sender of others' messages. */
  showName: boolean;
  /** A failed message that was sent again, or one deleted, is hidden. */
  hidden: boolean;
  /** How the content is drawn (text when absent). Every field below is a plain value, so redraws diff by field. */
  kind?: BubbleKind;
  /** Image thumbnail or video cover: the server URL (with token), or the local file while sending. */
  src?: string;
  /** Drawn size of an image or video cover (rpx). */
  w?: number;
  h?: number;
  /** Voice: `3"`; video: `0:07`. */
  duration?: string;
  /** Voice bubble width (rpx), longer for longer messages. */
  voiceWidth?: number;
  fileName?: string;
  fileSize?: string;
  /** Location: the place's address. */
  address?: string;
  /** The "edited" mark ('' when not edited). */
  edited?: string;
  /** Own 1:1 messages: "read" / "unread" ('' otherwise). */
  readMark?: string;
  /** Upload progress of an own file being sent (0–100), -1 when none. */
  progress?: number;
}

/** The kinds of bubble. */
export type BubbleKind = 'text' | 'image' | 'audio' | 'video' | 'file' | 'location' | 'recalled' | 'other';

/** The data the list writes. */
export interface ListData {
  blocks: Array<{ items: Bubble[] }>;
  /** Indices into `blocks`, oldest block first. */
  order: number[];
}

/** setData patch. */
export type Patch = Record<string, unknown>;

/** What the page draws of a message (the list adds `key` and `hidden`). */
export type Drawn = Omit<Bubble, 'key' | 'hidden'>;

/** Draws one message; `previous` is the message drawn just before it (for time separators). */
export type Draw = (message: Message, previous: Message | undefined) => Drawn;

interface Slot {
  block: number;
  index: number;
  message: Message;
  /** What the view has now. */
  drawn: Drawn;
}

export class MessageList {
  private blocks: Message[][] = [];
  private order: number[] = [];
  private readonly slots = new Map<string, Slot>();
  private readonly byId = new Map<string, string>();
  private readonly byClientMid = new Map<string, string>();

  constructor(private readonly draw: Draw) {}

  /** The first render: the messages known when the page opens, oldest first. */
  reset(messages: Message[]): Patch {
    this.blocks = [];
    this.order = [];
    this.slots.clear();
    this.byId.clear();
    this.byClientMid.clear();
    const fresh = this.unknown(messages);
    this.blocks.push([]);
    this.order.push(0);
    const items = fresh.map((m) => this.place(0, m));
    return { blocks: [{ items }], order: this.order.slice() };
  }

  /** A new message (received, or an own one being sent); an already drawn one is updated instead. */
  append(message: Message): Patch {
    const known = this.keyOf(message);
    if (known) return this.update(message);
    const live = this.blocks[0];
    const bubble = this.place(0, message);
    return { [`blocks[0].items[${live.length - 1}]`]: bubble };
  }

  /** A drawn message changed (status, server id): only its changed fields are sent. */
  update(message: Message): Patch {
    const key = this.keyOf(message);
    const slot = key ? this.slots.get(key) : undefined;
    if (!key || !slot) return {};
    slot.message = message;
    this.blocks[slot.block][slot.index] = message;
    if (message.id) this.byId.set(message.id, key);
    return this.redrawSlot(slot, {});
  }

  /** A page of older history (oldest first) goes above everything drawn. */
  prepend(older: Message[]): Patch {
    const fresh = this.unknown(older);
    if (!fresh.length) return {};
    const block = this.blocks.length;
    this.blocks.push([]);
    this.order.unshift(block);
    const items = fresh.map((m) => this.place(block, m));
    return { [`blocks[${block}]`]: { items }, order: this.order.slice() };
  }

  /** Hides a drawn message (a failed one that was sent again). */
  hide(key: string): Patch {
    const slot = this.slots.get(key);
    return slot ? { [`blocks[${slot.block}].items[${slot.index}].hidden`]: true } : {};
  }

  /** Hides a drawn message by its ids (deleted here or on another device). */
  hideMessage(message: Message): Patch {
    const key = this.keyOf(message);
    return key ? this.hide(key) : {};
  }

  /** The key a message is drawn under, if it is drawn. */
  keyFor(message: Message): string | undefined {
    return this.keyOf(message);
  }

  /** Redraws every message (names or language changed); only changed fields are sent. */
  redraw(): Patch {
    const patch: Patch = {};
    for (const slot of this.slots.values()) this.redrawSlot(slot, patch);
    return patch;
  }

  /** The message drawn under a key. */
  message(key: string): Message | undefined {
    return this.slots.get(key)?.message;
  }

  /** The oldest server id drawn (where the next history page ends). */
  oldestId(): string | undefined {
    for (const block of this.order) {
      const m = this.blocks[block].find((x) => x.id);
      if (m) return m.id;
    }
    return undefined;
  }

  /** The key of the newest message (to scroll to). */
  newestKey(): string | undefined {
    const live = this.blocks[0];
    const last = live && live[live.length - 1];
    return last ? this.keyOf(last) : undefined;
  }

  /** The senders of drawn messages. */
  senders(): string[] {
    return Array.from(new Set(Array.from(this.slots.values(), (s) => s.message.from)));
  }

  /** Every drawn message, oldest first (tests and debugging). */
  all(): Message[] {
    return this.order.flatMap((b) => this.blocks[b]);
  }

  private place(block: number, message: Message): Bubble {
    const list = this.blocks[block];
    const key = bubbleKey(message);
    const previous = list[list.length - 1];
    const slot: Slot = { block, index: list.length, message, drawn: this.draw(message, previous) };
    list.push(message);
    this.slots.set(key, slot);
    if (message.id) this.byId.set(message.id, key);
    if (message.clientMid) this.byClientMid.set(message.clientMid, key);
    return { ...slot.drawn, key, hidden: false };
  }

  /** Adds to `patch` the fields of a slot whose drawing changed. */
  private redrawSlot(slot: Slot, patch: Patch): Patch {
    const drawn = this.draw(slot.message, this.previous(slot));
    for (const field of Object.keys(drawn) as Array<keyof Drawn>) {
      if (drawn[field] !== slot.drawn[field]) patch[`blocks[${slot.block}].items[${slot.index}].${field}`] = drawn[field];
    }
    slot.drawn = drawn;
    return patch;
  }

  private previous(slot: Slot): Message | undefined {
    return slot.index > 0 ? this.blocks[slot.block][slot.index - 1] : undefined;
  }

  private keyOf(message: Message): string | undefined {
    return (message.id && this.byId.get(message.id)) || (message.clientMid && this.byClientMid.get(message.clientMid)) || undefined;
  }

  private unknown(messages: Message[]): Message[] {
    const seen = new Set<string>();
    return messages.filter((m) => {
      const k = m.id || `c${m.clientMid}`;
      if (seen.has(k) || this.keyOf(m)) return false;
      seen.add(k);
      return true;
    });
  }
}

/** A DOM-id-safe key: `m<server id>` or, for own messages sent from here, `c<client id>`. */
export function bubbleKey(m: Message): string {
  return m.clientMid && m.isOwn ? `c${m.clientMid}` : `m${m.id}`;
}

/**
 * Driving the chat page like a user in the rich-message tests: bubbles as drawn, the input's panel
 * and voice mode, taps and long presses on a bubble, and the action sheet (answered through the
 * phone's wx shim: `control.media.queueAction`).
 */
import type { RunningServer } from '../../../server/src';
import { uidOf } from '../../support/server-harness';
import type { PageHandle, Phone } from './phone';
import { until, type RenderedComponent } from './simulate';

/** A bubble as the page draws it (model/message-list Bubble). */
export interface DrawnBubble {
  key: string;
  id: string;
  text: string;
  status: string;
  own: boolean;
  hidden: boolean;
  kind?: string;
  src?: string;
  duration?: string;
  fileName?: string;
  fileSize?: string;
  address?: string;
  edited?: string;
  readMark?: string;
  progress?: number;
}

/** The bubbles of a chat page, oldest first (hidden ones included). */
export function bubbles(page: PageHandle): DrawnBubble[] {
  return (page.data.order as number[]).flatMap((b) => (page.data.blocks as Array<{ items: DrawnBubble[] }>)[b].items);
}

/** An own message the server has (sent, or already read by the peer whose chat is open). */
export function isSent(b: DrawnBubble): boolean {
  return b.status === 'sent' || b.status === 'read';
}

/** Waits for a visible bubble matching `match`. */
export function bubbleWhere(page: PageHandle, match: (b: DrawnBubble) => boolean, what: string, timeoutMs = 8000): Promise<DrawnBubble> {
  return until(() => bubbles(page).find((b) => !b.hidden && match(b)), what, timeoutMs);
}

/** The chat page URL of a 1:1 chat with `name`. */
export function userChat(server: RunningServer, name: string, label = name): string {
  return `/packages/chat/pages/chat/chat?type=user&id=${uidOf(server, name)}&name=${label}`;
}

/** The chat page URL of the seeded group. */
export function groupChat(server: RunningServer): string {
  return `/packages/chat/pages/chat/chat?type=group&id=${server.demo!.groupId}&name=Floo%20Demo`;
}

/** Taps an element of the chat input (`#more`, `#pick-album`, `#voice-toggle`…). */
export async function tapInput(page: PageHandle, id: string): Promise<void> {
  const node = page.$('#input')!.querySelector(id);
  if (!node) throw new Error(`the chat input has no ${id}`);
  await page.tap(node);
}

/** Opens the "+" panel and taps one of its entries. */
export async function pickFromPanel(page: PageHandle, id: '#pick-album' | '#pick-file' | '#pick-location'): Promise<void> {
  await tapInput(page, '#more');
  await tapInput(page, id);
}

/** A point of a touch, as j-component takes it. */
type Point = { x: number; y: number };

/** Dispatches a touch event (j-component builds real TouchEvents from `touches` / `changedTouches`). */
export function touch(node: RenderedComponent, name: 'touchstart' | 'touchmove' | 'touchend', points: Point[]): void {
  const field = name === 'touchend' ? 'changedTouches' : 'touches';
  (node.dispatchEvent as (n: string, o: Record<string, unknown>) => void).call(node, name, { [field]: points });
}

/** Holds the talk button and lets go (`slideUp` px up before letting go cancels past 80). */
export async function holdToTalk(phone: Phone, page: PageHandle, ms: number, slideUp = 0): Promise<void> {
  phone.activate();
  phone.control.media.recordingMs = ms;
  const hold = () => page.$('#input')!.querySelector('#hold')!;
  touch(hold(), 'touchstart', [{ x: 100, y: 600 }]);
  await new Promise((r) => setTimeout(r, 0));
  if (slideUp) {
    touch(hold(), 'touchmove', [{ x: 100, y: 600 - slideUp }]);
    await new Promise((r) => setTimeout(r, 0));
  }
  touch(hold(), 'touchend', [{ x: 100, y: 600 - slideUp }]);
  await new Promise((r) => setTimeout(r, 0));
}

/** The content node of a bubble. */
function content(page: PageHandle, key: string) {
  const node = page.$(`#b-${key} .message >>> .content`);
  if (!node) throw new Error(`no bubble b-${key}`);
  return node;
}

/** Taps a bubble's content (opens it). */
export async function tapBubble(phone: Phone, page: PageHandle, key: string): Promise<void> {
  phone.activate();
  content(page, key).dispatchEvent('tap');
  await new Promise((r) => setTimeout(r, 0));
}

/** Long-presses a bubble and taps `action` in the action sheet; returns the items the sheet offered. */
export async function longPress(phone: Phone, page: PageHandle, key: string, action: string | 'cancel'): Promise<string[]> {
  phone.activate();
  const before = phone.control.media.callsOf('showActionSheet').length;
  phone.control.media.queueAction(action);
  content(page, key).dispatchEvent('longpress');
  const call = await until(() => phone.control.media.callsOf('showActionSheet')[before], 'the action sheet');
  await new Promise((r) => setTimeout(r, 0));
  return call.itemList as string[];
}

/** The last title the page set. */
export function lastTitle(phone: Phone): string | undefined {
  return phone.calls.filter((c) => c.api === 'setNavigationBarTitle').pop()?.args.title as string | undefined;
}

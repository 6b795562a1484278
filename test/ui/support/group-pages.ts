/**
 * What the group page tests (test/ui/groups*.test.ts) share: driving TDesign controls the shared
 * helpers do not cover (switches, textareas, action sheets), waiting on async checks and on a phone
 * that is not the one being driven, and sending from the chat page.
 */
import type { PageHandle, Phone } from './phone';
import { until } from './simulate';

/** A person row of the group pages. */
export interface PersonRow { id: string; name: string; role: string; banned: boolean }

/** The toasts a phone showed. */
export const toasts = (p: Phone): string[] => p.calls.filter((c) => c.api === 'showToast').map((c) => c.args.title as string);

/** Flips a TDesign switch of a page (the tap goes to the switch's own element). */
export async function flip(page: PageHandle, id: string): Promise<void> {
  await page.tap(page.$(id)?.querySelector('.t-switch') ?? null);
}

/** Types into a TDesign textarea (the shared `type` helper knows inputs only). */
export async function typeArea(phone: Phone, page: PageHandle, selector: string, value: string): Promise<void> {
  phone.activate();
  const inner = page.$(selector)?.querySelector('.t-textarea__wrapper-inner');
  if (!inner) throw new Error(`${selector} has no textarea`);
  inner.dispatchEvent('input', { detail: { value, cursor: value.length } });
  await new Promise((r) => setTimeout(r, 0));
}

/** Opens a member's action sheet on the members page and picks the entry labelled `label`. */
export async function act(page: PageHandle, userId: string, label: string): Promise<void> {
  await page.tap(`#u-${userId}`);
  const sheet = page.data.sheet as { visible: boolean; items: Array<{ label: string }> };
  if (!sheet.visible) throw new Error(`no action sheet for ${userId}`);
  const index = sheet.items.findIndex((i) => i.label === label);
  if (index < 0) throw new Error(`no "${label}" in ${JSON.stringify(sheet.items)}`);
  await page.tap(page.$('#sheet')!.querySelectorAll('.t-action-sheet__list-item')[index]);
}

/** Polls an async check, one call at a time (the shared `until` takes synchronous ones). */
export async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  let ok = false;
  let busy = false;
  const poll = () => {
    if (busy) return;
    busy = true;
    void check().then((v) => { ok = v; }, () => undefined).finally(() => { busy = false; });
  };
  await until(() => {
    if (!ok) poll();
    return ok;
  }, what);
}

/**
 * Waits for something a phone does on its own (a notice arriving): pages call the global `wx`, so the
 * phone is made current while it waits, as if its user were looking at it.
 */
export function watch<T>(phone: Phone, check: () => T | undefined | null | false, what: string): Promise<T> {
  return until(() => {
    phone.activate();
    return check();
  }, what);
}

/** Sends a text from the group's chat page; resolves with the bubble once sent or failed. */
export async function sendFromChat(phone: Phone, gid: string, text: string): Promise<{ text: string; status: string }> {
  type Bubble = { text: string; status: string };
  const chat = phone.open(`/packages/chat/pages/chat/chat?type=group&id=${gid}&name=g`);
  await chat.type('#input', text);
  await chat.tap(chat.$('#input')!.querySelector('#send'));
  const bubbles = () => (chat.data.order as number[]).flatMap((b) => (chat.data.blocks as Array<{ items: Bubble[] }>)[b].items);
  const sent = await until(() => bubbles().find((b) => b.text === text && b.status !== 'sending'), `"${text}" settled`);
  chat.close();
  return sent;
}

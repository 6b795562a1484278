/** The tab bar's texts follow the language setting (app.json holds the Chinese ones). */
import type { Dictionary } from '../i18n/index';

export function applyTabTexts(t: Dictionary): void {
  const texts = [t.tabs.conversations, t.tabs.contacts, t.tabs.profile];
  texts.forEach((text, index) => wx.setTabBarItem({ index, text, fail: () => undefined }));
}

/** The chat page's address for a conversation. */
export function chatUrl(type: 'user' | 'group', id: string, name: string): string {
  return `/packages/chat/pages/chat/chat?type=${type}&id=${id}&name=${encodeURIComponent(name)}`;
}

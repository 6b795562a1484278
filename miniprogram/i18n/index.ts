/**
 * A tiny i18n: one dictionary per language, chosen by a setting. Pages put the whole dictionary in
 * their data as `t` and read `{{t.login.submit}}` in WXML; code uses the same object.
 */
import { en } from './en';
import { zh } from './zh';

/** The languages of the demo. */
export type Lang = 'zh' | 'en';
/** The shape of a dictionary. */
export type Dictionary = typeof zh;

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The dictionary of a language (Chinese for anything unknown). */
export function dictionary(lang: Lang): Dictionary {
  return lang === 'en' ? en : zh;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

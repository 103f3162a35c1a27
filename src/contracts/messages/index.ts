// The one message catalogue: Vietnamese is the source of truth, English must have the same keys
// (enforced by the type of `en`). Each area keeps its own file so that capabilities don't collide.
import { vi } from './vi';
import { en } from './en';
import type { Locale } from '../enums';

export type MessageKey = keyof typeof vi;
export const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** Translate `key`, replacing `{name}` placeholders with `params`. Unknown keys return the key. */
export function t(locale: Locale, key: MessageKey | string, params?: Record<string, string | number>): string {
  const template = (catalogues[locale] as Record<string, string>)[key] ?? (catalogues.vi as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function hasMessage(key: string): key is MessageKey {
  return key in vi;
}

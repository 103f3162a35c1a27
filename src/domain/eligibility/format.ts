// Cheap rendering of catalogue messages: each template is split once into literal and placeholder
// parts, so rendering a reason is a short loop instead of a regular-expression replace.
import { catalogues } from '../../contracts/messages';
import type { Locale } from '../../contracts/enums';

type Params = Record<string, string | number>;
type Compiled = (params: Params) => string;

const compiled: Record<Locale, Map<string, Compiled>> = { vi: new Map(), en: new Map() };

function compile(template: string): Compiled {
  const parts = template.split(/\{(\w+)\}/);
  if (parts.length === 1) return () => template;
  return (params) => {
    let out = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] as string;
      const value = params[name];
      out += value === undefined ? `{${name}}` : String(value);
      out += parts[i + 1] ?? '';
    }
    return out;
  };
}

/** Render catalogue `key` in `locale`; falls back to Vietnamese, then to the key itself. */
export function render(locale: Locale, key: string, params: Params = {}): string {
  const cache = compiled[locale];
  let fn = cache.get(key);
  if (!fn) {
    const template = (catalogues[locale] as Record<string, string>)[key] ?? (catalogues.vi as Record<string, string>)[key] ?? key;
    fn = compile(template);
    cache.set(key, fn);
  }
  return fn(params);
}

/** 80000000 → "80.000.000 đ" (vi) or "VND 80,000,000" (en). */
export function money(locale: Locale, vnd: number): string {
  const digits = String(Math.round(vnd));
  const sep = locale === 'vi' ? '.' : ',';
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return locale === 'vi' ? `${out} đ` : `VND ${out}`;
}

/** A share as a percentage with at most one decimal: 0.699 → "69,9%" (vi) / "69.9%" (en). */
export function percent(locale: Locale, share: number): string {
  const rounded = Math.round(share * 1000) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${locale === 'vi' ? text.replace('.', ',') : text}%`;
}

/** Years joined for a sentence: "2022, 2023". */
export function yearList(years: readonly number[]): string {
  return years.join(', ');
}

import { z } from 'zod';

// List filters live in the URL so that a filtered list can be bookmarked, shared and reloaded.
// We keep the query string plain (`?q=ngoc&page=2`) instead of the router's JSON encoding: every
// value arrives as a string and each route's zod schema coerces it. Bad values are dropped, not fatal.

export function parseSearch(searchStr: string): Record<string, string> {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Optional positive integer (ids, page numbers); anything else is dropped. */
export const searchId = z.coerce.number().int().positive().optional().catch(undefined);

/** Optional boolean written as `true`/`false` in the URL. */
export const searchBool = z
  .preprocess((value) => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined), z.boolean().optional())
  .catch(undefined);

/** Optional free text, trimmed, empty → absent. */
export function searchText(max: number) {
  return z
    .preprocess((value) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined), z.string().max(max).optional())
    .catch(undefined);
}

/** Optional member of a closed set. */
export function searchEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).optional().catch(undefined);
}

export const searchIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Only same-site paths may be used as a post-login destination (no open redirects). */
export function safeRedirect(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (target.startsWith('/dang-nhap')) return fallback;
  return target;
}

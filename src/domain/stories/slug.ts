// The URL words of a story's title: `/cong-khai/DMC/guong-dien-hinh/<slug>`. Vietnamese letters are
// folded to ASCII (đ → d, diacritics dropped), everything else separates words.

export const SLUG_MAX = 80;
/** Used when a title has no letter or digit at all. */
export const SLUG_FALLBACK = 'bai-viet';
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugify(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) {
      // A single word longer than the limit is cut; otherwise stop at the last whole word.
      if (!slug) slug = w.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug || SLUG_FALLBACK;
}

/** The n-th candidate for a taken slug: "x", "x-2", "x-3", … (still within the limit). */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

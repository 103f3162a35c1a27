// One tagged template for every page of the public site: each interpolated value is escaped unless
// it is itself the result of `html` (or `raw`, kept for the few fixed strings built here). Arrays are
// joined; null, undefined and false print nothing. Bidirectional overrides and isolates are removed
// from text so that a sender cannot reorder what a reader sees around their words.

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

/** Markup written in this module (never text from a request or the database). */
export const raw = (markup: string): SafeHtml => safe(markup);

const isSafe = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && SAFE in v;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (isSafe(part)) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return safe(out);
}

/** Plain text with blank-line paragraphs and single line breaks, as escaped `<p>` elements. */
export function paragraphs(text: string): SafeHtml {
  const paras = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return html`${paras.map((p) => html`<p>${p.split('\n').map((line, i) => html`${i > 0 ? raw('<br>') : ''}${line}`)}</p>`)}`;
}

/** Escapes text for XML (RSS): the same characters, without the HTML-only ones. */
export function escapeXml(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\ud800-\udfff\ufffe\uffff]/gu, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Numbering of a plan's headings as official documents write them (Nghị định 30/2020, Phụ lục I):
// sections "I.", "II.", … in Roman numerals, and within each section "1.", "2.", … restarting at
// every section. The editor keeps heading texts without their number and numbers them on save, so
// moving or inserting a section never leaves a wrong or duplicated number.
import type { PlanBlock, PlanBlockKind } from '../../contracts/plans';

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV", 14 → "XIV" (n ≥ 1). */
export function toRoman(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

const ROMAN_PREFIX = /^[IVXLCDM]+\s*[.)]\s*/;
const ARABIC_PREFIX = /^\d{1,3}\s*[.)]\s*/;

/** The heading's own words, without a number typed or pasted in front ("I. MỤC ĐÍCH" → "MỤC ĐÍCH"). */
export function stripHeadingNumber(kind: PlanBlockKind, text: string): string {
  const t = text.trim();
  if (kind === 'HEADING_1') return t.replace(ROMAN_PREFIX, '').trim() || t;
  if (kind === 'HEADING_2') return t.replace(ARABIC_PREFIX, '').trim() || t;
  return t;
}

/** The number each heading gets in order ("I.", "1.", …); null for other blocks. */
export function headingNumbers(kinds: readonly PlanBlockKind[]): (string | null)[] {
  let section = 0;
  let sub = 0;
  return kinds.map((kind) => {
    if (kind === 'HEADING_1') {
      section++;
      sub = 0;
      return `${toRoman(section)}.`;
    }
    if (kind === 'HEADING_2') {
      sub++;
      return `${sub}.`;
    }
    return null;
  });
}

/** Blocks as stored and printed: each heading's text prefixed with its number. */
export function numberHeadings(blocks: readonly PlanBlock[]): PlanBlock[] {
  const numbers = headingNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => {
    const n = numbers[i];
    return n ? { kind: b.kind, text: `${n} ${stripHeadingNumber(b.kind, b.text)}` } : { kind: b.kind, text: b.text.trim() };
  });
}

/** Blocks as the editor shows them: headings without their number. */
export function unnumberHeadings(blocks: readonly PlanBlock[]): PlanBlock[] {
  return blocks.map((b) => ({ kind: b.kind, text: stripHeadingNumber(b.kind, b.text) }));
}

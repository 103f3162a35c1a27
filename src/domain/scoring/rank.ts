// Ranking within a cluster or any group (xếp hạng). Higher total first; ties are broken by rules
// declared before scoring, in order; units still tied after every rule share a rank ("1, 2, 2, 4").
import { msg, type ScoringMessage } from './messages';
import type { SheetResult } from './score';

/**
 * Tie-break rules, applied in the declared order:
 * - `SECTION_TOTAL:<code>`: higher total of that section first (e.g. the representation group);
 * - `REGULAR_TOTAL`: higher total of the REGULAR sections first (merit before bonus);
 * - `BONUS_LOWER`: lower bonus first (same idea, stated on the bonus);
 * - `FEWER_DEDUCTIONS`: lower deduction total first;
 * - `NAME`: alphabetical by name in Vietnamese collation (a last resort that makes ranks unique).
 */
export type TieBreak = `SECTION_TOTAL:${string}` | 'REGULAR_TOTAL' | 'BONUS_LOWER' | 'FEWER_DEDUCTIONS' | 'NAME';

export interface RankItem {
  id: string;
  name: string;
  total: number;
  regularTotal: number;
  bonusTotal: number;
  deductionTotal: number;
  sectionTotals: Readonly<Record<string, number>>;
}

export interface RankedEntry {
  id: string;
  /** 1-based; shared only when every tie-break is exhausted. */
  position: number;
  /** Index in the input (fully tied items keep their input order). */
  inputIndex: number;
}

/** Why the item above ranks before the item below: the total, a tie-break rule, or null = tied. */
export interface RankDecision {
  above: string;
  below: string;
  decidedBy: 'TOTAL' | TieBreak | null;
}

export interface Ranking {
  entries: RankedEntry[];
  decisions: RankDecision[];
}

/** A ranking item from a scored sheet. */
export function rankItemFromSheet(id: string, name: string, s: SheetResult): RankItem {
  const sectionTotals: Record<string, number> = {};
  for (const sec of s.sections) sectionTotals[sec.code] = sec.points;
  return { id, name, total: s.total, regularTotal: s.regularTotal, bonusTotal: s.bonusTotal, deductionTotal: s.deductionTotal, sectionTotals };
}

/** Problems with a declared tie-break list: repeated rules, sections the template does not have. */
export function validateTieBreaks(tieBreaks: readonly TieBreak[], sectionCodes?: readonly string[]): ScoringMessage[] {
  const out: ScoringMessage[] = [];
  const seen = new Set<string>();
  for (const tb of tieBreaks) {
    if (seen.has(tb)) out.push(msg('scoring.rank.duplicateTieBreak', { rule: tb }));
    seen.add(tb);
    if (tb.startsWith('SECTION_TOTAL:') && sectionCodes && !sectionCodes.includes(tb.slice(14))) out.push(msg('scoring.rank.unknownSection', { section: tb.slice(14) }));
  }
  return out;
}

/** Problems with the items themselves: the same id twice. */
export function validateRankItems(items: readonly Pick<RankItem, 'id'>[]): ScoringMessage[] {
  const seen = new Set<string>();
  const out: ScoringMessage[] = [];
  for (const i of items) {
    if (seen.has(i.id)) out.push(msg('scoring.rank.duplicateItem', { id: i.id }));
    seen.add(i.id);
  }
  return out;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
const units = (x: number | undefined) => Math.round((x ?? 0) * 100);

type Key = { item: RankItem; index: number; total: number; keys: number[] };
type Comparator = (a: Key, b: Key) => number;

function comparatorFor(tb: TieBreak, slot: number): Comparator {
  if (tb === 'NAME') return (a, b) => collator.compare(a.item.name, b.item.name);
  return (a, b) => a.keys[slot]! - b.keys[slot]!;
}

function keyOf(item: RankItem, tb: TieBreak): number {
  if (tb === 'REGULAR_TOTAL') return -units(item.regularTotal);
  if (tb === 'BONUS_LOWER') return units(item.bonusTotal);
  if (tb === 'FEWER_DEDUCTIONS') return units(item.deductionTotal);
  if (tb.startsWith('SECTION_TOTAL:')) return -units(item.sectionTotals[tb.slice(14)]);
  return 0; // NAME compares strings
}

/** Rank items; totals compare in hundredths so 0.1 + 0.2 and 0.3 tie. */
export function rank(items: readonly RankItem[], tieBreaks: readonly TieBreak[] = []): Ranking {
  const keyed: Key[] = items.map((item, index) => ({ item, index, total: units(item.total), keys: tieBreaks.map((tb) => keyOf(item, tb)) }));
  const comparators = tieBreaks.map(comparatorFor);
  // Which rule separates a from b: -1 = total, i = tieBreaks[i], null = fully tied.
  const decide = (a: Key, b: Key): { rule: number | null; order: number } => {
    if (a.total !== b.total) return { rule: -1, order: b.total - a.total };
    for (let i = 0; i < comparators.length; i++) {
      const c = comparators[i]!(a, b);
      if (c !== 0) return { rule: i, order: c };
    }
    return { rule: null, order: 0 };
  };
  keyed.sort((a, b) => decide(a, b).order || a.index - b.index);

  const entries: RankedEntry[] = [];
  const decisions: RankDecision[] = [];
  for (let i = 0; i < keyed.length; i++) {
    const k = keyed[i]!;
    if (i === 0) {
      entries.push({ id: k.item.id, position: 1, inputIndex: k.index });
      continue;
    }
    const prev = keyed[i - 1]!;
    const { rule } = decide(prev, k);
    entries.push({ id: k.item.id, position: rule === null ? entries[i - 1]!.position : i + 1, inputIndex: k.index });
    decisions.push({ above: prev.item.id, below: k.item.id, decidedBy: rule === null ? null : rule === -1 ? 'TOTAL' : tieBreaks[rule]! });
  }
  return { entries, decisions };
}

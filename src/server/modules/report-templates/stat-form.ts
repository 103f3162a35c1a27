// The arithmetic of a statistical form: a layout (rows of selectors × columns of measures) over the
// dashboard figures of an organisation and year gives a grid of numbers (null where a measure does
// not apply to a row). Pure: the preview, the XLSX file and the tests all read the same grid.
import type { DashboardDto } from '../../../contracts/dashboard';
import { ADDITIVE_MEASURES, type StatFormLayout, type StatGrid, type StatGridRow, type StatMeasure, type StatSelector } from '../../../contracts/report-templates';
import type { STAT_FORM_PLACEHOLDERS } from '../../../contracts/report-templates';

export interface CatalogueEntry {
  code: string;
  level: string;
  category: string;
}

export type Placeholders = Record<(typeof STAT_FORM_PLACEHOLDERS)[number], string>;

/** Replaces {orgName}, {year} and {previousYear}; unknown placeholders are refused when a layout is saved. */
export const fillPlaceholders = (s: string, p: Placeholders) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? p[k as keyof Placeholders] : m));

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}
/** a, b, … z, aa, ab … */
export function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** Row numbers by depth: I, II at depth 0; 1, 2 at depth 1; a, b at depth 2; deeper counters restart under a shallower row. */
export function numberRows(rows: readonly { depth: number; numbered: boolean }[]): (string | null)[] {
  const counters = [0, 0, 0];
  return rows.map((r) => {
    for (let d = r.depth + 1; d < counters.length; d++) counters[d] = 0;
    if (!r.numbered) return null;
    const n = ++counters[r.depth]!;
    return r.depth === 0 ? roman(n) : r.depth === 1 ? String(n) : letters(n);
  });
}

/** The award catalogue the figures need: the DTO's own items carry their level and category. */
export const catalogueOf = (figures: DashboardDto): CatalogueEntry[] => figures.awards.items.map(({ code, level, category }) => ({ code, level, category }));

function leafValue(sel: StatSelector, m: StatMeasure, f: DashboardDto, catalogue: ReadonlyMap<string, CatalogueEntry>): number | null {
  switch (sel.kind) {
    case 'AWARD':
    case 'AWARDS': {
      const items = f.awards.items.filter((i) => {
        if (sel.kind === 'AWARD') return i.code === sel.code;
        const c = catalogue.get(i.code) ?? i;
        return (sel.level === null || c.level === sel.level) && (sel.category === null || c.category === sel.category);
      });
      const ind = items.reduce((a, i) => a + i.individuals, 0);
      const col = items.reduce((a, i) => a + i.collectives, 0);
      return m === 'INDIVIDUALS' ? ind : m === 'COLLECTIVES' ? col : m === 'TOTAL' ? ind + col : null;
    }
    case 'SHARE': {
      const s = f.shares.find((x) => x.key === sel.share);
      if (!s) return null;
      const byMeasure: Partial<Record<StatMeasure, number | null>> = {
        NUMERATOR: s.current.numerator, DENOMINATOR: s.current.denominator, PERCENT: s.current.percent,
        PREVIOUS_NUMERATOR: s.previous.numerator, PREVIOUS_DENOMINATOR: s.previous.denominator, PREVIOUS_PERCENT: s.previous.percent,
        CHANGE_POINTS: s.changePoints, TARGET: s.target,
      };
      return byMeasure[m] ?? null;
    }
    case 'FUNNEL': {
      const s = f.funnel.find((x) => x.stage === sel.stage);
      if (!s) return null;
      const byMeasure: Partial<Record<StatMeasure, number | null>> = { INDIVIDUALS: s.individuals, COLLECTIVES: s.collectives, TOTAL: s.total, PERCENT: s.percentOfPrevious };
      return byMeasure[m] ?? null;
    }
    case 'STREAK': {
      const ind = f.streaks.counts.find((c) => c.years === sel.years)?.count ?? 0;
      const col = f.streaks.unitCounts.find((c) => c.years === sel.years)?.count ?? 0;
      return m === 'INDIVIDUALS' ? ind : m === 'COLLECTIVES' ? col : m === 'TOTAL' ? ind + col : null;
    }
    default:
      return null;
  }
}

/**
 * The grid of a layout over the figures. A SUM row adds its parts' cells for the additive measures
 * (blank parts count nothing; all parts blank gives blank) and leaves per cents and targets blank.
 * The layout is assumed valid (unique keys, no cycle: see layoutProblems).
 */
export function evaluateStatForm(layout: StatFormLayout, figures: DashboardDto, catalogue: readonly CatalogueEntry[], placeholders?: Placeholders): StatGrid {
  const p: Placeholders = placeholders ?? { orgName: figures.org.name, year: String(figures.year), previousYear: String(figures.year - 1) };
  const types = new Map(catalogue.map((c) => [c.code, c]));
  const index = new Map(layout.rows.map((r, i) => [r.key, i]));
  const memo = new Map<number, (number | null)[]>();
  const cellsOf = (i: number): (number | null)[] => {
    const hit = memo.get(i);
    if (hit) return hit;
    const sel = layout.rows[i]!.selector;
    const cells = layout.columns.map((c, ci) => {
      if (sel.kind !== 'SUM') return leafValue(sel, c.measure, figures, types);
      if (!ADDITIVE_MEASURES.includes(c.measure)) return null;
      const parts = sel.rows.map((k) => cellsOf(index.get(k)!)[ci] ?? null).filter((v): v is number => v !== null);
      return parts.length === 0 ? null : parts.reduce((a, v) => a + v, 0);
    });
    memo.set(i, cells);
    return cells;
  };
  const numbers = numberRows(layout.rows);
  const rows: StatGridRow[] = layout.rows.map((r, i) => ({
    key: r.key,
    number: numbers[i]!,
    label: fillPlaceholders(r.label, p),
    depth: r.depth,
    bold: r.bold,
    kind: r.selector.kind,
    cells: cellsOf(i),
    sumOf: r.selector.kind === 'SUM' ? r.selector.rows.map((k) => index.get(k)!) : null,
  }));
  return {
    unitLine: fillPlaceholders(layout.unitLine, p),
    formCode: layout.formCode,
    titleLines: layout.titleLines.map((l) => fillPlaceholders(l, p)),
    labelHeader: layout.labelHeader,
    columns: layout.columns,
    rows,
    notes: layout.notes.map((l) => fillPlaceholders(l, p)),
    signers: layout.signers,
  };
}

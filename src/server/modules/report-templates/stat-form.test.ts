import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { FUNNEL_STAGES, SHARE_KEYS, type DashboardDto } from '../../../contracts/dashboard';
import { AWARD_CATEGORIES, AWARD_LEVELS } from '../../../contracts/enums';
import { layoutProblems, statFormLayout, type StatFormLayoutInput } from '../../../contracts/report-templates';
import { catalogueOf, evaluateStatForm, letters, numberRows, roman } from './stat-form';
import { renderStatFormXlsx } from './stat-form-xlsx';
import { resultsLayout, sharesLayout } from './builtins';

type Item = DashboardDto['awards']['items'][number];

function dto(items: Item[], year = 2025): DashboardDto {
  const share = (key: (typeof SHARE_KEYS)[number], i: number) => ({
    key, label: key, current: { numerator: i + 1, denominator: 10, percent: (i + 1) * 10 }, previous: { numerator: i, denominator: 8, percent: i * 12.5 },
    changePoints: 10 - 2.5 * i, target: 30 + i, targetIsDefault: true, meetsTarget: false,
  });
  return {
    org: { id: 1, code: 'DMC', name: 'Liên đoàn Lao động huyện DMC' },
    year,
    awards: {
      items,
      totals: { individuals: items.reduce((a, x) => a + x.individuals, 0), collectives: items.reduce((a, x) => a + x.collectives, 0) },
    },
    shares: SHARE_KEYS.map(share),
    streaks: { counts: [{ years: 2, count: 5 }, { years: 3, count: 2 }], top: [], unitCounts: [{ years: 2, count: 1 }, { years: 3, count: 0 }], unitTop: [] },
    funnel: FUNNEL_STAGES.map((stage, i) => ({ stage, label: stage, individuals: 10 - i, collectives: 5 - i, total: 15 - 2 * i, percentOfPrevious: i === 0 ? null : 90 })),
    overdue: { today: '2025-12-31', kinds: [], levels: [], total: 0 },
  };
}

const item = (code: string, level: string, category: string, individuals: number, collectives: number): Item => ({
  code, nameVi: code, nameEn: code, category, level, levelLabel: level, individuals, collectives,
});

const base: StatFormLayoutInput = {
  formCode: 'Biểu số 01/TĐKT',
  unitLine: '{orgName}',
  titleLines: ['KẾT QUẢ KHEN THƯỞNG NĂM {year}', 'So với năm {previousYear}'],
  labelHeader: 'Nội dung',
  columns: [{ label: 'Cá nhân', measure: 'INDIVIDUALS' }, { label: 'Tập thể', measure: 'COLLECTIVES' }, { label: 'Tỷ lệ', measure: 'PERCENT' }],
  rows: [
    { key: 'ALL', label: 'Tổng số', depth: 0, numbered: false, bold: true, selector: { kind: 'SUM', rows: ['CS', 'TINH'] } },
    { key: 'CS', label: 'Cấp cơ sở', depth: 0, numbered: true, bold: true, selector: { kind: 'AWARDS', level: 'GRASSROOTS', category: null } },
    { key: 'LDTT', label: 'Lao động tiên tiến', depth: 1, numbered: true, bold: false, selector: { kind: 'AWARD', code: 'LDTT' } },
    { key: 'CS_FORM', label: 'Giấy khen', depth: 1, numbered: true, bold: false, selector: { kind: 'AWARDS', level: 'GRASSROOTS', category: 'FORM' } },
    { key: 'TINH', label: 'Cấp tỉnh', depth: 0, numbered: true, bold: true, selector: { kind: 'AWARDS', level: 'PROVINCE', category: null } },
    { key: 'W', label: 'Nữ', depth: 2, numbered: true, bold: false, selector: { kind: 'SHARE', share: 'WOMEN' } },
    { key: 'F', label: 'Có quyết định', depth: 2, numbered: true, bold: false, selector: { kind: 'FUNNEL', stage: 'DECIDED' } },
    { key: 'S', label: 'Hai năm liền', depth: 1, numbered: true, bold: false, selector: { kind: 'STREAK', years: 2 } },
  ],
  notes: ['Ghi chú của {orgName}'],
  signers: ['Người lập biểu', 'Thủ trưởng đơn vị'],
};

const figures = dto([
  item('LDTT', 'GRASSROOTS', 'TITLE', 7, 0),
  item('GK_CS', 'GRASSROOTS', 'FORM', 3, 2),
  item('BK_TINH', 'PROVINCE', 'FORM', 1, 4),
]);

describe('numbering', () => {
  it('writes I, 1, a and restarts deeper counters under a shallower row', () => {
    expect(roman(4)).toBe('IV');
    expect(roman(14)).toBe('XIV');
    expect(letters(1)).toBe('a');
    expect(letters(27)).toBe('aa');
    expect(numberRows([{ depth: 0, numbered: false }, { depth: 0, numbered: true }, { depth: 1, numbered: true }, { depth: 2, numbered: true }, { depth: 2, numbered: true }, { depth: 1, numbered: true }, { depth: 2, numbered: true }, { depth: 0, numbered: true }, { depth: 1, numbered: true }]))
      .toEqual([null, 'I', '1', 'a', 'b', '2', 'a', 'II', '1']);
  });
});

describe('evaluateStatForm', () => {
  const layout = statFormLayout.parse(base);
  const grid = evaluateStatForm(layout, figures, catalogueOf(figures));
  const row = (key: string) => grid.rows.find((r) => r.key === key)!;

  it('fills each selector with its measures and leaves the others blank', () => {
    expect(grid.titleLines).toEqual(['KẾT QUẢ KHEN THƯỞNG NĂM 2025', 'So với năm 2024']);
    expect(grid.unitLine).toBe('Liên đoàn Lao động huyện DMC');
    expect(row('CS').cells).toEqual([10, 2, null]);
    expect(row('LDTT').cells).toEqual([7, 0, null]);
    expect(row('CS_FORM').cells).toEqual([3, 2, null]);
    expect(row('TINH').cells).toEqual([1, 4, null]);
    expect(row('ALL').cells).toEqual([11, 6, null]);
    expect(row('ALL').sumOf).toEqual([1, 4]);
    expect(row('W').cells).toEqual([null, null, 30]);
    expect(row('F').cells).toEqual([6, 1, 90]);
    expect(row('S').cells).toEqual([5, 1, null]);
    expect(grid.rows.map((r) => r.number)).toEqual([null, 'I', '1', '2', 'II', 'a', 'b', '1']);
  });

  it('refuses duplicate keys, totals of unknown rows and cycles of totals, per row', () => {
    const dup = statFormLayout.safeParse({ ...base, rows: [...base.rows, { ...base.rows[2]! }] });
    expect(dup.success).toBe(false);
    expect(dup.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['rows.8.key', 'reportTemplates.layout.duplicateKey']);
    const sum = (key: string, rows: string[]) => ({ key, label: key, depth: 0, numbered: true, bold: false, selector: { kind: 'SUM' as const, rows } });
    expect(layoutProblems([sum('A', ['B']), sum('B', ['A'])]).map((p) => p.message)).toEqual(['reportTemplates.layout.cycle', 'reportTemplates.layout.cycle']);
    expect(layoutProblems([sum('A', ['Z'])])).toEqual([{ index: 0, field: 'selector.rows', message: 'reportTemplates.layout.unknownRow' }]);
    const ph = statFormLayout.safeParse({ ...base, titleLines: ['Năm {nam}'] });
    expect(ph.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['titleLines.0', 'reportTemplates.layout.unknownPlaceholder']]);
  });

  const itemsArb = fc
    .uniqueArray(
      fc.record({
        code: fc.stringMatching(/^[A-Z]{2,6}$/),
        level: fc.constantFrom(...AWARD_LEVELS),
        category: fc.constantFrom(...AWARD_CATEGORIES),
        individuals: fc.nat(500),
        collectives: fc.nat(50),
      }),
      { selector: (x) => x.code, maxLength: 25 },
    )
    .map((xs) => xs.map((x) => item(x.code, x.level, x.category, x.individuals, x.collectives)));

  it('counts every award of the figures in exactly one level row of the built-in, and its total equals the DTO totals (property)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const f = dto(items);
        const catalogue = items.map((i) => ({ code: i.code, name_vi: i.nameVi, level: i.level, sort_order: 0 }));
        const g = evaluateStatForm(resultsLayout(catalogue), f, catalogueOf(f));
        const levelRows = g.rows.filter((r) => r.key.startsWith('L_'));
        const total = g.rows.find((r) => r.key === 'TONG')!;
        expect(total.cells).toEqual([f.awards.totals.individuals, f.awards.totals.collectives, f.awards.totals.individuals + f.awards.totals.collectives]);
        for (const i of items) {
          const hits = levelRows.filter((r) => r.key === `L_${i.level}`);
          expect(hits).toHaveLength(1);
        }
        // Level rows equal the sum of their award rows.
        for (const lr of levelRows) {
          const codes = g.rows.filter((r) => r.kind === 'AWARD' && items.find((x) => x.code === r.key)?.level === lr.key.slice(2));
          expect(lr.cells[0]).toBe(codes.reduce((a, r) => a + r.cells[0]!, 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a total row equals the sum of its parts for every additive column (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.subarray(['CS', 'LDTT', 'CS_FORM', 'TINH', 'F', 'S'], { minLength: 1 }), (items, parts) => {
        const layout2 = statFormLayout.parse({ ...base, rows: [...base.rows, { key: 'X', label: 'Cộng', depth: 0, numbered: false, bold: true, selector: { kind: 'SUM', rows: parts } }] });
        const f = dto(items);
        const g = evaluateStatForm(layout2, f, catalogueOf(f));
        const x = g.rows.find((r) => r.key === 'X')!;
        for (const ci of [0, 1]) expect(x.cells[ci]).toBe(parts.reduce((a, k) => a + (g.rows.find((r) => r.key === k)!.cells[ci] ?? 0), 0));
        expect(x.cells[2]).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});

describe('renderStatFormXlsx', () => {
  it('writes numbers as numbers, totals as SUM formulas with cached values, A4 and a frozen header', async () => {
    const buf = await renderStatFormXlsx(statFormLayout.parse(base), figures, { orgName: 'LĐLĐ huyện DMC', year: 2025, asOf: '2025-12-31T10:00:00Z', locale: 'vi' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    const rows: Record<string, ExcelJS.Row> = {};
    ws.eachRow((r) => {
      const label = r.getCell(2).value;
      if (typeof label === 'string') rows[label] = r;
    });
    expect(rows['Cấp cơ sở']!.getCell(3).value).toBe(10);
    expect(rows['Cấp tỉnh']!.getCell(4).value).toBe(4);
    const total = rows['Tổng số']!.getCell(3).value as { formula: string; result: number };
    expect(total.result).toBe(11);
    expect(total.formula).toMatch(/^SUM\(C\d+,C\d+\)$/);
    expect(rows['Nữ']!.getCell(5).value).toBe(30);
    expect(rows['Nữ']!.getCell(3).value).toBeNull();
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('LĐLĐ huyện DMC');
    expect(texts).toContain('Thủ trưởng đơn vị');
    expect(texts.some((s) => s.includes('31/12/2025 17:00'))).toBe(true);
  });

  it('the built-in share form reads back every share figure', async () => {
    const buf = await renderStatFormXlsx(sharesLayout(), figures, { orgName: 'X', year: 2025, locale: 'vi' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const found: unknown[][] = [];
    ws.eachRow((r) => {
      if (r.getCell(6).value !== null && typeof r.getCell(3).value === 'number') found.push([3, 4, 5, 6, 7, 8].map((c) => r.getCell(c).value));
    });
    expect(found).toEqual(figures.shares.map((s) => [s.current.numerator, s.current.denominator, s.current.percent, s.previous.percent, s.changePoints, s.target]));
  });
});

// Workbooks of the dashboard (issue 10): the records behind one figure (title with the organisation,
// year and figure in words; bold frozen header; widths; numbers and dates typed), and the dashboard
// itself, one sheet per section.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import type { DashboardDto } from '../../../contracts/dashboard';
import type { AwardRecordRow, FigureKind, FunnelRowDto, OverdueRowDto, StreakRowDto } from '../../../contracts/dashboard-drilldown';
import { HEADER_FILL, HEADER_FONT } from '../imports/xlsx/sheet-style';

type Cell = string | number | Date | null;
interface Column<R> {
  header: string;
  width: number;
  value: (r: R) => Cell;
  /** 'date' cells get dd/mm/yyyy, 'int' a whole-number format. */
  type?: 'date' | 'int';
}

/** `yyyy-mm-dd` → a date cell (midnight UTC: Excel shows the same day everywhere). */
const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function columnsOf(locale: Locale, figure: FigureKind): Column<never>[] {
  const h = (key: string) => t(locale, `drilldown.col.${key}`);
  const subjectKind = (s: string) => t(locale, `drilldown.subject.${s}`);
  switch (figure) {
    case 'award':
    case 'share':
      return [
        { header: h('subject'), width: 32, value: (r: AwardRecordRow) => r.subjectName },
        { header: h('subjectCode'), width: 16, value: (r: AwardRecordRow) => r.subjectCode },
        { header: h('subjectKind'), width: 11, value: (r: AwardRecordRow) => subjectKind(r.subject) },
        { header: h('unit'), width: 40, value: (r: AwardRecordRow) => r.unitName },
        { header: h('award'), width: 36, value: (r: AwardRecordRow) => r.awardName },
        { header: h('year'), width: 8, value: (r: AwardRecordRow) => r.year, type: 'int' },
        { header: h('decisionNumber'), width: 18, value: (r: AwardRecordRow) => r.decisionNumber },
        { header: h('decisionDate'), width: 14, value: (r: AwardRecordRow) => day(r.decisionDate), type: 'date' },
        { header: h('source'), width: 28, value: (r: AwardRecordRow) => r.sourceLabel },
      ] as Column<never>[];
    case 'streak':
      return [
        { header: h('subject'), width: 32, value: (r: StreakRowDto) => r.subjectName },
        { header: h('subjectCode'), width: 16, value: (r: StreakRowDto) => r.subjectCode },
        { header: h('unit'), width: 40, value: (r: StreakRowDto) => r.unitName },
        { header: h('years'), width: 14, value: (r: StreakRowDto) => r.years, type: 'int' },
        { header: h('fromYear'), width: 10, value: (r: StreakRowDto) => r.fromYear, type: 'int' },
      ] as Column<never>[];
    case 'funnel':
      return [
        { header: h('kind'), width: 22, value: (r: FunnelRowDto) => t(locale, `drilldown.kind.${r.kind}`) },
        { header: h('subject'), width: 32, value: (r: FunnelRowDto) => r.subjectName },
        { header: h('subjectCode'), width: 16, value: (r: FunnelRowDto) => r.subjectCode },
        { header: h('unit'), width: 40, value: (r: FunnelRowDto) => r.unitName },
        { header: h('award'), width: 36, value: (r: FunnelRowDto) => r.awardName },
        { header: h('status'), width: 26, value: (r: FunnelRowDto) => r.statusLabel },
        { header: h('date'), width: 14, value: (r: FunnelRowDto) => day(r.date), type: 'date' },
      ] as Column<never>[];
    case 'overdue':
      return [
        { header: h('title'), width: 50, value: (r: OverdueRowDto) => r.title },
        { header: h('org'), width: 40, value: (r: OverdueRowDto) => r.orgName },
        { header: h('level'), width: 26, value: (r: OverdueRowDto) => r.levelLabel },
        { header: h('dueOn'), width: 14, value: (r: OverdueRowDto) => day(r.dueOn), type: 'date' },
        { header: h('daysOverdue'), width: 14, value: (r: OverdueRowDto) => r.daysOverdue, type: 'int' },
        { header: h('link'), width: 30, value: (r: OverdueRowDto) => r.link },
      ] as Column<never>[];
  }
}

function header(ws: Worksheet, rowNo: number, headers: string[]) {
  const row = ws.getRow(rowNo);
  headers.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** Title, scope and date lines above a table whose header is on row 4 (frozen). */
function sheetWithTitle(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, name: string, lines: string[]) {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 4 }] });
  lines.forEach((text, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
    else cell.font = { italic: true, color: { argb: 'FF4B5563' } };
  });
  return ws;
}

export interface RecordsWorkbook {
  title: string;
  orgName: string;
  year: number;
  today: string;
  figure: FigureKind;
  rows: readonly object[];
  locale: Locale;
}

/**
 * The records of one figure: STT, then the figure's columns. Streamed (ExcelJS's workbook writer,
 * inline strings, each row committed as written): a long list never sits in memory as a workbook.
 */
export async function writeRecordsWorkbook(out: Writable, m: RecordsWorkbook): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Vinh Danh';
  const cols = columnsOf(m.locale, m.figure) as Column<object>[];
  const ws = sheetWithTitle(wb, t(m.locale, 'drilldown.export.sheet'), [
    m.title,
    t(m.locale, 'drilldown.export.scope', { org: m.orgName, year: m.year }),
    t(m.locale, 'drilldown.export.asOf', { date: vnDate(m.today) }),
  ]);
  const format = (c: Column<object>) => (c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.type === 'int' ? { numFmt: '0' } : {});
  ws.columns = [{ width: 6 }, ...cols.map((c) => ({ width: c.width, style: format(c) }))];
  header(ws, 4, [t(m.locale, 'drilldown.col.no'), ...cols.map((c) => c.header)]);
  m.rows.forEach((r, i) => ws.addRow([i + 1, ...cols.map((c) => c.value(r))]).commit());
  ws.commit();
  await wb.commit();
}

/** The dashboard as a workbook: awards, shares, streaks, funnel, overdue — one sheet each. */
export async function dashboardWorkbook(d: DashboardDto, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  const x = (key: string, params?: Record<string, string | number>) => t(locale, `dashboardXlsx.${key}`, params);
  const lines = (sheet: string) => [`${x(`sheet.${sheet}`)} – ${x('title', { year: d.year, org: d.org.name })}`, t(locale, 'drilldown.export.asOf', { date: vnDate(d.overdue.today) })];
  const table = (sheet: string, headers: string[], widths: number[], rows: Cell[][]) => {
    const ws = sheetWithTitle(wb, x(`sheet.${sheet}`), lines(sheet));
    ws.columns = widths.map((width) => ({ width }));
    header(ws, 4, headers);
    for (const r of rows) ws.addRow(r);
    return ws;
  };

  const name = (a: DashboardDto['awards']['items'][number]) => (locale === 'en' ? a.nameEn : a.nameVi);
  const awards = table(
    'awards',
    [t(locale, 'drilldown.col.award'), x('col.level'), x('col.individuals'), x('col.collectives'), x('col.total')],
    [40, 26, 12, 12, 12],
    [
      ...d.awards.items.map((a) => [name(a), a.levelLabel, a.individuals, a.collectives, a.individuals + a.collectives]),
      [x('totalRow'), null, d.awards.totals.individuals, d.awards.totals.collectives, d.awards.totals.individuals + d.awards.totals.collectives],
    ],
  );
  awards.lastRow!.font = { bold: true };

  table(
    'shares',
    [x('col.share'), x('col.numerator', { year: d.year }), x('col.denominator', { year: d.year }), x('col.percent', { year: d.year }),
      x('col.numerator', { year: d.year - 1 }), x('col.denominator', { year: d.year - 1 }), x('col.percent', { year: d.year - 1 }),
      x('col.change'), x('col.target'), x('col.met')],
    [44, 12, 12, 12, 12, 12, 12, 14, 12, 20],
    d.shares.map((s) => [
      s.label, s.current.numerator, s.current.denominator, s.current.percent, s.previous.numerator, s.previous.denominator, s.previous.percent,
      s.changePoints, s.target, x(`met.${String(s.meetsTarget)}`),
    ]),
  );

  table(
    'streaks',
    [x('col.streakKind'), x('col.atLeast'), x('col.count')],
    [20, 20, 12],
    [
      ...d.streaks.counts.map((c) => [x('person'), c.years, c.count]),
      ...d.streaks.unitCounts.map((c) => [x('unit'), c.years, c.count]),
    ],
  );

  table(
    'funnel',
    [x('col.stage'), x('col.individuals'), x('col.collectives'), x('col.total'), x('col.percentOfPrevious')],
    [44, 12, 12, 12, 20],
    d.funnel.map((f) => [f.label, f.individuals, f.collectives, f.total, f.percentOfPrevious]),
  );

  table(
    'overdue',
    [x('col.level'), ...d.overdue.kinds.map((k) => k.label), x('col.total')],
    [28, ...d.overdue.kinds.map(() => 18), 12],
    [
      ...d.overdue.levels.map((l) => [l.label, ...d.overdue.kinds.map((k) => l.counts[k.kind]), l.total]),
      [x('totalRow'), ...d.overdue.kinds.map((k) => d.overdue.levels.reduce((a, l) => a + l.counts[k.kind], 0)), d.overdue.total],
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The annual commendation summary (báo cáo tổng kết công tác thi đua – khen thưởng năm Y) as a Word
// document laid out per Nghị định 30/2020 (the header, signer block and page set-up of plan-docx),
// drawn entirely from a DashboardDto — live figures or the figures a frozen report stored — so the
// same figures always give the same text. Two charts (awards by title, shares against the target)
// are drawn as SVG and embedded as PNG.
import { AlignmentType, ImageRun, Packer, type Paragraph, type Table } from 'docx';
import type { DashboardDto } from '../../../contracts/dashboard';
import { NARRATIVE_KEYS, type Narrative } from '../../../contracts/reports';
import { t, type MessageKey } from '../../../contracts/messages';
import { AFTER_6PT, body, centred, headerTable, para, PT12, PT14, rule, run, signerTable, TEXT_WIDTH } from '../plans/plan-docx';
import { borderedTable, officialDocument, unnumberedHeader } from '../nominations/documents/achievement-report-docx';
import { renderChartPng, type BarChart, type ChartImage } from './charts';

export interface AnnualSummaryModel {
  figures: DashboardDto;
  org: { name: string; parentName: string | null; abbreviation: string; place: string };
  /** The day printed in the date line (yyyy-mm-dd). */
  date: string;
  /** For a frozen report: the moment the figures stood at (ISO), printed under the title. */
  frozenAt: string | null;
  narrative: Partial<Narrative>;
  signer: { position?: string | undefined; name?: string | undefined };
}

const m = (key: string, params?: Record<string, string | number>) => t('vi', key as MessageKey, params);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** 58.3 → "58,3"; integers without decimals. */
export const vnNumber = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('vi-VN') : n.toFixed(1).replace('.', ','));
export const vnPercent = (p: number | null): string => (p === null ? m('reports.doc.noData') : `${vnNumber(p)}%`);
export const vnChange = (c: number | null): string => (c === null ? '–' : c > 0 ? `+${vnNumber(c)}` : c < 0 ? `−${vnNumber(-c)}` : '0');

/** The met/not met verdict of a share, in words. */
export const verdict = (meets: boolean | null): string => (meets === null ? m('reports.doc.noData') : meets ? m('reports.doc.met') : m('reports.doc.notMet'));

/** Vietnam's wall clock of an ISO moment: { date: 'yyyy-mm-dd', time: 'HH:mm' }. */
export function vietnamClock(iso: string): { date: string; time: string } {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return { date: d.slice(0, 10), time: d.slice(11, 16) };
}

// ── The tables (exported: the tests and the web read the same cells) ──────────────────────────────

export function awardRows(f: DashboardDto): string[][] {
  const rows = f.awards.items.map((a, i) => [String(i + 1), a.nameVi, a.levelLabel, vnNumber(a.individuals), vnNumber(a.collectives), vnNumber(a.individuals + a.collectives)]);
  const tot = f.awards.totals;
  rows.push(['', m('reports.doc.totalRow'), '', vnNumber(tot.individuals), vnNumber(tot.collectives), vnNumber(tot.individuals + tot.collectives)]);
  return rows;
}

export function shareRows(f: DashboardDto): string[][] {
  const value = (s: DashboardDto['shares'][number]['current']) =>
    s.percent === null ? m('reports.doc.noData') : m('reports.doc.shareValue', { percent: vnNumber(s.percent), numerator: s.numerator, denominator: s.denominator });
  return f.shares.map((s) => [s.label, value(s.current), value(s.previous), vnChange(s.changePoints), `${vnNumber(s.target)}${s.targetIsDefault ? ' (*)' : ''}`, verdict(s.meetsTarget)]);
}

export function funnelRows(f: DashboardDto): string[][] {
  return f.funnel.map((s) => [s.label, vnNumber(s.individuals), vnNumber(s.collectives), vnNumber(s.total), s.percentOfPrevious === null ? '–' : `${vnNumber(s.percentOfPrevious)}%`]);
}

// ── Building blocks ───────────────────────────────────────────────────────────────────────────────

const heading = (text: string): Paragraph => body([run(text, { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } });
const paragraphs = (text: string | undefined): Paragraph[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => body([run(p)]));
const note = (text: string): Paragraph => body([run(text, { italics: true, size: PT12 })]);
const L = AlignmentType.LEFT;
const R = AlignmentType.RIGHT;
const C = AlignmentType.CENTER;
const header = (cells: string[]) => cells.map((c) => [c]);
const cells = (rows: string[][]) => rows.map((r) => r.map((c) => [c]));

/** Shown at this width (pixels at 96 dpi ≈ the text width of an A4 page with the decree's margins). */
const IMAGE_WIDTH = 600;

function figure(image: ChartImage, caption: string): Paragraph[] {
  const height = Math.round((IMAGE_WIDTH * image.height) / image.width);
  return [
    para([new ImageRun({ type: 'png', data: image.png, transformation: { width: IMAGE_WIDTH, height }, altText: { name: caption, description: caption, title: caption } })], {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { before: 120, after: 60 },
      keepNext: true,
    }),
    para([run(caption, { italics: true, size: PT12 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 200 } }),
  ];
}

export function awardsChart(f: DashboardDto): BarChart {
  return {
    series: [
      { name: m('reports.doc.col.individuals'), colour: '#1c7ed6' },
      { name: m('reports.doc.col.collectives'), colour: '#f08c00' },
    ],
    groups: f.awards.items.map((a) => ({ label: a.nameVi, values: [a.individuals, a.collectives] })),
    emptyText: m('reports.doc.chart.empty'),
  };
}

export function sharesChart(f: DashboardDto): BarChart {
  return {
    series: [
      { name: m('reports.doc.col.current', { year: f.year }), colour: '#1c7ed6' },
      { name: m('reports.doc.col.previous', { year: f.year - 1 }), colour: '#adb5bd' },
    ],
    groups: f.shares.map((s) => ({ label: s.label, values: [s.current.percent ?? 0, s.previous.percent ?? 0], marker: s.target })),
    max: 100,
    unit: '%',
    markerName: m('reports.doc.chart.legendTarget'),
    emptyText: m('reports.doc.chart.empty'),
  };
}

const AWARD_W = [600, 3671, 1800, 1000, 1000, 1000];
const SHARE_W = [2571, 1600, 1600, 1000, 1000, 1300];
const FUNNEL_W = [3571, 1300, 1300, 1300, 1600];
const PEOPLE_W = [600, 2871, 3000, 1300, 1300];
const UNITS_W = [600, 5871, 1300, 1300];

function streakSection(f: DashboardDto): (Paragraph | Table)[] {
  const s = f.streaks;
  const out: (Paragraph | Table)[] = [];
  const lines = [
    ...s.counts.filter((c) => c.count > 0).map((c) => m('reports.doc.streakCount', { count: vnNumber(c.count), years: c.years })),
    ...s.unitCounts.filter((c) => c.count > 0).map((c) => m('reports.doc.unitStreakCount', { count: vnNumber(c.count), years: c.years })),
  ];
  if (lines.length === 0) return [body([run(m('reports.doc.streaksNone'))])];
  for (const l of lines) out.push(body([run(l)]));
  if (s.top.length > 0) {
    out.push(
      borderedTable(
        [
          header([m('reports.doc.col.no'), m('reports.doc.col.name'), m('reports.doc.col.unit'), m('reports.doc.col.years'), m('reports.doc.col.fromYear')]),
          ...cells(s.top.map((p, i) => [String(i + 1), p.fullName, p.orgName ?? '', String(p.years), String(p.fromYear)])),
        ],
        PEOPLE_W,
        [C, L, L, C, C],
      ),
    );
  }
  if (s.unitTop.length > 0) {
    out.push(para([], { spacing: { before: 0, after: 120 } }));
    out.push(
      borderedTable(
        [
          header([m('reports.doc.col.no'), m('reports.doc.col.unitName'), m('reports.doc.col.years'), m('reports.doc.col.fromYear')]),
          ...cells(s.unitTop.map((u, i) => [String(i + 1), u.name, String(u.years), String(u.fromYear)])),
        ],
        UNITS_W,
        [C, L, C, C],
      ),
    );
  }
  return out;
}

function overdueSection(f: DashboardDto): (Paragraph | Table)[] {
  const o = f.overdue;
  const date = o.today.split('-').reverse().join('/');
  if (o.total === 0) return [body([run(m('reports.doc.overdueNone', { date }))])];
  const kindW = Math.floor((TEXT_WIDTH - 2071 - 1000) / o.kinds.length);
  const widths = [TEXT_WIDTH - 1000 - kindW * o.kinds.length, ...o.kinds.map(() => kindW), 1000];
  return [
    body([run(m('reports.doc.overdueIntro', { date, total: vnNumber(o.total) }))]),
    borderedTable(
      [
        header([m('reports.doc.col.levelName'), ...o.kinds.map((k) => k.label), m('reports.doc.col.total')]),
        ...cells(o.levels.map((l) => [l.label, ...o.kinds.map((k) => vnNumber(l.counts[k.kind] ?? 0)), vnNumber(l.total)])),
      ],
      widths,
      [L, ...o.kinds.map(() => R), R],
    ),
  ];
}

/** The document's paragraphs and tables, in order (charts rendered beforehand). */
export function annualSummaryChildren(doc: AnnualSummaryModel, charts: { awards: ChartImage; shares: ChartImage }): (Paragraph | Table)[] {
  const f = doc.figures;
  const [y, mo, d] = doc.date.split('-');
  const model = {
    ...unnumberedHeader({
      parentOrgName: doc.org.parentName,
      orgName: doc.org.name,
      placeDateLine: m('reports.doc.placeDate', { place: doc.org.place, day: d!, month: mo!, year: y! }),
    }),
    numberLine: `Số:      /${m('reports.doc.docType')}-${doc.org.abbreviation}`,
    signer: { onBehalf: m('reports.doc.signerOnBehalf'), position: doc.signer.position ?? m('reports.doc.signerPosition'), name: doc.signer.name ?? '' },
    recipients: [m('reports.doc.recipientUpper'), m('reports.doc.recipientArchive')],
  };
  const children: (Paragraph | Table)[] = [headerTable(model)];
  children.push(para([run(m('reports.doc.heading'), { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }));
  children.push(centred([run(m('reports.doc.title', { year: f.year }), { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));
  if (doc.frozenAt) {
    const c = vietnamClock(doc.frozenAt);
    children.push(note(m('reports.doc.frozen', { time: c.time, date: c.date.split('-').reverse().join('/') })));
  }
  children.push(body([run(m('reports.doc.intro', { org: f.org.name, year: f.year }))]));

  let n = 0;
  const section = (key: string, params?: Record<string, string | number>) => heading(`${ROMAN[n++]}. ${m(key, params)}`);

  children.push(section('reports.doc.section.awards'));
  const tot = f.awards.totals;
  children.push(
    body([run(tot.individuals + tot.collectives === 0 ? m('reports.doc.awardsNone', { year: f.year }) : m('reports.doc.awardsIntro', { year: f.year, individuals: vnNumber(tot.individuals), collectives: vnNumber(tot.collectives) }))]),
  );
  children.push(
    borderedTable(
      [
        header([m('reports.doc.col.no'), m('reports.doc.col.award'), m('reports.doc.col.level'), m('reports.doc.col.individuals'), m('reports.doc.col.collectives'), m('reports.doc.col.total')]),
        ...cells(awardRows(f)),
      ],
      AWARD_W,
      [C, L, L, R, R, R],
    ),
  );
  children.push(...figure(charts.awards, m('reports.doc.chart.awards', { year: f.year })));

  children.push(section('reports.doc.section.shares'));
  children.push(
    borderedTable(
      [
        header([m('reports.doc.col.share'), m('reports.doc.col.current', { year: f.year }), m('reports.doc.col.previous', { year: f.year - 1 }), m('reports.doc.col.change'), m('reports.doc.col.target'), m('reports.doc.col.result')]),
        ...cells(shareRows(f)),
      ],
      SHARE_W,
      [L, R, R, R, R, C],
    ),
  );
  if (f.shares.some((s) => s.targetIsDefault)) children.push(note(m('reports.doc.defaultTargets')));
  children.push(...figure(charts.shares, m('reports.doc.chart.shares', { year: f.year, previous: f.year - 1 })));

  children.push(section('reports.doc.section.funnel'));
  children.push(
    borderedTable(
      [
        header([m('reports.doc.col.stage'), m('reports.doc.col.individuals'), m('reports.doc.col.collectives'), m('reports.doc.col.total'), m('reports.doc.col.conversion')]),
        ...cells(funnelRows(f)),
      ],
      FUNNEL_W,
      [L, R, R, R, R],
    ),
  );

  children.push(section('reports.doc.section.streaks'));
  children.push(...streakSection(f));

  // Overdue work exists only in live figures: a frozen report does not show it.
  if (doc.frozenAt === null) {
    children.push(section('reports.doc.section.overdue'));
    children.push(...overdueSection(f));
  }

  const titles: Record<(typeof NARRATIVE_KEYS)[number], [string, Record<string, number>?]> = {
    assessment: ['reports.doc.section.assessment'],
    shortcomings: ['reports.doc.section.shortcomings'],
    directions: ['reports.doc.section.directions', { year: f.year + 1 }],
  };
  for (const k of NARRATIVE_KEYS) {
    const text = doc.narrative[k];
    if (!text) continue;
    children.push(section(...titles[k]));
    children.push(...paragraphs(text));
  }

  children.push(para([], { spacing: { before: 0, after: 0 } }));
  children.push(signerTable(model));
  return children;
}

export async function renderAnnualSummaryDocx(doc: AnnualSummaryModel): Promise<Buffer> {
  const [awards, shares] = await Promise.all([renderChartPng(awardsChart(doc.figures)), renderChartPng(sharesChart(doc.figures))]);
  const document = officialDocument(m('reports.doc.title', { year: doc.figures.year }), annualSummaryChildren(doc, { awards, shares }));
  return Packer.toBuffer(document);
}

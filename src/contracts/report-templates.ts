// Statistical forms (biểu mẫu thống kê) as data: the layout an office worker configures when a
// superior changes its form — title lines, the form code, columns (each a measure) and rows (each a
// selector of dashboard figures), numbering by depth (I, 1, a), notes and signers. The same schema
// validates the editor, the API and what is read back from the database.
import { z } from 'zod';
import { abilities, id, reason } from './common';
import { AWARD_CATEGORIES, AWARD_LEVELS } from './enums';
import { FUNNEL_STAGES, SHARE_KEYS, STREAK_LENGTHS } from './dashboard';

/** What still fits on an A4 page and what an editor can handle. */
export const STAT_FORM_LIMITS = {
  titleLines: 4,
  columns: 8,
  rows: 120,
  notes: 6,
  signers: 3,
  sumParts: 60,
  label: 200,
  line: 250,
  formCode: 40,
  key: 24,
  name: 200,
  templateCode: 40,
} as const;

/** Placeholders allowed in the title lines, the unit line and the notes. */
export const STAT_FORM_PLACEHOLDERS = ['orgName', 'year', 'previousYear'] as const;

/**
 * Measures a column can show. INDIVIDUALS/COLLECTIVES/TOTAL apply to award, funnel and streak rows;
 * the share measures (numerator, denominator, per cent, the year before, target, change) to share rows;
 * PERCENT on a funnel row is the share of the stage before that reached it.
 */
export const STAT_MEASURES = [
  'INDIVIDUALS',
  'COLLECTIVES',
  'TOTAL',
  'NUMERATOR',
  'DENOMINATOR',
  'PERCENT',
  'PREVIOUS_NUMERATOR',
  'PREVIOUS_DENOMINATOR',
  'PREVIOUS_PERCENT',
  'CHANGE_POINTS',
  'TARGET',
] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];
/** Measures a subtotal adds up; the others (per cents, targets) are left blank on a total row. */
export const ADDITIVE_MEASURES: readonly StatMeasure[] = ['INDIVIDUALS', 'COLLECTIVES', 'TOTAL', 'NUMERATOR', 'DENOMINATOR', 'PREVIOUS_NUMERATOR', 'PREVIOUS_DENOMINATOR'];
/** Measures shown with one decimal (per cents, points). */
export const DECIMAL_MEASURES: readonly StatMeasure[] = ['PERCENT', 'PREVIOUS_PERCENT', 'CHANGE_POINTS', 'TARGET'];

export const SELECTOR_KINDS = ['HEADING', 'AWARD', 'AWARDS', 'SHARE', 'FUNNEL', 'STREAK', 'SUM'] as const;
export type SelectorKind = (typeof SELECTOR_KINDS)[number];

const placeholderRe = /\{([^}]*)\}/g;
/** Text with only the known placeholders; NFC, trimmed. */
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max))
    .refine((s) => [...s.matchAll(placeholderRe)].every((m) => (STAT_FORM_PLACEHOLDERS as readonly string[]).includes(m[1]!)), 'reportTemplates.layout.unknownPlaceholder');
const plain = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

const rowKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,24}$/, 'reportTemplates.layout.badKey');

export const statSelector = z.discriminatedUnion('kind', [
  /** A section heading: a number and a label, no figures. */
  z.object({ kind: z.literal('HEADING') }),
  /** One award code of the catalogue. */
  z.object({ kind: z.literal('AWARD'), code: z.string().trim().min(1).max(40) }),
  /** Every award of a level and/or a category (null: any). */
  z.object({ kind: z.literal('AWARDS'), level: z.enum(AWARD_LEVELS).nullable(), category: z.enum(AWARD_CATEGORIES).nullable() }),
  z.object({ kind: z.literal('SHARE'), share: z.enum(SHARE_KEYS) }),
  z.object({ kind: z.literal('FUNNEL'), stage: z.enum(FUNNEL_STAGES) }),
  /** People (individuals) and units (collectives) awarded at least `years` years in a row. */
  z.object({ kind: z.literal('STREAK'), years: z.literal([...STREAK_LENGTHS]) }),
  /** A subtotal or total: the sum of other rows, by their keys. */
  z.object({ kind: z.literal('SUM'), rows: z.array(rowKey).min(1).max(STAT_FORM_LIMITS.sumParts) }),
]);
export type StatSelector = z.infer<typeof statSelector>;

export const statColumn = z.object({ label: plain(STAT_FORM_LIMITS.label), measure: z.enum(STAT_MEASURES) });
export type StatColumn = z.infer<typeof statColumn>;

export const statRow = z.object({
  key: rowKey,
  label: text(STAT_FORM_LIMITS.label),
  /** 0: I, II…; 1: 1, 2…; 2: a, b… (the counter restarts under each shallower row). */
  depth: z.number().int().min(0).max(2),
  numbered: z.boolean(),
  bold: z.boolean(),
  selector: statSelector,
});
export type StatRow = z.infer<typeof statRow>;

/** Why a layout cannot be evaluated: duplicate keys, a total of an unknown row, or a cycle of totals. */
export function layoutProblems(rows: readonly { key: string; selector: StatSelector }[]): { index: number; field: 'key' | 'selector.rows'; message: string }[] {
  const out: { index: number; field: 'key' | 'selector.rows'; message: string }[] = [];
  const keys = new Map<string, number>();
  rows.forEach((r, i) => {
    if (keys.has(r.key)) out.push({ index: i, field: 'key', message: 'reportTemplates.layout.duplicateKey' });
    else keys.set(r.key, i);
  });
  rows.forEach((r, i) => {
    if (r.selector.kind !== 'SUM') return;
    if (r.selector.rows.some((k) => !keys.has(k) || k === r.key)) out.push({ index: i, field: 'selector.rows', message: 'reportTemplates.layout.unknownRow' });
  });
  if (out.length > 0) return out;
  // Cycle: depth-first over SUM references.
  const state = new Map<string, 1 | 2>();
  const visit = (key: string): boolean => {
    const s = state.get(key);
    if (s === 2) return false;
    if (s === 1) return true;
    state.set(key, 1);
    const r = rows[keys.get(key)!]!;
    const cyclic = r.selector.kind === 'SUM' && r.selector.rows.some(visit);
    state.set(key, 2);
    return cyclic;
  };
  rows.forEach((r, i) => {
    state.clear();
    if (r.selector.kind === 'SUM' && visit(r.key)) out.push({ index: i, field: 'selector.rows', message: 'reportTemplates.layout.cycle' });
  });
  return out;
}

export const statFormLayout = z
  .object({
    /** "Biểu số 01/TĐKT", printed at the top right. */
    formCode: plain(STAT_FORM_LIMITS.formCode),
    /** The reporting unit, printed at the top left ("{orgName}"). */
    unitLine: text(STAT_FORM_LIMITS.line),
    titleLines: z.array(text(STAT_FORM_LIMITS.line)).min(1).max(STAT_FORM_LIMITS.titleLines),
    /** Header of the label column ("Nội dung"). */
    labelHeader: plain(STAT_FORM_LIMITS.label),
    columns: z.array(statColumn).min(1).max(STAT_FORM_LIMITS.columns),
    rows: z.array(statRow).min(1).max(STAT_FORM_LIMITS.rows),
    notes: z.array(text(STAT_FORM_LIMITS.line)).max(STAT_FORM_LIMITS.notes),
    /** Signer titles, left to right ("Người lập biểu", "Thủ trưởng đơn vị"). */
    signers: z.array(plain(STAT_FORM_LIMITS.label)).max(STAT_FORM_LIMITS.signers),
  })
  .superRefine((l, ctx) => {
    for (const p of layoutProblems(l.rows)) ctx.addIssue({ code: 'custom', path: ['rows', p.index, ...p.field.split('.')], message: p.message });
  });
export type StatFormLayout = z.output<typeof statFormLayout>;
export type StatFormLayoutInput = z.input<typeof statFormLayout>;

// ── The evaluated grid ─────────────────────────────────────────────────────────────────────────

export const statGridRow = z.object({
  key: z.string(),
  number: z.string().nullable(),
  label: z.string(),
  depth: z.number().int(),
  bold: z.boolean(),
  kind: z.enum(SELECTOR_KINDS),
  /** One cell per column: a number, or null when the measure does not apply to the row. */
  cells: z.array(z.number().nullable()),
  /** For a SUM row, the indices of the rows it adds up. */
  sumOf: z.array(z.number().int()).nullable(),
});
export type StatGridRow = z.infer<typeof statGridRow>;
export const statGrid = z.object({
  unitLine: z.string(),
  formCode: z.string(),
  titleLines: z.array(z.string()),
  labelHeader: z.string(),
  columns: z.array(statColumn),
  rows: z.array(statGridRow),
  notes: z.array(z.string()),
  signers: z.array(z.string()),
});
export type StatGrid = z.infer<typeof statGrid>;

// ── API ────────────────────────────────────────────────────────────────────────────────────────

export const templateStatus = z.enum(['ACTIVE', 'RETIRED']);

export const reportTemplateListQuery = z.object({
  orgId: id,
  status: templateStatus.default('ACTIVE'),
});

export const reportTemplateSummaryDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  status: templateStatus,
  retiredReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReportTemplateSummaryDto = z.infer<typeof reportTemplateSummaryDto>;

export const reportTemplateDto = reportTemplateSummaryDto.extend({
  layout: statFormLayout,
  createdByName: z.string().nullable(),
  abilities,
});
export type ReportTemplateDto = z.infer<typeof reportTemplateDto>;

export const reportTemplateListDto = z.object({ items: z.array(reportTemplateSummaryDto), canCreate: z.boolean() });
export type ReportTemplateListDto = z.infer<typeof reportTemplateListDto>;

const templateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_.-]{0,39}$/, 'reportTemplates.api.badCode');

/** Create for `orgId`: a copy of `copyFrom` (a template the actor can read), or the given layout. */
export const createReportTemplateInput = z
  .object({
    orgId: id,
    code: templateCode,
    name: plain(STAT_FORM_LIMITS.name),
    copyFrom: id.optional(),
    layout: statFormLayout.optional(),
  })
  .refine((x) => (x.copyFrom === undefined) !== (x.layout === undefined), { message: 'reportTemplates.api.copyOrLayout', path: ['layout'] });
export type CreateReportTemplateInput = z.input<typeof createReportTemplateInput>;

export const updateReportTemplateInput = z.object({
  version: z.number().int().positive(),
  name: plain(STAT_FORM_LIMITS.name),
  layout: statFormLayout,
});
export type UpdateReportTemplateInput = z.input<typeof updateReportTemplateInput>;

export const retireReportTemplateInput = z.object({ version: z.number().int().positive(), reason });

export const renderQuery = z.object({ orgId: id, year: z.coerce.number().int().min(2000).max(2100) });
export type RenderQuery = z.infer<typeof renderQuery>;

export const previewInput = z.object({ orgId: id, year: z.number().int().min(2000).max(2100), layout: statFormLayout });
export type PreviewInput = z.input<typeof previewInput>;

export const previewDto = z.object({ orgName: z.string(), year: z.number().int(), grid: statGrid });
export type PreviewDto = z.infer<typeof previewDto>;

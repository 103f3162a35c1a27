// The built-in statistical forms (read-only; an organisation copies one to adapt it). Created lazily
// on the first list, from the award catalogue as it stands then; never updated in place afterwards
// (a changed built-in would silently change what organisations already filed).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AWARD_LEVELS } from '../../../contracts/enums';
import { SHARE_KEYS } from '../../../contracts/dashboard';
import { statFormLayout, type StatFormLayout, type StatFormLayoutInput, type StatMeasure } from '../../../contracts/report-templates';
import { t, type MessageKey } from '../../../contracts/messages';

export const BUILTIN_CODES = { results: 'BM01-KT', shares: 'BM02-TL' } as const;

const vi = (key: string, params?: Record<string, string | number>) => t('vi', key as MessageKey, params);
const col = (measure: StatMeasure) => ({ label: vi(`reportTemplates.measure.${measure}`), measure });
const signers = () => [vi('reportTemplates.builtin.signer.preparer'), vi('reportTemplates.builtin.signer.head')];

/** Awards by level (I, II…) and, under each, every title or form of that level in catalogue order; the total adds the levels. */
export function resultsLayout(catalogue: readonly { code: string; name_vi: string; level: string; sort_order: number }[]): StatFormLayout {
  const used = new Set<string>(['TONG', ...AWARD_LEVELS.map((l) => `L_${l}`)]);
  const uniqueKey = (code: string) => {
    const base = code.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 20);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    return key;
  };
  const present = AWARD_LEVELS.filter((l) => catalogue.some((c) => c.level === l));
  const levels = present.length > 0 ? present : AWARD_LEVELS;
  const rows: StatFormLayoutInput['rows'] = [
    { key: 'TONG', label: vi('reportTemplates.builtin.results.total'), depth: 0, numbered: false, bold: true, selector: { kind: 'SUM', rows: levels.map((l) => `L_${l}`) } },
  ];
  for (const level of levels) {
    rows.push({ key: `L_${level}`, label: vi(`awardLevel.${level}`), depth: 0, numbered: true, bold: true, selector: { kind: 'AWARDS', level, category: null } });
    const codes = catalogue.filter((c) => c.level === level).sort((a, b) => a.sort_order - b.sort_order || (a.code < b.code ? -1 : 1));
    for (const c of codes) rows.push({ key: uniqueKey(c.code), label: c.name_vi, depth: 1, numbered: true, bold: false, selector: { kind: 'AWARD', code: c.code } });
  }
  return statFormLayout.parse({
    formCode: vi('reportTemplates.builtin.results.formCode'),
    unitLine: vi('reportTemplates.builtin.unitLine'),
    titleLines: [vi('reportTemplates.builtin.results.title1'), vi('reportTemplates.builtin.results.title2')],
    labelHeader: vi('reportTemplates.builtin.labelHeader'),
    columns: [col('INDIVIDUALS'), col('COLLECTIVES'), col('TOTAL')],
    rows,
    notes: [vi('reportTemplates.builtin.results.note1')],
    signers: signers(),
  } satisfies StatFormLayoutInput);
}

/** The four shares with the year before and the targets. */
export function sharesLayout(): StatFormLayout {
  return statFormLayout.parse({
    formCode: vi('reportTemplates.builtin.shares.formCode'),
    unitLine: vi('reportTemplates.builtin.unitLine'),
    titleLines: [vi('reportTemplates.builtin.shares.title1'), vi('reportTemplates.builtin.shares.title2')],
    labelHeader: vi('reportTemplates.builtin.labelHeader'),
    columns: [col('NUMERATOR'), col('DENOMINATOR'), col('PERCENT'), col('PREVIOUS_PERCENT'), col('CHANGE_POINTS'), col('TARGET')],
    rows: SHARE_KEYS.map((share) => ({ key: share, label: vi(`dashboard.share.${share}`), depth: 1, numbered: true, bold: false, selector: { kind: 'SHARE' as const, share } })),
    notes: [vi('reportTemplates.builtin.shares.note1')],
    signers: signers(),
  } satisfies StatFormLayoutInput);
}

/** Databases whose built-ins are known to exist (one check per process). */
const ensured = new WeakSet<object>();

/** Inserts the built-ins that are missing; concurrent callers are harmless (the active-code index refuses the loser). */
export async function ensureBuiltinTemplates(db: DbOrTx): Promise<void> {
  if (ensured.has(db)) return;
  const have = await db.execute<{ code: string }>(sql`select code from report_template where org_id is null`);
  const codes = new Set(have.rows.map((r) => r.code));
  const wanted: { code: string; name: string; layout: () => Promise<StatFormLayout> | StatFormLayout }[] = [
    {
      code: BUILTIN_CODES.results,
      name: vi('reportTemplates.builtin.results.name'),
      layout: async () =>
        resultsLayout((await db.execute<{ code: string; name_vi: string; level: string; sort_order: number }>(sql`select code, name_vi, level, sort_order from award_type where active`)).rows),
    },
    { code: BUILTIN_CODES.shares, name: vi('reportTemplates.builtin.shares.name'), layout: sharesLayout },
  ];
  for (const w of wanted) {
    if (codes.has(w.code)) continue;
    const layout = await w.layout();
    await db.execute(sql`insert into report_template (org_id, org_path, code, name, kind, layout, status)
      values (null, null, ${w.code}, ${w.name}, 'XLSX_FORM', ${JSON.stringify(layout)}::jsonb, 'ACTIVE') on conflict do nothing`);
  }
  ensured.add(db);
}

// Checks of a record's values that the database cannot express (or would only answer with a raw
// constraint name). Pure: the form, the API and the XLSX import all report the same problems.
import { RECORD_YEAR_MIN, recordYearMax } from '../../../contracts/achievements';
import type { AwardCategory, AwardSubject, RecordKind } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { RECORD_KIND_SPECS } from './record-kinds';

export interface CatalogueEntry {
  nameVi: string;
  active: boolean;
  subject: AwardSubject;
  category: AwardCategory;
}

export interface RecordProblem {
  /** API field name the problem is about. */
  field: string;
  key: string;
  params: Record<string, string | number>;
}

type Values = Record<string, unknown>;

/** Every problem of `values` for a record of `kind` on a person or a unit. */
export function recordProblems(kind: RecordKind, values: Values, subjectType: 'PERSON' | 'UNIT', awards: ReadonlyMap<string, CatalogueEntry>, today = new Date()): RecordProblem[] {
  const spec = RECORD_KIND_SPECS[kind];
  const out: RecordProblem[] = [];
  const problem = (field: string, key: string, params: Record<string, string | number> = {}) => out.push({ field, key, params });
  const maxYear = recordYearMax(today);
  if (spec.unitOnly && subjectType === 'PERSON') problem('kind', 'record.unitOnly', { kind: t('vi', `recordKind.${kind}`) });
  for (const col of spec.columns) {
    const v = values[col.key];
    if (v === null || v === undefined) continue;
    if (col.key === 'year' && (Number(v) < RECORD_YEAR_MIN || Number(v) > maxYear)) problem('year', 'record.yearRange', { min: RECORD_YEAR_MIN, max: maxYear });
    if (col.type === 'date') {
      const y = Number(String(v).slice(0, 4));
      if (y < RECORD_YEAR_MIN || y > maxYear) problem(col.key, 'record.dateRange', { min: RECORD_YEAR_MIN, max: maxYear });
    }
  }
  const ordered = (from: string, to: string) => {
    const a = values[from];
    const b = values[to];
    if (typeof a === 'string' && typeof b === 'string' && b < a) problem(to, 'record.periodOrder');
  };
  if (kind === 'DISCIPLINE' || kind === 'ABSENCE') ordered('validFrom', 'validTo');
  if (kind === 'PENDING_CASE') ordered('openedOn', 'closedOn');
  if (kind === 'AWARD' || kind === 'REGISTRATION') {
    const code = String(values.awardCode ?? '');
    const award = awards.get(code);
    if (!award) problem('awardCode', 'record.awardUnknown', { code });
    else if (!award.active) problem('awardCode', 'record.awardInactive', { name: award.nameVi });
    else if (subjectType === 'PERSON' && award.subject !== 'INDIVIDUAL') problem('awardCode', 'record.awardForPerson', { name: award.nameVi });
    else if (subjectType === 'UNIT' && award.subject !== 'COLLECTIVE') problem('awardCode', 'record.awardForUnit', { name: award.nameVi });
    else if (kind === 'REGISTRATION' && award.category !== 'TITLE') problem('awardCode', 'record.registrationNotTitle', { name: award.nameVi });
  }
  if (kind === 'UNIT_STATS') {
    const n = (k: string) => Number(values[k] ?? 0);
    const members = n('members');
    if (n('completed') > members) problem('completed', 'record.statsCompleted', { completed: n('completed'), members });
    if (n('ldtt') > members) problem('ldtt', 'record.statsLdtt', { ldtt: n('ldtt'), members });
    if (n('cstdcs') > n('ldtt')) problem('cstdcs', 'record.statsCstdcs', { cstdcs: n('cstdcs'), ldtt: n('ldtt') });
    if (n('disciplinedWarningOrAbove') > members) problem('disciplinedWarningOrAbove', 'record.statsDisciplined', { disciplined: n('disciplinedWarningOrAbove'), members });
  }
  return out;
}

/** The unique index a violation names → the message that explains it. */
export function uniqueViolationKey(constraint: string | undefined): 'record.ratingExists' | 'record.registrationExists' | 'record.unitStatsExists' | null {
  if (!constraint) return null;
  if (constraint.startsWith('performance_rating_')) return 'record.ratingExists';
  if (constraint.startsWith('emulation_registration_')) return 'record.registrationExists';
  if (constraint.startsWith('unit_year_stats_')) return 'record.unitStatsExists';
  return null;
}

/** node-postgres error (possibly wrapped by Drizzle) → its SQLSTATE and constraint. */
export function pgErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
  }
  return {};
}

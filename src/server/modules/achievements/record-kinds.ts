// How each kind of record is stored: its table, its columns and the date and year that order it
// on a timeline. The repository builds its generic SQL from these (identifiers are constants).
import type { RecordKind } from '../../../contracts/enums';

export type ColumnType = 'text' | 'date' | 'int' | 'bool';

export interface RecordColumn {
  /** Field name in the API (contracts/achievements.ts RECORD_FIELDS). */
  key: string;
  col: string;
  type: ColumnType;
}

export interface RecordKindSpec {
  kind: RecordKind;
  table: string;
  unitOnly: boolean;
  /** The table keeps the unit that recorded it (unit_id): the unit itself, or the person's unit. */
  withUnit?: true;
  columns: readonly RecordColumn[];
  /** SQL (over alias r) of the date a timeline sorts by. */
  sortDate: string;
  /** SQL (over alias r) of the year the record belongs to. */
  year: string;
}

const c = (key: string, col: string, type: ColumnType = 'text'): RecordColumn => ({ key, col, type });
const yearEnd = `make_date(r.year::int, 12, 31)`;

export const RECORD_KIND_SPECS: Record<RecordKind, RecordKindSpec> = {
  AWARD: {
    kind: 'AWARD', table: 'award_record', unitOnly: false,
    columns: [c('awardCode', 'award_code'), c('year', 'year', 'int'), c('decisionNumber', 'decision_number'), c('decisionDate', 'decision_date', 'date'),
      c('issuerName', 'issuer_name'), c('issuerOrgId', 'issuer_org_id', 'int')],
    sortDate: `coalesce(r.decision_date, ${yearEnd})`, year: 'r.year',
  },
  RATING: { kind: 'RATING', table: 'performance_rating', unitOnly: false, columns: [c('year', 'year', 'int'), c('rating', 'rating')], sortDate: yearEnd, year: 'r.year' },
  INITIATIVE: {
    kind: 'INITIATIVE', table: 'initiative', unitOnly: false,
    columns: [c('title', 'title'), c('recognisedBy', 'recognised_by'), c('recognisedOn', 'recognised_on', 'date'), c('scope', 'scope'),
      c('applied', 'applied', 'bool'), c('benefitValueVnd', 'benefit_value_vnd', 'int'), c('decisionNumber', 'decision_number')],
    sortDate: 'r.recognised_on', year: 'extract(year from r.recognised_on)',
  },
  RESEARCH: {
    kind: 'RESEARCH', table: 'research_topic', unitOnly: false,
    columns: [c('title', 'title'), c('acceptedOn', 'accepted_on', 'date'), c('scope', 'scope'), c('applied', 'applied', 'bool')],
    sortDate: 'r.accepted_on', year: 'extract(year from r.accepted_on)',
  },
  DISCIPLINE: {
    kind: 'DISCIPLINE', table: 'discipline', unitOnly: false,
    columns: [c('level', 'level'), c('validFrom', 'valid_from', 'date'), c('validTo', 'valid_to', 'date'), c('decisionNumber', 'decision_number'), c('issuerName', 'issuer_name')],
    sortDate: 'r.valid_from', year: 'extract(year from r.valid_from)',
  },
  ABSENCE: {
    kind: 'ABSENCE', table: 'absence', unitOnly: false,
    columns: [c('absenceReason', 'reason'), c('validFrom', 'valid_from', 'date'), c('validTo', 'valid_to', 'date')],
    sortDate: 'r.valid_from', year: 'extract(year from r.valid_from)',
  },
  PENDING_CASE: {
    kind: 'PENDING_CASE', table: 'pending_case', unitOnly: false,
    columns: [c('caseKind', 'kind'), c('openedOn', 'opened_on', 'date'), c('closedOn', 'closed_on', 'date'), c('summary', 'summary')],
    sortDate: 'r.opened_on', year: 'extract(year from r.opened_on)',
  },
  REGISTRATION: {
    kind: 'REGISTRATION', table: 'emulation_registration', unitOnly: false, withUnit: true,
    columns: [c('year', 'year', 'int'), c('awardCode', 'award_code'), c('registeredOn', 'registered_on', 'date')],
    sortDate: 'r.registered_on', year: 'r.year',
  },
  CLUSTER_LEAD: {
    kind: 'CLUSTER_LEAD', table: 'cluster_lead', unitOnly: true,
    columns: [c('year', 'year', 'int'), c('clusterName', 'cluster_name'), c('level', 'level')], sortDate: yearEnd, year: 'r.year',
  },
  UNIT_STATS: {
    kind: 'UNIT_STATS', table: 'unit_year_stats', unitOnly: true,
    columns: [c('year', 'year', 'int'), c('members', 'members', 'int'), c('completed', 'completed', 'int'), c('ldtt', 'ldtt', 'int'),
      c('cstdcs', 'cstdcs', 'int'), c('disciplinedWarningOrAbove', 'disciplined_warning_or_above', 'int')],
    sortDate: yearEnd, year: 'r.year',
  },
};

// The form of each kind of record, as data: which fields, of which type, required or not. The
// contract (contracts/achievements.ts RECORD_FIELDS) is what validates them.
import { ABSENCE_REASONS, DISCIPLINE_LEVELS, INITIATIVE_SCOPES, PENDING_CASE_KINDS, RATINGS, type RecordKind } from '../../../../contracts/enums';
import { IconAward, IconCalendarOff, IconChartBar, IconClipboardCheck, IconFlag, IconFlask, IconGavel, IconHourglass, IconBulb, IconStar } from '@tabler/icons-react';

export type FieldType = 'year' | 'date' | 'text' | 'textarea' | 'enum' | 'award' | 'count' | 'money' | 'bool';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required?: boolean;
  /** Values of an enum and the catalogue prefix of their labels. */
  options?: readonly string[];
  labelPrefix?: 'rating' | 'initiativeScope' | 'disciplineLevel' | 'absenceReason' | 'pendingCaseKind' | 'clusterLevel';
  /** Registrations are made for emulation titles only. */
  titlesOnly?: boolean;
}

const CLUSTER_LEVELS = ['UPPER', 'PROVINCE', 'CENTRAL'] as const;

export const RECORD_FORMS: Record<RecordKind, FieldSpec[]> = {
  AWARD: [
    { name: 'awardCode', type: 'award', required: true },
    { name: 'year', type: 'year', required: true },
    { name: 'decisionNumber', type: 'text' },
    { name: 'decisionDate', type: 'date' },
    { name: 'issuerName', type: 'text' },
  ],
  RATING: [
    { name: 'year', type: 'year', required: true },
    { name: 'rating', type: 'enum', required: true, options: RATINGS, labelPrefix: 'rating' },
  ],
  INITIATIVE: [
    { name: 'title', type: 'textarea', required: true },
    { name: 'recognisedBy', type: 'text', required: true },
    { name: 'recognisedOn', type: 'date', required: true },
    { name: 'scope', type: 'enum', required: true, options: INITIATIVE_SCOPES, labelPrefix: 'initiativeScope' },
    { name: 'applied', type: 'bool' },
    { name: 'benefitValueVnd', type: 'money' },
    { name: 'decisionNumber', type: 'text' },
  ],
  RESEARCH: [
    { name: 'title', type: 'textarea', required: true },
    { name: 'acceptedOn', type: 'date', required: true },
    { name: 'scope', type: 'enum', required: true, options: INITIATIVE_SCOPES, labelPrefix: 'initiativeScope' },
    { name: 'applied', type: 'bool' },
  ],
  DISCIPLINE: [
    { name: 'level', type: 'enum', required: true, options: DISCIPLINE_LEVELS, labelPrefix: 'disciplineLevel' },
    { name: 'validFrom', type: 'date', required: true },
    { name: 'validTo', type: 'date' },
    { name: 'decisionNumber', type: 'text' },
    { name: 'issuerName', type: 'text' },
  ],
  ABSENCE: [
    { name: 'absenceReason', type: 'enum', required: true, options: ABSENCE_REASONS, labelPrefix: 'absenceReason' },
    { name: 'validFrom', type: 'date', required: true },
    { name: 'validTo', type: 'date', required: true },
  ],
  PENDING_CASE: [
    { name: 'caseKind', type: 'enum', required: true, options: PENDING_CASE_KINDS, labelPrefix: 'pendingCaseKind' },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'openedOn', type: 'date', required: true },
    { name: 'closedOn', type: 'date' },
  ],
  REGISTRATION: [
    { name: 'year', type: 'year', required: true },
    { name: 'awardCode', type: 'award', required: true, titlesOnly: true },
    { name: 'registeredOn', type: 'date', required: true },
  ],
  CLUSTER_LEAD: [
    { name: 'year', type: 'year', required: true },
    { name: 'clusterName', type: 'text', required: true },
    { name: 'level', type: 'enum', required: true, options: CLUSTER_LEVELS, labelPrefix: 'clusterLevel' },
  ],
  UNIT_STATS: [
    { name: 'year', type: 'year', required: true },
    { name: 'members', type: 'count', required: true },
    { name: 'completed', type: 'count', required: true },
    { name: 'ldtt', type: 'count', required: true },
    { name: 'cstdcs', type: 'count', required: true },
    { name: 'disciplinedWarningOrAbove', type: 'count', required: true },
  ],
};

/** Starting values of a new record of `kind`. */
export function initialValues(kind: RecordKind, year: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of RECORD_FORMS[kind]) {
    if (field.type === 'year') out[field.name] = year;
    else if (field.type === 'bool') out[field.name] = true;
    else if (field.type === 'count') out[field.name] = 0;
    else out[field.name] = null;
  }
  if (kind === 'CLUSTER_LEAD') out.level = 'PROVINCE';
  return out;
}

export const KIND_ICONS: Record<RecordKind, typeof IconAward> = {
  AWARD: IconAward,
  RATING: IconStar,
  INITIATIVE: IconBulb,
  RESEARCH: IconFlask,
  DISCIPLINE: IconGavel,
  ABSENCE: IconCalendarOff,
  PENDING_CASE: IconHourglass,
  REGISTRATION: IconClipboardCheck,
  CLUSTER_LEAD: IconFlag,
  UNIT_STATS: IconChartBar,
};

export const KIND_COLORS: Record<RecordKind, string> = {
  AWARD: 'yellow',
  RATING: 'blue',
  INITIATIVE: 'teal',
  RESEARCH: 'cyan',
  DISCIPLINE: 'red',
  ABSENCE: 'gray',
  PENDING_CASE: 'orange',
  REGISTRATION: 'indigo',
  CLUSTER_LEAD: 'grape',
  UNIT_STATS: 'lime',
};

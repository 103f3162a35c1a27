import type { RecordDto, TimelineItem } from '../../../contracts/achievements';
import type { Locale, RecordKind } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import type { AuthActor } from '../../lib/actor';
import { RECORD_KIND_SPECS } from './record-kinds';
import { recordAbilities, type RecordSubject } from './records.policy';
import type { RecordRow } from './records.repository';

export function presentRecord(actor: AuthActor, kind: RecordKind, r: RecordRow, subject: RecordSubject): RecordDto {
  const values = Object.fromEntries(RECORD_KIND_SPECS[kind].columns.map((c) => [c.key, c.type === 'int' && r[c.key] != null ? Number(r[c.key]) : (r[c.key] ?? null)]));
  return {
    id: Number(r.id),
    kind,
    subjectType: r.person_id !== null ? 'PERSON' : 'UNIT',
    personId: r.person_id === null ? null : Number(r.person_id),
    orgId: r.org_id === null ? null : Number(r.org_id),
    status: r.status,
    source: r.source,
    note: r.note,
    values,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
    createdAt: r.created_at,
    abilities: recordAbilities(actor, subject, { status: r.status, kind, closedOn: r.closedOn }),
  };
}

type AwardNames = ReadonlyMap<string, { vi: string; en: string }>;

function label(locale: Locale, kind: RecordKind, v: Record<string, unknown>, awards: AwardNames): string {
  const award = (code: unknown) => awards.get(String(code))?.[locale] ?? String(code);
  const s = (x: unknown) => String(x ?? '');
  switch (kind) {
    case 'AWARD':
      return award(v.awardCode);
    case 'RATING':
      return t(locale, 'timeline.rating', { year: s(v.year), rating: t(locale, `rating.${s(v.rating)}`) });
    case 'INITIATIVE':
    case 'RESEARCH':
      return s(v.title);
    case 'DISCIPLINE':
      return t(locale, 'timeline.discipline', { level: t(locale, `disciplineLevel.${s(v.level)}`) });
    case 'ABSENCE':
      return t(locale, 'timeline.absence', { reason: t(locale, `absenceReason.${s(v.absenceReason)}`) });
    case 'PENDING_CASE':
      return t(locale, 'timeline.pendingCase', { kind: t(locale, `pendingCaseKind.${s(v.caseKind)}`), summary: s(v.summary) });
    case 'REGISTRATION':
      return t(locale, 'timeline.registration', { year: s(v.year), award: award(v.awardCode) });
    case 'CLUSTER_LEAD':
      return t(locale, 'timeline.clusterLead', { cluster: s(v.clusterName), year: s(v.year) });
    case 'UNIT_STATS':
      return t(locale, 'timeline.unitStats', { year: s(v.year), completed: s(v.completed), members: s(v.members) });
  }
}

export function presentTimelineItem(actor: AuthActor, locale: Locale, kind: RecordKind, r: RecordRow, subject: RecordSubject, awards: AwardNames): TimelineItem {
  const dto = presentRecord(actor, kind, r, subject);
  return { ...dto, date: r.sort_date, year: Number(r.sort_year), label: label(locale, kind, dto.values, awards) };
}

/** Newest first; on the same date, the record entered last first. */
export function byNewest(a: TimelineItem, b: TimelineItem): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.id - a.id;
}

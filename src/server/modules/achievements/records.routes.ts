import { defineRoute } from '../../lib/http';
import { idParams } from '../../../contracts/common';
import {
  closePendingCaseInput, createRecordInput, memberTimeline, orgTimeline, pendingCaseParams, PERSON_RECORD_KINDS, recordDto, recordParams,
  revokeRecordInput, supersedeRecordInput, timelineQuery,
} from '../../../contracts/achievements';
import { RECORD_KINDS, type EducationLevel, type Locale, type RecordKind, type UnionWorkCategory } from '../../../contracts/enums';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { ensure } from '../../lib/policy';
import { recordPolicy, type RecordSubject } from './records.policy';
import { awardNames, findRecord, personRecordSummary, recordsOfSubject } from './records.repository';
import { byNewest, presentRecord, presentTimelineItem } from './records.presenter';
import {
  closePendingCase, createRecord, loadPersonSubject, loadUnitSubject, revokeRecord, subjectOfRecord, supersedeRecord,
} from './records.service';

async function loadRecord(app: AppContext, actor: AuthActor, kind: RecordKind, id: number) {
  const row = await findRecord(app.db, kind, id);
  if (!row) throw notFound();
  const subject = await subjectOfRecord(app.db, row);
  if (!subject) throw notFound();
  ensure(recordPolicy.read(actor, subject));
  return presentRecord(actor, kind, row, subject);
}

async function readableSubject(app: AppContext, actor: AuthActor, ref: { personId: number } | { orgId: number }): Promise<RecordSubject> {
  const subject = 'personId' in ref ? await loadPersonSubject(app.db, ref.personId) : await loadUnitSubject(app.db, ref.orgId);
  if (!subject) throw notFound();
  ensure(recordPolicy.read(actor, subject));
  return subject;
}

async function timelineItems(app: AppContext, actor: AuthActor, locale: Locale, subject: RecordSubject, includeHistory: boolean) {
  const ref = subject.type === 'PERSON' ? { personId: subject.personId } : { orgId: subject.orgId };
  const kinds = subject.type === 'PERSON' ? PERSON_RECORD_KINDS : RECORD_KINDS;
  const rows = await recordsOfSubject(app.db, ref, kinds, includeHistory);
  const names = await awardNames(app.db, rows.flatMap(({ row }) => (typeof row.awardCode === 'string' ? [row.awardCode] : [])));
  return rows.map(({ kind, row }) => presentTimelineItem(actor, locale, kind, row, subject, names)).sort(byNewest);
}

export const recordRoutes = [
  defineRoute({
    method: 'POST',
    url: '/members/:id/records',
    summary: 'Add a record to a person (award, rating, initiative, research, discipline, absence, pending case, registration)',
    tag: 'records',
    params: idParams,
    body: createRecordInput,
    response: recordDto,
    async handler({ app, actor, params, body }) {
      const created = await createRecord(app, actor, { personId: params.id }, body);
      return loadRecord(app, actor, created.kind, created.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/organisations/:id/records',
    summary: 'Add a record to a unit (also cluster leads and yearly unit figures)',
    tag: 'records',
    params: idParams,
    body: createRecordInput,
    response: recordDto,
    async handler({ app, actor, params, body }) {
      const created = await createRecord(app, actor, { orgId: params.id }, body);
      return loadRecord(app, actor, created.kind, created.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/records/:kind/:recordId',
    summary: 'One record',
    tag: 'records',
    params: recordParams,
    response: recordDto,
    handler: ({ app, actor, params }) => loadRecord(app, actor, params.kind, params.recordId),
  }),
  defineRoute({
    method: 'POST',
    url: '/records/:kind/:recordId/revoke',
    summary: 'Revoke a record with a reason (kept, marked REVOKED)',
    tag: 'records',
    params: recordParams,
    body: revokeRecordInput,
    response: recordDto,
    async handler({ app, actor, params, body }) {
      await revokeRecord(app, actor, params.kind, params.recordId, body);
      return loadRecord(app, actor, params.kind, params.recordId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/records/:kind/:recordId/supersede',
    summary: 'Correct a record: a new row with the corrected values; the old one is kept as SUPERSEDED',
    tag: 'records',
    params: recordParams,
    body: supersedeRecordInput,
    response: recordDto,
    async handler({ app, actor, params, body }) {
      const newId = await supersedeRecord(app, actor, params.kind, params.recordId, body);
      return loadRecord(app, actor, params.kind, newId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/records/PENDING_CASE/:recordId/close',
    summary: 'Close a pending case on a date, with a reason',
    tag: 'records',
    params: pendingCaseParams,
    body: closePendingCaseInput,
    response: recordDto,
    async handler({ app, actor, params, body }) {
      await closePendingCase(app, actor, params.recordId, body);
      return loadRecord(app, actor, 'PENDING_CASE', params.recordId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/members/:id/timeline',
    summary: 'A person’s records, newest first, with the fields eligibility reads (history on request)',
    tag: 'records',
    params: idParams,
    query: timelineQuery,
    response: memberTimeline,
    async handler({ app, actor, params, query, locale }) {
      const subject = await readableSubject(app, actor, { personId: params.id });
      const [items, summary] = await Promise.all([timelineItems(app, actor, locale, subject, query.includeHistory), personRecordSummary(app.db, params.id)]);
      if (!summary) throw notFound();
      return {
        personId: params.id,
        summary: {
          serviceStartDate: summary.service_start_date,
          educationLevel: summary.education_level as EducationLevel | null,
          unionWorkCategory: summary.union_work_category as UnionWorkCategory | null,
          unionWorkYearsBefore: summary.union_work_years_before === null ? null : Number(summary.union_work_years_before),
          unionWorkYears: Number(summary.union_work_years),
        },
        items,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/organisations/:id/timeline',
    summary: 'A unit’s records, newest first (history on request)',
    tag: 'records',
    params: idParams,
    query: timelineQuery,
    response: orgTimeline,
    async handler({ app, actor, params, query, locale }) {
      const subject = await readableSubject(app, actor, { orgId: params.id });
      return { orgId: params.id, items: await timelineItems(app, actor, locale, subject, query.includeHistory) };
    },
  }),
];

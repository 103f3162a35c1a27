import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, isoDate } from '../../../contracts/common';
import {
  batchQuery, batchResult, candidateFacts, candidateQuery, evaluateRequest, evaluationResult, rulePackDto, setParameterBody,
} from '../../../contracts/eligibility';
import { t } from '../../../contracts/messages';
import { describePacks, evaluate } from '../../../domain/eligibility';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { ruleParameters } from '../../db/schema';
import { desc } from 'drizzle-orm';
import {
  awardOrThrow, evaluateBatch, evaluateStoredPerson, evaluateStoredUnit, loadEngineInputs, pageBatch, setParameter, storedPersonFacts, withReasons,
} from './eligibility.service';
import { writeEligibilityExport } from './eligibility-export';

export const eligibilityRoutes = [
  defineRoute({
    method: 'POST',
    url: '/eligibility/evaluate',
    summary: 'What-if: evaluate facts supplied in the request (nothing is read from or written to the database but the rules)',
    tag: 'eligibility',
    body: evaluateRequest,
    response: evaluationResult,
    async handler({ app, body, locale }) {
      const inputs = await loadEngineInputs(app.db);
      awardOrThrow(inputs, body.target);
      return evaluate(body, { locale, ...inputs });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/members/:id',
    summary: 'Eligibility of a member for an award in a year, from the records, with every reason',
    tag: 'eligibility',
    params: idParams,
    query: candidateQuery,
    response: evaluationResult,
    handler: ({ app, actor, params, query, locale }) => evaluateStoredPerson(app, actor, params.id, query, locale),
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/members/:id/facts',
    summary: 'The facts of a member as the engine reads them (the browser evaluates drafts against them as the officer types)',
    tag: 'eligibility',
    params: idParams,
    query: candidateQuery.pick({ year: true, referenceDate: true }),
    response: candidateFacts,
    handler: ({ app, actor, params, query }) => storedPersonFacts(app, actor, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/organisations/:id',
    summary: 'Eligibility of a unit (collective) for an award in a year, from the records',
    tag: 'eligibility',
    params: idParams,
    query: candidateQuery,
    response: evaluationResult,
    handler: ({ app, actor, params, query, locale }) => evaluateStoredUnit(app, actor, params.id, query, locale),
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/batch',
    summary: 'Who in this subtree can receive the award in the year: evaluated in one request, paged, with the quota per deciding unit',
    tag: 'eligibility',
    query: batchQuery,
    response: batchResult,
    async handler({ app, actor, query, locale }) {
      const { page, pageSize, status, ...rest } = query;
      const { inputs, evaluation } = await evaluateBatch(app, actor, rest, locale);
      const result = pageBatch(evaluation, { page, pageSize, status });
      return { ...result, items: await withReasons(app.db, inputs, evaluation, result.items, locale) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/batch.xlsx',
    summary: 'The batch answer as an XLSX workbook (all candidates, or those of one status)',
    tag: 'eligibility',
    query: batchQuery.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ app, actor, query, reply, locale }) {
      const { status, ...rest } = query;
      const { inputs, evaluation: ev } = await evaluateBatch(app, actor, rest, locale, true);
      const award = awardOrThrow(inputs, query.target);
      const unit = query.orgId ? await findOrg(app.db, query.orgId) : null;
      const items = status ? ev.items.filter((i) => i.status === status) : ev.items;
      const out = new PassThrough();
      void writeEligibilityExport(out, items, ev.quota, {
        title: t(locale, 'elig.export.title', { award: locale === 'en' ? award.nameEn : award.nameVi, year: query.year }),
        scope: unit?.name ?? t(locale, 'elig.export.allUnits'),
        referenceDate: ev.referenceDate,
        locale,
      }).catch(() => undefined);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="xet-dieu-kien-${award.code.toLowerCase()}-${query.year}.xlsx"`)
        .send(out);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/rules',
    summary: 'Rule packs in force on a date, with citations, verified flags and parameter values',
    tag: 'eligibility',
    query: z.object({ date: isoDate.optional() }),
    response: z.array(rulePackDto),
    async handler({ app, query, locale }) {
      const { changes } = await loadEngineInputs(app.db);
      return describePacks(query.date ?? todayInVietnam(), changes, locale);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/eligibility/parameters',
    summary: 'Every administrator change of a rule parameter, newest first',
    tag: 'eligibility',
    response: z.array(
      z.object({
        id: z.number().int(), packId: z.string(), key: z.string(), value: z.unknown(), effectiveFrom: isoDate, reason: z.string(),
        createdBy: z.number().int().nullable(), createdAt: z.string(),
      }),
    ),
    async handler({ app }) {
      const rows = await app.db.select().from(ruleParameters).orderBy(desc(ruleParameters.id)).limit(500);
      return rows.map((r) => ({
        id: r.id, packId: r.packId, key: r.paramKey, value: r.value, effectiveFrom: r.effectiveFrom, reason: r.reason, createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
      }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/eligibility/parameters',
    summary: 'Change a rule parameter from an effective date (administrators; never retroactive; audited)',
    tag: 'eligibility',
    body: setParameterBody,
    response: z.object({ ok: z.literal(true) }),
    async handler({ app, actor, body }) {
      await setParameter(app, actor, body);
      return { ok: true as const };
    },
  }),
];

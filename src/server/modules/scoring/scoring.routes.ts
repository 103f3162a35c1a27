import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  createRoundInput,
  retireTemplateInput,
  returnSheetInput,
  reviseTemplateInput,
  roundDto,
  roundListQuery,
  selfEntriesInput,
  sheetDto,
  sheetListQuery,
  sheetSummaryDto,
  updateTemplateInput,
  templateDto,
  templateListQuery,
  templateSummaryDto,
  verifyEntriesInput,
  versionInput,
  amendSheetInput,
  publishRoundInput,
  resultsQuery,
  roundResultsDto,
  extendRoundInput,
  remindRoundInput,
  remindRoundDto,
  roundDistributionDto,
  resultsExportQuery,
} from '../../../contracts/scoring';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { notFound } from '../../lib/errors';
import { LIMITS } from '../../../contracts/limits';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { findTemplate, listTemplates, presentTemplate, presentTemplateSummary, publishTemplate, retireTemplate, reviseTemplateVersion, templatePolicy, updateTemplate } from './templates.service';
import { createRound, extendRound, listRounds, loadVisibleRound, presentRound, remindRound, sheetCounts } from './rounds.service';
import { amendSheet, presentResults, publishRound, resultsWorkbook, roundDistribution, roundResults } from './results.service';
import { approveSheet, listSheets, loadReadableSheet, presentSheet, presentSheetSummary, returnSheet, saveSelfEntries, saveVerifiedEntries, submitSheet } from './sheets.service';

async function loadTemplate(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  const t = await findTemplate(app.db, id);
  if (!t || !templatePolicy.read(actor, t)) throw notFound();
  return presentTemplate(actor, locale, t);
}

async function loadRound(app: AppContext, actor: AuthActor, id: number) {
  const r = await loadVisibleRound(app.db, actor, id);
  const counts = await sheetCounts(app.db, actor, [Number(r.id)]);
  return presentRound(actor, r, counts.get(Number(r.id))!);
}

async function loadSheet(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  return presentSheet(app.db, actor, locale, await loadReadableSheet(app.db, actor, id));
}

export const scoringRoutes = [
  // ── Templates ──────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/scorecard-templates',
    summary: 'Scorecard templates: every published or retired version, and drafts of the organisations in scope; by code, newest version first',
    tag: 'scoring',
    query: templateListQuery,
    response: pageOf(templateSummaryDto),
    async handler({ app, actor, query }) {
      const { rows, total } = await listTemplates(app.db, actor, query, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((t) => presentTemplateSummary(actor, t)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scorecard-templates/:id',
    summary: 'A template version with its sections and criteria, what stops it from being published, and what the user may do',
    tag: 'scoring',
    params: idParams,
    response: templateDto,
    handler: ({ app, actor, locale, params }) => loadTemplate(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/scorecard-templates/:id/revise',
    summary: 'Start a new DRAFT version (highest version of the code + 1) as a copy of this one, owned by an organisation the user authors for (TDKT officers, administrators)',
    tag: 'scoring',
    params: idParams,
    body: reviseTemplateInput,
    response: templateDto,
    async handler({ app, actor, locale, params, body }) {
      const id = await reviseTemplateVersion(app, actor, params.id, body.orgId);
      return loadTemplate(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/scorecard-templates/:id',
    summary: 'Edit a DRAFT version (name, sections, criteria); refused with the problems when the result is not a valid template; a published version is never edited (409)',
    tag: 'scoring',
    params: idParams,
    body: updateTemplateInput,
    response: templateDto,
    async handler({ app, actor, locale, params, body }) {
      await updateTemplate(app, actor, locale, params.id, body);
      return loadTemplate(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/scorecard-templates/:id/publish',
    summary: 'Publish a valid DRAFT version: from then on it is frozen and rounds may use it',
    tag: 'scoring',
    params: idParams,
    response: templateDto,
    async handler({ app, actor, locale, params }) {
      await publishTemplate(app, actor, locale, params.id);
      return loadTemplate(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/scorecard-templates/:id/retire',
    summary: 'Retire a version (with a reason): new rounds can no longer use it; rounds that use it keep it',
    tag: 'scoring',
    params: idParams,
    body: retireTemplateInput,
    response: templateDto,
    async handler({ app, actor, locale, params, body }) {
      await retireTemplate(app, actor, params.id, body.reason);
      return loadTemplate(app, actor, locale, params.id);
    },
  }),
  // ── Rounds ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds',
    summary: 'Scoring rounds organised in scope or scoring a unit in scope, newest first, paged',
    tag: 'scoring',
    query: roundListQuery,
    response: pageOf(roundDto),
    async handler({ app, actor, query }) {
      const { rows, total } = await listRounds(app.db, actor, query, query.pageSize, (query.page - 1) * query.pageSize);
      const counts = await sheetCounts(app.db, actor, rows.map((r) => Number(r.id)));
      return { items: rows.map((r) => presentRound(actor, r, counts.get(Number(r.id))!)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id',
    summary: 'A scoring round with the number of sheets (that the user can read) by status',
    tag: 'scoring',
    params: idParams,
    response: roundDto,
    handler: ({ app, actor, params }) => loadRound(app, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/scoring-rounds',
    summary: 'Open a scoring round for the units below an organisation (its managers): one sheet per unit, scored against a published template by a deadline',
    tag: 'scoring',
    body: createRoundInput,
    response: roundDto,
    async handler({ app, actor, locale, body }) {
      const id = await createRound(app, actor, locale, body);
      return loadRound(app, actor, id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/scoring-rounds/:id/extend',
    summary: 'Extend the deadline (managers of the organiser, with a reason) of the listed sheets not yet submitted, or of all of them (null; the round deadline moves too)',
    tag: 'scoring',
    params: idParams,
    body: extendRoundInput,
    response: roundDto,
    async handler({ app, actor, params, body }) {
      await extendRound(app, actor, params.id, body);
      return loadRound(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/scoring-rounds/:id/remind',
    summary: 'Remind the units whose sheets are still draft or returned (managers of the organiser): an inbox notice each and an email to their officers',
    tag: 'scoring',
    params: idParams,
    body: remindRoundInput,
    response: remindRoundDto,
    handler: ({ app, actor, params }) => remindRound(app, actor, params.id),
  }),
  // ── Sheets ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/score-sheets',
    summary: 'Score sheets of the units in scope (optionally of one round or status), paged',
    tag: 'scoring',
    query: sheetListQuery,
    response: pageOf(sheetSummaryDto),
    async handler({ app, actor, query }) {
      const { rows, total } = await listSheets(app.db, actor, query, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((s) => presentSheetSummary(actor, s)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/score-sheets/:id',
    summary: 'A score sheet: the criteria that apply to the unit, its entries, self and verified totals, and what the user may do',
    tag: 'scoring',
    params: idParams,
    response: sheetDto,
    handler: ({ app, actor, locale, params }) => loadSheet(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/score-sheets/:id/entries',
    summary: 'Self-score some criteria (the unit, while the sheet is a draft or returned, before the deadline); each point is checked against the maximum and step, nothing is saved on any error',
    tag: 'scoring',
    params: idParams,
    body: selfEntriesInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await saveSelfEntries(app, actor, locale, params.id, body);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/submit',
    summary: 'Submit a complete sheet: the self total is stored and the sheet is locked for the unit',
    tag: 'scoring',
    params: idParams,
    body: versionInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await submitSheet(app, actor, locale, params.id, body.version);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/score-sheets/:id/verify-entries',
    summary: 'Verify some criteria of a submitted sheet (the organiser); a change from the self-score needs a reason',
    tag: 'scoring',
    params: idParams,
    body: verifyEntriesInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await saveVerifiedEntries(app, actor, locale, params.id, body);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/return',
    summary: 'Return a submitted sheet to the unit for clarification (with a reason): the unit can edit and submit it again',
    tag: 'scoring',
    params: idParams,
    body: returnSheetInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await returnSheet(app, actor, params.id, body.version, body.reason);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/approve',
    summary: 'Approve a submitted sheet: the verified total (unchanged criteria keep the self-score) is stored and classified with the round parameters',
    tag: 'scoring',
    params: idParams,
    body: versionInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await approveSheet(app, actor, locale, params.id, body.version);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
  // ── Results, publication, amendments ───────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/results',
    summary: 'Results of a round (readers of the organiser; readers of a scored unit once published): totals, classification, rank over the VERIFIED sheets with the declared tie-breaks and the rule that put each unit above the next, paged',
    tag: 'scoring',
    params: idParams,
    query: resultsQuery,
    response: roundResultsDto,
    async handler({ app, actor, params, query }) {
      return presentResults(await roundResults(app.db, actor, params.id, query.clusterId), query.page, query.pageSize);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/results.xlsx',
    summary: 'Exactly the results table as an Excel file (ranked within a cluster with clusterId)',
    tag: 'scoring',
    params: idParams,
    query: resultsExportQuery,
    produces: XLSX,
    async handler({ app, actor, params, query, reply }) {
      const r = await roundResults(app.db, actor, params.id, query.clusterId);
      const buffer = await resultsWorkbook(r);
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="ket-qua-cham-diem-${params.id}.xlsx"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/distribution',
    summary: 'Distribution of a round (same readers as the results): classification levels and verified totals in 10-point bins, for the whole round and for each cluster of its year whose members are scored',
    tag: 'scoring',
    params: idParams,
    response: roundDistributionDto,
    handler: ({ app, actor, locale, params }) => roundDistribution(app.db, actor, locale, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/scoring-rounds/:id/publish',
    summary: 'Publish the results (managers of the organiser): refused while a sheet is unverified unless excluded with a reason; stores ranks, writes a SCORING performance rating per unit (superseding an active one) and locks the round',
    tag: 'scoring',
    params: idParams,
    body: publishRoundInput,
    response: roundResultsDto,
    async handler({ app, actor, params, body }) {
      await publishRound(app, actor, params.id, body);
      return presentResults(await roundResults(app.db, actor, params.id), 1, LIMITS.pageSizeDefault);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/amend',
    summary: 'Correct a published sheet (managers of the organiser) with a reason: recomputes the total, classification and the round ranks, supersedes the rating when the classification changes; kept as an amendment',
    tag: 'scoring',
    params: idParams,
    body: amendSheetInput,
    response: sheetDto,
    async handler({ app, actor, locale, params, body }) {
      await amendSheet(app, actor, locale, params.id, body);
      return loadSheet(app, actor, locale, params.id);
    },
  }),
];

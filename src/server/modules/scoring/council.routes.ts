// Council scoring mode: setup, the scorers' marks (hidden from the other scorers until one's own is
// submitted), the normalised results and finalisation. Rules in council.service.ts.
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  councilCandidateDto,
  councilCandidatesQuery,
  councilDto,
  councilFinalizeDto,
  councilFinalizeInput,
  councilMarkDto,
  councilMarkInput,
  councilResultsDto,
  councilResultsQuery,
  councilSetupInput,
  councilSheetRowDto,
  councilSheetsQuery,
} from '../../../contracts/scoring-council';
import { councilCandidates, councilResults, councilSheets, finalizeCouncil, getCouncil, getMark, saveMark, setupCouncil, submitMark } from './council.service';

export const councilRoutes = [
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/council',
    summary: 'Council of a round: mode, scorers with the number of marks each submitted, whether the user scores, abilities (readers of the organiser)',
    tag: 'scoring',
    params: idParams,
    response: councilDto,
    handler: ({ app, actor, params }) => getCouncil(app.db, actor, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/scoring-rounds/:id/council',
    summary: 'Score the round by a council (managers of the organiser, OPEN rounds): at least 2 enabled scorers who read the organiser; a scorer who submitted a mark stays',
    tag: 'scoring',
    params: idParams,
    body: councilSetupInput,
    response: councilDto,
    async handler({ app, actor, params, body }) {
      await setupCouncil(app, actor, params.id, body);
      return getCouncil(app.db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/council/candidates',
    summary: 'Users who could score the round (enabled, a read role on the organiser or above), searchable by name, paged',
    tag: 'scoring',
    params: idParams,
    query: councilCandidatesQuery,
    response: pageOf(councilCandidateDto),
    async handler({ app, actor, params, query }) {
      const { rows, total } = await councilCandidates(app.db, actor, params.id, query.q || undefined, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/council/sheets',
    summary: 'Units of the round with the user’s own mark status and total and the number of submitted marks (scorers and managers), paged',
    tag: 'scoring',
    params: idParams,
    query: councilSheetsQuery,
    response: pageOf(councilSheetRowDto),
    async handler({ app, actor, params, query }) {
      const { rows, total } = await councilSheets(app.db, actor, params.id, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/scoring-rounds/:id/council/results',
    summary: 'Council results (managers; scorers once they have marked every unit): per scorer mean and SD, per unit raw mean, z mean and each mark with its z-score and outlier flag, by raw mean, paged',
    tag: 'scoring',
    params: idParams,
    query: councilResultsQuery,
    response: councilResultsDto,
    handler: ({ app, actor, params, query }) => councilResults(app.db, actor, params.id, query.page, query.pageSize),
  }),
  defineRoute({
    method: 'POST',
    url: '/scoring-rounds/:id/council/finalize',
    summary: 'Finalise (managers): each unit with a submitted mark gets its raw mean as verified total, classified with the round parameters, status VERIFIED',
    tag: 'scoring',
    params: idParams,
    body: councilFinalizeInput,
    response: councilFinalizeDto,
    async handler({ app, actor, params, body }) {
      const finalized = await finalizeCouncil(app, actor, params.id, body.version);
      const c = await getCouncil(app.db, actor, params.id);
      return { finalized, roundVersion: c.version };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/score-sheets/:id/council',
    summary: 'My council mark of a unit with the criteria; the other scorers’ marks only once mine is submitted (managers who do not score see the submitted ones)',
    tag: 'scoring',
    params: idParams,
    response: councilMarkDto,
    handler: ({ app, actor, locale, params }) => getMark(app.db, actor, locale, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/score-sheets/:id/council',
    summary: 'Save my draft mark (scorers): each point checked against the maximum and step; null clears one',
    tag: 'scoring',
    params: idParams,
    body: councilMarkInput,
    response: councilMarkDto,
    async handler({ app, actor, locale, params, body }) {
      await saveMark(app, actor, locale, params.id, body);
      return getMark(app.db, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/score-sheets/:id/council/submit',
    summary: 'Submit my complete mark: it is locked, and the other scorers’ submitted marks become visible to me',
    tag: 'scoring',
    params: idParams,
    response: councilMarkDto,
    async handler({ app, actor, locale, params }) {
      await submitMark(app, actor, locale, params.id);
      return getMark(app.db, actor, locale, params.id);
    },
  }),
];

import { z } from 'zod';
import { consultationExportRoutes } from './consultations-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import { publicOrgParams } from '../../../contracts/cascade';
import {
  consultationCandidateDto,
  consultationCandidatesQuery,
  consultationDto,
  consultationListQuery,
  consultationSummaryDto,
  createConsultationInput,
  feedbackDto,
  feedbackListQuery,
  handleFeedbackInput,
  publicConsultationPage,
  publicConsultationQuery,
  publicFeedbackInput,
  publicFeedbackResult,
  withdrawConsultationInput,
} from '../../../contracts/consultations';
import { notFound } from '../../lib/errors';
import { consultationDetail, createConsultation, listCandidates, listConsultations, loadReadableConsultation, withdrawConsultation } from './consultations.service';
import { handleFeedback, listFeedback, receiveFeedback } from './feedback.service';
import { listPublicConsultations } from './public.service';

export const consultationRoutes = [
  ...consultationExportRoutes,
  // ── Officers ───────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/consultations',
    summary: 'Public consultations (công khai, lấy ý kiến) of the organisations in the reader’s subtree, newest first, with feedback counts',
    tag: 'consultations',
    query: consultationListQuery,
    response: pageOf(consultationSummaryDto),
    handler: ({ app, actor, query }) => listConsultations(app, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/consultations/candidates',
    summary: 'Nominations an organisation may publish: held by it, sent to its council, in no consultation that has not ended',
    tag: 'consultations',
    query: consultationCandidatesQuery,
    response: z.object({ items: z.array(consultationCandidateDto) }),
    handler: async ({ app, actor, locale, query }) => ({ items: await listCandidates(app, actor, locale, query.orgId) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/consultations',
    summary: 'Publish a list of proposed awardees for N working days (default 10) counted on the work calendar; TĐKT officers of the organisation',
    tag: 'consultations',
    body: createConsultationInput,
    response: consultationDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createConsultation(app, actor, body);
      reply.status(201);
      return consultationDetail(app, actor, locale, await loadReadableConsultation(app.db, actor, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/consultations/:id',
    summary: 'A consultation with its proposed awardees, their public summaries and feedback counts per status',
    tag: 'consultations',
    params: idParams,
    response: consultationDto,
    handler: async ({ app, actor, locale, params }) => consultationDetail(app, actor, locale, await loadReadableConsultation(app.db, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/consultations/:id/withdraw',
    summary: 'Withdraw a published list with a reason (kept, no longer public, accepts no feedback)',
    tag: 'consultations',
    params: idParams,
    body: withdrawConsultationInput,
    response: consultationDto,
    async handler({ app, actor, locale, params, body }) {
      await withdrawConsultation(app, actor, params.id, body.reason);
      return consultationDetail(app, actor, locale, await loadReadableConsultation(app.db, actor, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/consultations/:id/feedback',
    summary: 'Feedback received on a consultation, with the sender’s name and contact (officers of the organisation)',
    tag: 'consultations',
    params: idParams,
    query: feedbackListQuery,
    response: pageOf(feedbackDto),
    handler: ({ app, actor, params, query }) => listFeedback(app, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/consultation-feedback/:id/handle',
    summary: 'Record how a piece of feedback was handled: RELEVANT (with what was done) or DISMISSED (with why)',
    tag: 'consultations',
    params: idParams,
    body: handleFeedbackInput,
    response: feedbackDto,
    handler: ({ app, actor, params, body }) => handleFeedback(app, actor, params.id, body),
  }),

  // ── Public ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/public/orgs/:code/consultations',
    summary: 'An organisation’s published lists of proposed awardees (running, and ended in the last 90 days); no login, no personal data',
    tag: 'public',
    auth: 'public',
    params: publicOrgParams,
    query: publicConsultationQuery,
    response: publicConsultationPage,
    async handler({ app, params, query }) {
      const r = await listPublicConsultations(app.db, params.code, query.page, query.pageSize);
      if (!r) throw notFound();
      return r;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/public/consultation-items/:id/feedback',
    summary: 'Send feedback about a proposed awardee while the consultation runs (name and contact required; at most 5 an hour and 20 a day per address)',
    tag: 'public',
    auth: 'public',
    params: idParams,
    body: publicFeedbackInput,
    response: publicFeedbackResult,
    async handler({ app, params, body, req, reply }) {
      const r = await receiveFeedback(app, params.id, body, req.ip);
      reply.status(201);
      return r;
    },
  }),
];

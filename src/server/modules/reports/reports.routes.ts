import type { FastifyReply } from 'fastify';
import { idParams } from '../../../contracts/common';
import {
  annualSummaryBody, annualSummaryQuery, createSnapshotInput, rerunDto, rerunParams, snapshotDto, snapshotStatFormQuery, snapshotListQuery, snapshotPage, withdrawSnapshotInput,
} from '../../../contracts/reports';
import { defineRoute } from '../../lib/http';
import { DOCX_TYPE, liveAnnualSummary } from './annual-summary.service';
import { createSnapshot, getRerun, getSnapshot, listSnapshots, requestRerun, snapshotAnnualSummary, snapshotStatForm, withdrawSnapshot } from './snapshots.service';
import { attachmentHeader } from '../../lib/files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TAG = 'reports';

const sendDocx = (reply: FastifyReply, file: { buffer: Buffer; fileName: string }) =>
  reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.buffer);

export const reportRoutes = [
  defineRoute({
    method: 'POST',
    url: '/reports/annual-summary.docx',
    summary:
      'The annual emulation and commendation summary of an organisation and year as a Word document (Nghị định 30/2020 layout): awards, shares against the target, the process, streaks, overdue work, two charts, and the narrative typed by the user',
    tag: TAG,
    body: annualSummaryBody,
    produces: DOCX_TYPE,
    async handler({ app, actor, body, reply }) {
      return sendDocx(reply, await liveAnnualSummary(app.db, actor, body));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/annual-summary.docx',
    summary: 'The annual summary without narrative (organisation, year and targets in the query)',
    tag: TAG,
    query: annualSummaryQuery,
    produces: DOCX_TYPE,
    async handler({ app, actor, query, reply }) {
      const targets = { NON_LEADER: query.targetNonLeader, DIRECT_WORKER: query.targetDirectWorker, WOMEN: query.targetWomen, SMALL_COLLECTIVE: query.targetSmallCollective };
      return sendDocx(reply, await liveAnnualSummary(app.db, actor, { orgId: query.orgId, year: query.year, targets }));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/reports/snapshots',
    summary:
      'Freeze the figures of an organisation and year as the records stood at a moment (default now). Answers at once with status COMPUTING; the figures and their sha-256 follow (GET the report until ACTIVE)',
    tag: TAG,
    body: createSnapshotInput,
    response: snapshotDto,
    handler: ({ app, actor, locale, body }) => createSnapshot(app, actor, locale, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/snapshots',
    summary: 'Frozen reports of an organisation subtree (optionally one year), newest first',
    tag: TAG,
    query: snapshotListQuery,
    response: snapshotPage,
    handler: ({ app, actor, locale, query }) => listSnapshots(app.db, actor, locale, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/snapshots/:id',
    summary: 'A frozen report with its parameters and stored figures',
    tag: TAG,
    params: idParams,
    response: snapshotDto,
    handler: ({ app, actor, locale, params }) => getSnapshot(app.db, actor, locale, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/reports/snapshots/:id/rerun',
    summary:
      'Recompute the figures as of the frozen moment and compare them figure by figure with the stored ones. Answers at once with the re-run (status COMPUTING; the running one if there is one); GET it until DONE',
    tag: TAG,
    params: idParams,
    response: rerunDto,
    handler: ({ app, actor, locale, params }) => requestRerun(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/snapshots/:id/reruns/:rerunId',
    summary: 'A re-run of a frozen report: its progress, and once DONE whether the figures are identical and which differ',
    tag: TAG,
    params: rerunParams,
    response: rerunDto,
    handler: ({ app, actor, locale, params }) => getRerun(app.db, actor, locale, params.id, params.rerunId),
  }),
  defineRoute({
    method: 'POST',
    url: '/reports/snapshots/:id/withdraw',
    summary: 'Withdraw a frozen report with a reason (it is kept)',
    tag: TAG,
    params: idParams,
    body: withdrawSnapshotInput,
    response: snapshotDto,
    handler: ({ app, actor, locale, params, body }) => withdrawSnapshot(app.db, actor, locale, params.id, body.reason),
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/snapshots/:id/annual-summary.docx',
    summary: 'The annual summary drawn from the stored figures of a frozen report (the same figures give the same text)',
    tag: TAG,
    params: idParams,
    produces: DOCX_TYPE,
    async handler({ app, actor, params, reply }) {
      return sendDocx(reply, await snapshotAnnualSummary(app.db, actor, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/snapshots/:id/stat-form.xlsx',
    summary: 'A statistical form (report template) filled with the stored figures of a frozen report, dated its moment',
    tag: TAG,
    params: idParams,
    query: snapshotStatFormQuery,
    produces: XLSX,
    async handler({ app, actor, locale, params, query, reply }) {
      const { file, fileName } = await snapshotStatForm(app.db, actor, locale, params.id, query.templateId);
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(fileName)).send(file);
    },
  }),
];

import { nominationExportRoutes } from './nominations-export';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  answerOpinionInput,
  closeNominationRoundInput,
  createNominationInput,
  createNominationRoundInput,
  createSubmissionInput,
  documentUploadFields,
  itemDecisionInput,
  nominationDto,
  nominationListQuery,
  nominationRoundDto,
  nominationRoundListQuery,
  nominationSummaryDto,
  requestOpinionInput,
  revokeDocumentInput,
  submissionActionInput,
  submissionActionParams,
  submissionDto,
  submissionListQuery,
  submissionSummaryDto,
  updateNominationInput,
  whatIfDto,
  whatIfQuery,
  withdrawNominationInput,
} from '../../../contracts/nominations';
import { LIMITS } from '../../../contracts/limits';
import { AppError } from '../../lib/errors';
import { attachmentHeader, FILE_KINDS, sendStoredFile, storeUpload } from '../../lib/files';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { awardNames, closeNominationRound, createNominationRound, listNominationRounds, loadReadableRound, presentNominationRound, roundCounts } from './rounds.service';
import { createNomination, listNominations, loadReadableNomination, presentNomination, reevaluateNomination, updateNomination, withdrawNomination } from './nominations.service';
import { addDocument, answerOpinion, checkDocumentTarget, loadReadableDocument, requestOpinion, revokeDocument } from './dossier.service';
import { createSubmission, decideItem, listSubmissions, loadReadableSubmission, presentSubmission, remindSubmission, setSubmissionItems, transitionSubmission } from './submissions.service';
import { nominationWhatIf } from './what-if.service';
import { achievementReport, proposalFiles } from './documents.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function roundOut(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  const r = await loadReadableRound(app.db, actor, id);
  const [awards, counts] = await Promise.all([awardNames(app.db, locale), roundCounts(app.db, actor, [id])]);
  return presentNominationRound(actor, r, awards, counts.get(id)!);
}

async function nominationOut(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  return presentNomination(app.db, actor, locale, await loadReadableNomination(app.db, actor, id));
}

async function submissionOut(app: AppContext, actor: AuthActor, locale: Locale, id: number) {
  return presentSubmission(app.db, actor, locale, await loadReadableSubmission(app.db, actor, id));
}

/** A multipart field's value as sent before the file. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const f = fields[name] as { type?: string; value?: unknown } | undefined;
  return f && f.type === 'field' && typeof f.value === 'string' ? f.value : undefined;
}

const itemParams = z.object({ id: z.coerce.number().int().positive(), nominationId: z.coerce.number().int().positive() });

export const nominationRoutes = [
  ...nominationExportRoutes,
  // ── Rounds ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/nomination-rounds',
    summary: 'Nomination rounds (đợt xét) of the organisations in scope and of those above them, newest first',
    tag: 'nominations',
    query: nominationRoundListQuery,
    response: pageOf(nominationRoundDto),
    handler: ({ app, actor, locale, query }) => listNominationRounds(app, actor, locale, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/nomination-rounds',
    summary: 'Open a round with its awards; the deadlines of each level are planned backwards from the ceremony on the work calendar',
    tag: 'nominations',
    body: createNominationRoundInput,
    response: nominationRoundDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createNominationRound(app, actor, body);
      reply.status(201);
      return roundOut(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/nomination-rounds/:id',
    summary: 'A round with its schedule per level and the reader’s own deadline',
    tag: 'nominations',
    params: idParams,
    response: nominationRoundDto,
    handler: ({ app, actor, locale, params }) => roundOut(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/nomination-rounds/:id/close',
    summary: 'Close (or cancel) a round with a reason; nothing can be proposed or moved in it afterwards',
    tag: 'nominations',
    params: idParams,
    body: closeNominationRoundInput,
    response: nominationRoundDto,
    async handler({ app, actor, locale, params, body }) {
      await closeNominationRound(app, actor, params.id, body);
      return roundOut(app, actor, locale, params.id);
    },
  }),

  // ── Nominations ────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/nominations',
    summary: 'Nominations the reader may see: their own unit’s, and those sent up from units below; with missing documents and conflicts counted',
    tag: 'nominations',
    query: nominationListQuery,
    response: pageOf(nominationSummaryDto),
    handler: ({ app, actor, locale, query }) => listNominations(app, actor, locale, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/nominations/what-if',
    summary: 'How a unit’s list stands against quotas and shares (leaders, direct workers, women) before it is submitted',
    tag: 'nominations',
    query: whatIfQuery,
    response: whatIfDto,
    handler: ({ app, actor, locale, query }) => nominationWhatIf(app, actor, locale, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/nominations',
    summary: 'Propose a person or a unit for an award of a round; the eligibility engine runs and its explanation is kept',
    tag: 'nominations',
    body: createNominationInput,
    response: nominationDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createNomination(app, actor, body);
      reply.status(201);
      return nominationOut(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/nominations/:id',
    summary: 'A nomination: eligibility snapshot, dossier checklist and files, conflicts, history and opinions',
    tag: 'nominations',
    params: idParams,
    response: nominationDto,
    handler: ({ app, actor, locale, params }) => nominationOut(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/nominations/:id',
    summary: 'Change a draft or returned nomination (the engine runs again)',
    tag: 'nominations',
    params: idParams,
    body: updateNominationInput,
    response: nominationDto,
    async handler({ app, actor, locale, params, body }) {
      await updateNomination(app, actor, params.id, body);
      return nominationOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/nominations/:id/reevaluate',
    summary: 'Run the eligibility engine again on today’s records',
    tag: 'nominations',
    params: idParams,
    response: nominationDto,
    async handler({ app, actor, locale, params }) {
      await reevaluateNomination(app, actor, params.id);
      return nominationOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/nominations/:id/withdraw',
    summary: 'Withdraw a nomination with a reason (kept, marked withdrawn)',
    tag: 'nominations',
    params: idParams,
    body: withdrawNominationInput,
    response: nominationDto,
    async handler({ app, actor, locale, params, body }) {
      await withdrawNomination(app, actor, params.id, body);
      return nominationOut(app, actor, locale, params.id);
    },
  }),

  // ── Dossier ────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'POST',
    url: '/nominations/:id/documents',
    summary:
      'Add a file to the dossier (multipart: kind and optional supersedesId before the file). PDF, DOCX, XLSX, JPEG or PNG by content, at most 10 MB; a replacement supersedes the earlier version',
    tag: 'nominations',
    params: idParams,
    multipart: true,
    response: nominationDto,
    async handler({ app, actor, locale, req, params }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'file.noFile');
      const file = await req.file({ limits: { fileSize: LIMITS.documentMaxBytes, files: 1, fields: 5 } });
      if (!file) throw new AppError('VALIDATION', 'file.noFile');
      const fields = documentUploadFields.parse({ kind: fieldValue(file.fields, 'kind'), supersedesId: fieldValue(file.fields, 'supersedesId') });
      try {
        await checkDocumentTarget(app.db, actor, params.id);
      } catch (e) {
        file.file.resume();
        throw e;
      }
      const stored = await storeUpload(app.config.dataDir, file.file, { maxBytes: LIMITS.documentMaxBytes, allowed: FILE_KINDS, fileName: file.filename });
      await addDocument(app, actor, params.id, fields.kind, fields.supersedesId, stored);
      return nominationOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/nominations/:id/achievement-report.docx',
    summary: 'The báo cáo thành tích pre-filled from the nominee’s records (awards, ratings, initiatives), to edit in Word and upload back',
    tag: 'nominations',
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const n = await loadReadableNomination(app.db, actor, params.id);
      const buffer = await achievementReport(app.db, n);
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`Báo cáo thành tích - ${n.subject_name}.docx`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/submissions/:id/proposal.docx',
    summary: 'The tờ trình of a submission with its list, as a Word file',
    tag: 'nominations',
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, params, reply }) {
      const f = await proposalFiles(app, actor, params.id, 'docx');
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(f.fileName)).send(f.buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/submissions/:id/list.xlsx',
    summary: 'The list of a submission (nominees, awards, eligibility, justification, appraisal) as an Excel file',
    tag: 'nominations',
    params: idParams,
    produces: XLSX,
    async handler({ app, actor, params, reply }) {
      const f = await proposalFiles(app, actor, params.id, 'xlsx');
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(f.fileName)).send(f.buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/nomination-documents/:id/file',
    summary: 'Download a dossier file (readers of its nomination), whatever its status',
    tag: 'nominations',
    params: idParams,
    produces: 'application/octet-stream',
    async handler({ app, actor, params, reply }) {
      const { document } = await loadReadableDocument(app.db, actor, params.id);
      return sendStoredFile(reply, app.config.dataDir, document);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/nomination-documents/:id/revoke',
    summary: 'Withdraw a dossier file with a reason (the file and its record are kept)',
    tag: 'nominations',
    params: idParams,
    body: revokeDocumentInput,
    response: nominationDto,
    async handler({ app, actor, locale, params, body }) {
      const nominationId = await revokeDocument(app, actor, params.id, body.reason);
      return nominationOut(app, actor, locale, nominationId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/nominations/:id/opinions',
    summary: 'Ask a related agency (tax, social insurance, police…) for its opinion on a nomination being appraised',
    tag: 'nominations',
    params: idParams,
    body: requestOpinionInput,
    response: nominationDto,
    async handler({ app, actor, locale, params, body }) {
      await requestOpinion(app, actor, params.id, body);
      return nominationOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/opinion-requests/:id/answer',
    summary: 'Record an agency’s answer (agree, or object with its reasons)',
    tag: 'nominations',
    params: idParams,
    body: answerOpinionInput,
    response: nominationDto,
    async handler({ app, actor, locale, params, body }) {
      const nominationId = await answerOpinion(app, actor, params.id, body);
      return nominationOut(app, actor, locale, nominationId);
    },
  }),

  // ── Submissions ────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/submissions',
    summary: 'Submissions (tờ trình): INBOX = waiting for the reader’s appraisal, most urgent first; SENT = from the reader’s units',
    tag: 'nominations',
    query: submissionListQuery,
    response: pageOf(submissionSummaryDto),
    handler: ({ app, actor, query }) => listSubmissions(app, actor, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/submissions',
    summary: 'Group draft nominations of a unit into a submission to its superior (a draft until submitted)',
    tag: 'nominations',
    body: createSubmissionInput,
    response: submissionDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createSubmission(app, actor, body);
      reply.status(201);
      return submissionOut(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/submissions/:id',
    summary: 'A submission with its lines, what stops it from being sent, and what the reader may do',
    tag: 'nominations',
    params: idParams,
    response: submissionDto,
    handler: ({ app, actor, locale, params }) => submissionOut(app, actor, locale, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/submissions/:id/items',
    summary: 'Set the nominations of a draft submission',
    tag: 'nominations',
    params: idParams,
    body: z.object({ version: z.number().int().positive(), nominationIds: z.array(z.number().int().positive()).min(1).max(2000) }),
    response: submissionDto,
    async handler({ app, actor, locale, params, body }) {
      await setSubmissionItems(app, actor, params.id, body);
      return submissionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/submissions/:id/remind',
    summary: 'Remind the receiving organisation of a submission waiting for appraisal (in-app and email)',
    tag: 'nominations',
    params: idParams,
    response: z.object({ emails: z.number().int() }),
    handler: ({ app, actor, params }) => remindSubmission(app, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/submissions/:id/items/:nominationId',
    summary: 'Decide on one line: ACCEPT, RETURN or REJECT (appraiser, with a reason for the last two); FIX or WITHDRAW (the sending unit)',
    tag: 'nominations',
    params: itemParams,
    body: itemDecisionInput,
    response: submissionDto,
    async handler({ app, actor, locale, params, body }) {
      await decideItem(app, actor, params.id, params.nominationId, body);
      return submissionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/submissions/:id/:action',
    summary:
      'Move a submission: submit, withdraw (before receipt), resubmit (sending unit); receive, start, return, finish, to-council, escalate (appraisers of the receiving organisation)',
    tag: 'nominations',
    params: submissionActionParams,
    body: submissionActionInput,
    response: submissionDto.extend({ escalatedId: z.number().int().nullable() }),
    async handler({ app, actor, locale, params, body }) {
      const r = await transitionSubmission(app, actor, params.id, params.action, body);
      return { ...(await submissionOut(app, actor, locale, params.id)), escalatedId: r.escalatedId };
    },
  }),
];

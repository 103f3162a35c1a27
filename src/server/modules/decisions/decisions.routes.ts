import { decisionExportRoutes } from './decisions-export';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import { decisionCandidateDto, decisionCandidatesQuery, rateListQuery, rateParams, rewardRateList, setRewardRateInput, certificatesQuery, serialParams, verificationDto, createDecisionInput, decisionDto, decisionListQuery, decisionSummaryDto, fundDto, fundParams, revokeDecisionInput, setFundBudgetInput, signDecisionInput, updateDecisionInput } from '../../../contracts/decisions';
import { LIMITS } from '../../../contracts/limits';
import type { Locale } from '../../../contracts/enums';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { attachmentHeader, sendStoredFile, storeUpload } from '../../lib/files';
import { fund, fundLedgerXlsx, recordRecovery, revokeRecovery, setFundBudget } from './fund.service';
import { decisionItemParams, decisionQuery, recordRecoveryInput, recoveryParams, revokeRecoveryInput } from '../../../contracts/decisions';
import { renderDecision, renderDecisionPdf } from './decision-document';
import { certificatesPdf, verifyCertificate } from '../certificates/certificates.service';
import { managesCouncilOrg } from '../councils/councils.service';
import { createDecision, decisionCandidates, listDecisions, numberText as decisionNumberText, publishDecision, loadReadableDecision, presentDecision, revokeDecision, signDecision, updateDecision } from './decisions.service';
import { listRates, setRate } from './rates.service';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { SCAN_KINDS, attachScan, checkScanTarget, loadReadableScan } from './scan.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TAG = 'decisions';

/** The download name of a decision: "Quyết định 05-QĐ-LĐLĐ", or "Dự thảo quyết định 12" before signing. */
const documentName = (id: number, numberText: string | null) => (numberText ? `Quyết định ${numberText.replace('/', '-')}` : `Dự thảo quyết định ${id}`);

async function decisionOut(app: AppContext, actor: AuthActor, locale: Locale, id: number, opts: { signedOn?: string } = {}) {
  return presentDecision(app.db, actor, locale, await loadReadableDecision(app.db, actor, id), opts);
}

export const decisionRoutes = [
  ...decisionExportRoutes,
  defineRoute({
    method: 'GET',
    url: '/decisions',
    summary: 'Commendation decisions of the organisations in scope, drafts first, then newest signed',
    tag: TAG,
    query: decisionListQuery,
    response: pageOf(decisionSummaryDto),
    handler: ({ app, actor, query }) => listDecisions(app.db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/decisions/candidates',
    summary: 'Nominations the organisation holds that are ready for its decision (passed by its council, or simplified procedure) and in no decision yet',
    tag: TAG,
    query: decisionCandidatesQuery,
    response: pageOf(decisionCandidateDto),
    handler: ({ app, actor, locale, query }) => decisionCandidates(app.db, actor, locale, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions',
    summary: 'Draft a decision from a council meeting’s passed nominations or from named nominations; the organisation must be entitled to every award',
    tag: TAG,
    body: createDecisionInput,
    response: decisionDto,
    async handler({ app, actor, locale, body, reply }) {
      const id = await createDecision(app, actor, body);
      reply.status(201);
      return decisionOut(app, actor, locale, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/decisions/:id',
    summary: 'A decision with its lines and money (a draft shows the money, and the fund of the year, as if signed on ?signedOn=, today by default)',
    tag: TAG,
    params: idParams,
    query: decisionQuery,
    response: decisionDto,
    handler: ({ app, actor, locale, params, query }) => decisionOut(app, actor, locale, params.id, query),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/decisions/:id',
    summary: 'Edit a draft: subject, basis, execution, signer, recipients, rounding, achievement texts',
    tag: TAG,
    params: idParams,
    body: updateDecisionInput,
    response: decisionDto,
    async handler({ app, actor, locale, params, body }) {
      await updateDecision(app, actor, params.id, body);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/sign',
    summary: 'Sign: assigns the number (sequential per organisation and year), fixes the money, creates the award records, notifies, locks',
    tag: TAG,
    params: idParams,
    body: signDecisionInput,
    response: decisionDto,
    async handler({ app, actor, locale, params, body }) {
      await signDecision(app, actor, params.id, body);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/publish',
    summary: 'Publish the issued copy of a signed decision on the organisation’s public pages (/cong-khai/:code), when it was not published at signing',
    tag: TAG,
    params: idParams,
    response: decisionDto,
    async handler({ app, actor, locale, params }) {
      await publishDecision(app, actor, params.id);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/revoke',
    summary: 'Revoke lines or the whole decision (Điều 93) with the ground and the revoking decision; award records are revoked, the money is to be recovered',
    tag: TAG,
    params: idParams,
    body: revokeDecisionInput,
    response: decisionDto,
    async handler({ app, actor, locale, params, body }) {
      await revokeDecision(app, actor, params.id, body);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/items/:itemId/recoveries',
    summary: 'Record money paid back on a revoked line (Điều 93) into the issuing organisation’s fund of the year of payment; never more than the line’s amount',
    tag: TAG,
    params: decisionItemParams,
    body: recordRecoveryInput,
    response: decisionDto,
    async handler({ app, actor, locale, params, body, reply }) {
      await recordRecovery(app, actor, params.id, params.itemId, body);
      reply.status(201);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/items/:itemId/recoveries/:rid/revoke',
    summary: 'Revoke a wrongly recorded recovery with a reason (it is kept, no longer counted)',
    tag: TAG,
    params: recoveryParams,
    body: revokeRecoveryInput,
    response: decisionDto,
    async handler({ app, actor, locale, params, body }) {
      await revokeRecovery(app, actor, params.id, params.itemId, params.rid, body.reason);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/reward-funds/:orgId/:year',
    summary: 'The reward fund of an organisation for a year: budget, paid by signed decisions, to recover, balance, ledger',
    tag: TAG,
    params: fundParams,
    response: fundDto,
    handler: ({ app, actor, params }) => fund(app.db, actor, params.orgId, params.year),
  }),
  defineRoute({
    method: 'PUT',
    url: '/reward-funds/:orgId/:year',
    summary: 'Set the year’s budget of the reward fund (a correction supersedes the previous amount)',
    tag: TAG,
    params: fundParams,
    body: setFundBudgetInput,
    response: fundDto,
    async handler({ app, actor, params, body }) {
      await setFundBudget(app, actor, params.orgId, params.year, body);
      return fund(app.db, actor, params.orgId, params.year);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/reward-rates',
    summary: 'The rates (mức tiền thưởng) an organisation’s decisions use for awards without a State coefficient, on a date (today by default): its own or the nearest ancestor’s',
    tag: TAG,
    query: rateListQuery,
    response: rewardRateList,
    handler: ({ app, actor, locale, query }) => listRates(app.db, actor, locale, query.orgId, query.date ?? todayInVietnam()),
  }),
  defineRoute({
    method: 'PUT',
    url: '/reward-rates/:orgId/:awardCode',
    summary: 'Set the organisation’s rate of an award without a State coefficient: a coefficient of the base salary or a fixed amount, from a date (a rate of the same date is superseded)',
    tag: TAG,
    params: rateParams,
    body: setRewardRateInput,
    response: rewardRateList,
    async handler({ app, actor, locale, params, body }) {
      await setRate(app, actor, params.orgId, params.awardCode, body);
      return listRates(app.db, actor, locale, params.orgId, todayInVietnam());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/reward-funds/:orgId/:year/ledger.xlsx',
    summary: 'The reward fund ledger as XLSX',
    tag: TAG,
    params: fundParams,
    produces: XLSX,
    async handler({ app, actor, locale, params, reply }) {
      const buffer = await fundLedgerXlsx(app.db, actor, locale, params.orgId, params.year);
      return reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(`So-quy-thi-dua-khen-thuong-${params.year}.xlsx`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/decisions/:id/document.docx',
    summary: 'The decision as DOCX (Nghị định 30/2020 layout; a draft is marked DỰ THẢO and has no number); long lists go to an annex',
    tag: TAG,
    params: idParams,
    produces: DOCX,
    async handler({ app, actor, locale, params, reply }) {
      const d = await loadReadableDecision(app.db, actor, params.id);
      const dto = await presentDecision(app.db, actor, locale, d);
      const buffer = await renderDecision(d, dto, locale);
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`${documentName(d.id, dto.numberText)}.docx`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/decisions/:id/document.pdf',
    summary: 'The decision as PDF, from the same data as the DOCX (Nghị định 30/2020 layout, fonts embedded; a draft is marked DỰ THẢO)',
    tag: TAG,
    params: idParams,
    produces: 'application/pdf',
    async handler({ app, actor, locale, params, reply }) {
      const d = await loadReadableDecision(app.db, actor, params.id);
      const dto = await presentDecision(app.db, actor, locale, d);
      const buffer = await renderDecisionPdf(d, dto, locale);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentHeader(`${documentName(d.id, dto.numberText)}.pdf`)).send(buffer);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/decisions/:id/scan',
    summary: 'Attach the signed scan of a signed decision (multipart, one file: PDF, JPEG or PNG by content, at most 10 MB); it supersedes the previous scan, which stays downloadable',
    tag: TAG,
    params: idParams,
    multipart: true,
    response: decisionDto,
    async handler({ app, actor, locale, req, params }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'file.noFile');
      const file = await req.file({ limits: { fileSize: LIMITS.documentMaxBytes, files: 1, fields: 2 } });
      if (!file) throw new AppError('VALIDATION', 'file.noFile');
      // Refuse before receiving the bytes when the decision cannot take them.
      try {
        await checkScanTarget(app.db, actor, params.id);
      } catch (e) {
        file.file.resume();
        throw e;
      }
      const stored = await storeUpload(app.config.dataDir, file.file, { maxBytes: LIMITS.documentMaxBytes, allowed: SCAN_KINDS, fileName: file.filename });
      await attachScan(app, actor, params.id, stored);
      return decisionOut(app, actor, locale, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/decision-scans/:id/file',
    summary: 'Download a signed scan of a decision (readers of the decision), whatever its status',
    tag: TAG,
    params: idParams,
    produces: 'application/octet-stream',
    async handler({ app, actor, params, reply }) {
      return sendStoredFile(reply, app.config.dataDir, await loadReadableScan(app.db, actor, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/decisions/:id/certificates.pdf',
    summary: 'The certificates of a signed decision in one PDF, each with its serial and QR code: every active line grouped by award (each kind in its own template), or one award when named',
    tag: TAG,
    params: idParams,
    query: certificatesQuery,
    produces: 'application/pdf',
    async handler({ app, actor, locale, params, query, reply }) {
      const d = await loadReadableDecision(app.db, actor, params.id);
      if (!managesCouncilOrg(actor, d.org_path)) throw forbidden();
      const out = await certificatesPdf(app, d.id, query.awardCode, locale);
      const name = out.awardCode ? `Giấy khen - ${d.id} - ${out.awardCode}.pdf` : `Giấy khen - ${decisionNumberText(d)?.replace('/', '-') ?? d.id}.pdf`;
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentHeader(name)).send(out.pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/verify/:serial',
    summary: 'Verify a certificate by its serial (no login): name, award, decision and issuer only, or that it was revoked',
    tag: 'public',
    auth: 'public',
    params: serialParams,
    response: verificationDto,
    async handler({ app, locale, params }) {
      const v = await verifyCertificate(app.db, params.serial, locale);
      if (!v) throw notFound();
      return v;
    },
  }),
];

import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  bulkRegistrationInput, bulkRegistrationResult, correctRegistrationInput, createRegistrationInput, importRegistrationsResult, REGISTRATION_IMPORT_MAX_BYTES,
  registrationDto, registrationListQuery, registrationOptions as registrationOptionsDto, registrationOptionsQuery, registrationSummary, registrationTemplateQuery,
  reviewRegistrationsInput, withdrawRegistrationInput, type RegistrationListQuery,
} from '../../../contracts/registrations';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { t } from '../../../contracts/messages';
import { readableSubtrees } from '../organisations/organisations.repository';
import { assertXlsxSignature, ImportFileError } from '../imports/xlsx';
import { registrationPolicy } from './registrations.policy';
import { findRegistration, listRegistrations, summariseRegistrations, activeMembers, type RegistrationFilter } from './registrations.repository';
import { bulkRegister, correctRegistration, createRegistration, presentRegistration, reviewRegistrations, withdrawRegistration } from './registrations.service';
import { allowedAwards, importRegistrations, registrationOptions } from './registration-options';
import { registrationExport, registrationTemplate } from './registration-xlsx';
import { findUnit, loadMovementFor } from './register';
import { orgPolicy } from '../../lib/policy';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_MAX_ROWS = 20_000;

async function loadOne(app: AppContext, actor: AuthActor, id: number) {
  const row = await findRegistration(app.db, id);
  if (!row || !registrationPolicy.read(actor, row)) throw notFound();
  return presentRegistration(actor, row);
}

async function filterOf(app: AppContext, actor: AuthActor, q: RegistrationListQuery): Promise<RegistrationFilter> {
  const paths = await readableSubtrees(app.db, actor, q.orgId);
  const { orgId: _o, page: _p, pageSize: _s, ...rest } = q;
  return { ...rest, paths, ownPersonId: q.orgId === undefined ? actor.personId : null };
}

export const registrationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/registrations',
    summary: 'Registrations in the actor\'s subtree (and their own), filtered and paged, with abilities',
    tag: 'registrations',
    query: registrationListQuery,
    response: pageOf(registrationDto),
    async handler({ app, actor, query }) {
      const { rows, total } = await listRegistrations(app.db, await filterOf(app, actor, query), query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((r) => presentRegistration(actor, r)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/registrations/summary',
    summary: 'Counts by award and review status for the same filter',
    tag: 'registrations',
    query: registrationListQuery,
    response: registrationSummary,
    async handler({ app, actor, query }) {
      const rows = await summariseRegistrations(app.db, await filterOf(app, actor, query));
      const byReview = { SUBMITTED: 0, APPROVED: 0, RETURNED: 0 };
      const byAward = new Map<string, { awardCode: string; awardName: string; submitted: number; approved: number; returned: number }>();
      for (const r of rows) {
        byReview[r.review_status] += Number(r.n);
        const a = byAward.get(r.award_code) ?? { awardCode: r.award_code, awardName: r.award_name, submitted: 0, approved: 0, returned: 0 };
        a[r.review_status === 'SUBMITTED' ? 'submitted' : r.review_status === 'APPROVED' ? 'approved' : 'returned'] += Number(r.n);
        byAward.set(r.award_code, a);
      }
      return { total: byReview.SUBMITTED + byReview.APPROVED + byReview.RETURNED, byReview, byAward: [...byAward.values()] };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/registrations/export.xlsx',
    summary: 'Exactly the filtered list as an Excel file',
    tag: 'registrations',
    query: registrationListQuery,
    produces: XLSX_TYPE,
    async handler({ app, actor, query, reply }) {
      const { rows } = await listRegistrations(app.db, await filterOf(app, actor, query), EXPORT_MAX_ROWS, 0);
      const year = query.year ?? new Date().getFullYear();
      const buffer = await registrationExport(rows.map((r) => presentRegistration(actor, r)), t('vi', 'registration.xlsx.title', { year }));
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="dang-ky-thi-dua-${year}.xlsx"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/registrations/options',
    summary: 'Titles a unit may register for itself and its members, and its active members (the form)',
    tag: 'registrations',
    query: registrationOptionsQuery,
    response: registrationOptionsDto,
    handler: ({ app, actor, query }) => registrationOptions(app, actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/registrations/template.xlsx',
    summary: 'Template pre-filled with the unit\'s active members and a drop-down of the allowed titles',
    tag: 'registrations',
    query: registrationTemplateQuery,
    produces: XLSX_TYPE,
    async handler({ app, actor, query, reply }) {
      const unit = await findUnit(app.db, query.unitId);
      if (!unit || !orgPolicy.listMembers(actor, unit)) throw notFound();
      const movement = await loadMovementFor(app.db, query.movementId);
      const [{ memberAwards }, members] = await Promise.all([allowedAwards(app.db, unit, query.year, movement), activeMembers(app.db, unit.path, 5000)]);
      const buffer = await registrationTemplate({
        unitName: unit.name, year: query.year, movementTitle: movement?.title ?? null, awards: memberAwards,
        members: members.map((m) => ({ memberCode: m.member_code, fullName: m.full_name, unitName: m.unit_name })),
      });
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="mau-dang-ky-thi-dua-${query.year}.xlsx"`).send(buffer);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/registrations/import',
    summary: 'Upload the filled template (.xlsx): checked row by row, saved all or nothing',
    tag: 'registrations',
    query: registrationTemplateQuery,
    multipart: true,
    response: importRegistrationsResult,
    async handler({ app, actor, query, req }) {
      if (!req.isMultipart()) throw new AppError('VALIDATION', 'registration.file.missing');
      const file = await req.file({ limits: { fileSize: REGISTRATION_IMPORT_MAX_BYTES } });
      if (!file) throw new AppError('VALIDATION', 'registration.file.missing');
      let buffer: Buffer;
      try {
        buffer = await file.toBuffer();
      } catch {
        throw new AppError('PAYLOAD_TOO_LARGE', 'error.PAYLOAD_TOO_LARGE', { maxMb: REGISTRATION_IMPORT_MAX_BYTES / 1048576 });
      }
      try {
        assertXlsxSignature(buffer.subarray(0, 8));
      } catch (e) {
        throw e instanceof ImportFileError ? new AppError('UNSUPPORTED_FILE', e.messageKey) : e;
      }
      const ids = await importRegistrations(app, actor, query, buffer);
      return { created: ids.length };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/registrations/:id',
    summary: 'One registration',
    tag: 'registrations',
    params: idParams,
    response: registrationDto,
    handler: ({ app, actor, params }) => loadOne(app, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/registrations',
    summary: 'Register a collective title for a unit, or an individual title for a member (their unit\'s managers, or the member)',
    tag: 'registrations',
    body: createRegistrationInput,
    response: registrationDto,
    async handler({ app, actor, body }) {
      return loadOne(app, actor, await createRegistration(app, actor, body));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/registrations/bulk',
    summary: 'Register a unit and many of its members at once; any problem refuses the whole list (per-item errors)',
    tag: 'registrations',
    body: bulkRegistrationInput,
    response: bulkRegistrationResult,
    async handler({ app, actor, body }) {
      const ids = await bulkRegister(app, actor, body);
      return { created: ids.length, ids };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/registrations/review',
    summary: 'Approve, or return with a reason, registrations of units below the actor',
    tag: 'registrations',
    body: reviewRegistrationsInput,
    response: z.object({ updated: z.number().int() }),
    async handler({ app, actor, body }) {
      await reviewRegistrations(app, actor, body);
      return { updated: new Set(body.ids).size };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/registrations/:id',
    summary: 'Correct a registration not yet approved: the correction replaces it and waits for review again',
    tag: 'registrations',
    params: idParams,
    body: correctRegistrationInput,
    response: registrationDto,
    async handler({ app, actor, params, body }) {
      return loadOne(app, actor, await correctRegistration(app, actor, params.id, body));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/registrations/:id/withdraw',
    summary: 'Withdraw a registration with a reason (kept, marked REVOKED)',
    tag: 'registrations',
    params: idParams,
    body: withdrawRegistrationInput,
    response: registrationDto,
    async handler({ app, actor, params, body }) {
      await withdrawRegistration(app, actor, params.id, body.reason);
      return loadOne(app, actor, params.id);
    },
  }),
];

import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf } from '../../../contracts/common';
import {
  createMemberInput, leaveMemberInput, memberDetail, memberListItem, memberListQuery, transferMemberInput, updateMemberInput,
  type MemberDetail, type MemberListQuery,
} from '../../../contracts/members';
import type { MembershipEndReason, OfficerTitle } from '../../../contracts/enums';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { ensure, memberPolicy } from '../../lib/policy';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { findMember, iterateMembers, listMembers, type MemberFilter, type MemberRow } from './members.repository';
import { writeMemberExport, type MemberExportRow } from '../imports/xlsx';
import { t } from '../../../contracts/messages';
import type { Locale } from '../../../contracts/enums';
import { presentMemberDetail, presentMemberItem } from './members.presenter';
import { createMember, leaveUnion, transferMember, updateMember } from './members.service';

/** The actor's readable subtrees, narrowed to the chosen unit when one is given (404 if out of scope). */
export async function memberFilterFor(app: AppContext, actor: AuthActor, q: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort'>): Promise<MemberFilter> {
  const { orgId, ...rest } = q;
  return { ...rest, paths: await readableSubtrees(app.db, actor, orgId) };
}

async function loadDetail(app: AppContext, actor: AuthActor, id: number): Promise<MemberDetail> {
  const m = await findMember(app.db, id);
  if (!m) throw notFound();
  ensure(memberPolicy.read(actor, { id: Number(m.id), orgPath: m.org_path, status: m.status }));
  const [memberships, offices] = await Promise.all([
    app.db.execute<{ org_id: number; name: string; status: string; valid_from: string; valid_to: string | null; end_reason: MembershipEndReason | null; note: string | null }>(sql`
      select m.org_id, o.name, o.status, m.valid_from, m.valid_to, m.end_reason, m.note
      from membership m join organisation o on o.id = m.org_id where m.person_id = ${id} order by m.valid_from desc, m.id desc`),
    app.db.execute<{ org_id: number; name: string; title: OfficerTitle; valid_from: string; valid_to: string | null }>(sql`
      select f.org_id, o.name, f.title, f.valid_from, f.valid_to
      from officer f join organisation o on o.id = f.org_id where f.person_id = ${id} order by f.valid_from desc`),
  ]);
  return presentMemberDetail(
    actor,
    m,
    memberships.rows.map((r) => ({ orgId: Number(r.org_id), orgName: r.name, orgStatus: r.status, validFrom: r.valid_from, validTo: r.valid_to, endReason: r.end_reason, note: r.note })),
    offices.rows.map((r) => ({ orgId: Number(r.org_id), orgName: r.name, title: r.title, validFrom: r.valid_from, validTo: r.valid_to })),
  );
}

async function* exportRows(rows: AsyncIterable<MemberRow>): AsyncGenerator<MemberExportRow> {
  for await (const m of rows) {
    yield {
      memberCode: m.member_code, fullName: m.full_name, gender: m.gender, birthDate: m.birth_date, cccd: m.cccd, unitCode: m.org_code ?? '',
      unitName: m.org_name ?? '', position: m.position, isLeader: m.is_leader, isDirectWorker: m.is_direct_worker, joinedUnionOn: m.joined_union_on,
      phone: m.phone, email: m.email, ethnicity: m.ethnicity, status: m.status,
    };
  }
}

function describeFilter(locale: Locale, unitName: string | null, f: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort' | 'orgId'>): string {
  const parts = [unitName ?? t(locale, 'members.export.allUnits')];
  if (f.q) parts.push(`"${f.q}"`);
  if (f.gender) parts.push(t(locale, `gender.${f.gender}`));
  if (f.isLeader !== undefined) parts.push(`${t(locale, 'members.export.leader')}: ${f.isLeader ? t(locale, 'members.export.yes') : t(locale, 'members.export.no')}`);
  if (f.isDirectWorker !== undefined) parts.push(`${t(locale, 'members.export.directWorker')}: ${f.isDirectWorker ? t(locale, 'members.export.yes') : t(locale, 'members.export.no')}`);
  parts.push(t(locale, `memberStatus.${f.status}`));
  return parts.join('; ');
}

/** A change to one member: run the use case, answer with the member as it now is. */
function memberChange<B>(method: 'POST' | 'PATCH', suffix: string, body: z.ZodType<B>, useCase: (app: AppContext, actor: AuthActor, id: number, input: B) => Promise<unknown>, summary: string) {
  return defineRoute({
    method,
    url: `/members/:id${suffix}`,
    summary,
    tag: 'members',
    params: idParams,
    body,
    response: memberDetail,
    async handler({ app, actor, params, body: input }) {
      await useCase(app, actor, params.id, input);
      return loadDetail(app, actor, params.id);
    },
  });
}

export const memberRoutes = [
  defineRoute({
    method: 'GET',
    url: '/members/export.xlsx',
    summary: 'Export exactly the filtered list to XLSX (streamed; re-importable layout)',
    tag: 'members',
    query: memberListQuery.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ app, actor, query, reply, locale }) {
      const { sort: _sort, ...filters } = query;
      const filter = await memberFilterFor(app, actor, filters);
      // Personal data leaves the system only for those who maintain the records.
      const personal = (m: MemberRow) => memberPolicy.readPersonal(actor, { id: Number(m.id), orgPath: m.org_path, status: m.status });
      async function* scoped() {
        for await (const m of iterateMembers(app.db, filter)) yield personal(m) ? m : { ...m, cccd: null, phone: null, email: null };
      }
      const unit = filters.orgId ? await findOrg(app.db, filters.orgId) : null;
      const out = new PassThrough();
      void writeMemberExport(out, exportRows(scoped()), {
        title: t(locale, 'members.export.title'),
        filterSummary: describeFilter(locale, unit?.name ?? null, filters),
        generatedAt: new Date(),
        locale,
      }).catch(() => undefined);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="danh-sach-doan-vien-${stamp}.xlsx"`)
        .send(out);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/members',
    summary: 'Members in scope: filters, diacritic-free search, server-side pagination',
    tag: 'members',
    query: memberListQuery,
    response: pageOf(memberListItem).extend({
      totalCapped: z.boolean(),
      /** A search with more matches than the cap is ordered by unit, then name (see listMembers). */
      orderedByUnit: z.boolean(),
    }),
    async handler({ app, actor, query }) {
      const { page, pageSize, sort, ...filters } = query;
      const filter = await memberFilterFor(app, actor, filters);
      const { rows, total, totalCapped, orderedByUnit } = await listMembers(app.db, filter, sort, pageSize, (page - 1) * pageSize);
      return { items: rows.map((m) => presentMemberItem(actor, m)), total, totalCapped, orderedByUnit, page, pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/members/:id',
    summary: 'A member with membership history and offices',
    tag: 'members',
    params: idParams,
    response: memberDetail,
    handler: ({ app, actor, params }) => loadDetail(app, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/members',
    summary: 'Add a member to a unit',
    tag: 'members',
    body: createMemberInput,
    response: memberDetail,
    async handler({ app, actor, body }) {
      const m = await createMember(app, actor, body);
      return loadDetail(app, actor, Number(m.id));
    },
  }),
  memberChange('PATCH', '', updateMemberInput, updateMember, 'Update a member’s details'),
  memberChange('POST', '/transfer', transferMemberInput, transferMember, 'Transfer to another unit (history kept)'),
  memberChange('POST', '/leave', leaveMemberInput, leaveUnion, 'End union membership (the person is never deleted)'),
];

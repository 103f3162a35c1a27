import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../lib/http';
import { idParams, pageOf, pageQuery } from '../../../contracts/common';
import {
  createOrgInput, endOrgInput, mergeOrgInput, moveOrgInput, orgChildrenQuery, orgDetail, orgKind, orgSummary, renameOrgInput,
  type OrgDetail,
} from '../../../contracts/organisations';
import type { OfficerTitle, OrgEventKind } from '../../../contracts/enums';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { ensure, orgPolicy, READ_ROLES, scopePaths } from '../../lib/policy';
import { ancestorsOf, findOrg, listChildren, searchOrgs } from './organisations.repository';
import { presentOrgSummary } from './organisations.presenter';
import { createOrganisation, endOrganisation, mergeOrganisation, moveOrganisation, renameOrganisation } from './organisations.service';

async function loadDetail(app: AppContext, actor: AuthActor, id: number): Promise<OrgDetail> {
  const org = await findOrg(app.db, id);
  if (!org) throw notFound();
  ensure(orgPolicy.read(actor, org));
  const [ancestors, officers, history, mergedInto] = await Promise.all([
    ancestorsOf(app.db, org.path),
    app.db.execute<{ person_id: number; full_name: string; title: OfficerTitle; valid_from: string; valid_to: string | null }>(sql`
      select f.person_id, p.full_name, f.title, f.valid_from, f.valid_to
      from officer f join person p on p.id = f.person_id
      where f.org_id = ${id} and f.valid_to is null
      order by array_position(array['CHU_TICH','PHO_CHU_TICH','UY_VIEN_BTV','UY_VIEN_BCH','UY_VIEN_UBKT','TO_TRUONG','TO_PHO'], f.title), p.full_name collate "vi-x-icu"`),
    app.db.execute<{ id: number; kind: OrgEventKind; effective_on: string; reason: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null; recorded_at: string; recorded_by: string | null }>(sql`
      select e.id, e.kind, e.effective_on, e.reason, e.before, e.after, to_json(e.recorded_at)#>>'{}' as recorded_at, u.display_name as recorded_by
      from org_event e left join app_user u on u.id = e.recorded_by
      where e.org_id = ${id} order by e.effective_on desc, e.id desc limit 100`),
    org.merged_into_id ? findOrg(app.db, Number(org.merged_into_id)) : Promise.resolve(null),
  ]);
  return {
    ...presentOrgSummary(actor, org),
    ancestors,
    mergedInto: mergedInto ? { id: Number(mergedInto.id), name: mergedInto.name } : null,
    address: org.address,
    officers: officers.rows.map((o) => ({ personId: Number(o.person_id), fullName: o.full_name, title: o.title, validFrom: o.valid_from, validTo: o.valid_to })),
    history: history.rows.map((e) => ({ id: Number(e.id), kind: e.kind, effectiveOn: e.effective_on, reason: e.reason, before: e.before, after: e.after, recordedAt: e.recorded_at, recordedBy: e.recorded_by })),
  };
}

function orgChange<B>(verb: string, body: z.ZodType<B>, useCase: (app: AppContext, actor: AuthActor, id: number, input: B) => Promise<unknown>, summary: string) {
  return defineRoute({
    method: 'POST',
    url: `/organisations/:id/${verb}`,
    summary,
    tag: 'organisations',
    params: idParams,
    body,
    response: orgDetail,
    async handler({ app, actor, params, body: input }) {
      await useCase(app, actor, params.id, input);
      return loadDetail(app, actor, params.id);
    },
  });
}

export const organisationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/org-kinds',
    summary: 'Organisation kinds (data, ordered by rank)',
    tag: 'organisations',
    response: z.array(orgKind),
    async handler({ app }) {
      const r = await app.db.execute<{ code: string; name_vi: string; name_en: string; rank: number; holds_members: boolean }>(
        sql`select code, name_vi, name_en, rank, holds_members from org_kind order by rank, code`,
      );
      return r.rows.map((k) => ({ code: k.code, nameVi: k.name_vi, nameEn: k.name_en, rank: Number(k.rank), holdsMembers: k.holds_members }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/organisations',
    summary: 'Search organisations in the user’s scope (diacritics ignored)',
    tag: 'organisations',
    query: pageQuery.extend({ q: z.string().trim().max(100).optional() }),
    response: pageOf(orgSummary),
    async handler({ app, actor, query }) {
      const q = query.q ? query.q.normalize('NFC') : undefined;
      const folded = q ? (await app.db.execute<{ f: string }>(sql`select vd_fold(${q}) as f`)).rows[0]!.f : undefined;
      const { rows, total } = await searchOrgs(app.db, scopePaths(actor, [...READ_ROLES, 'MEMBER']), folded, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((o) => presentOrgSummary(actor, o)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/organisations/:id',
    summary: 'An organisation with ancestors, officers and history',
    tag: 'organisations',
    params: idParams,
    response: orgDetail,
    handler: ({ app, actor, params }) => loadDetail(app, actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/organisations/:id/children',
    summary: 'Direct sub-units of an organisation',
    tag: 'organisations',
    params: idParams,
    query: orgChildrenQuery,
    response: z.object({ items: z.array(orgSummary) }),
    async handler({ app, actor, params, query }) {
      const org = await findOrg(app.db, params.id);
      if (!org) throw notFound();
      ensure(orgPolicy.read(actor, org));
      const rows = await listChildren(app.db, params.id, query.includeInactive);
      return { items: rows.filter((c) => orgPolicy.read(actor, c) || orgPolicy.listMembers(actor, org)).map((c) => presentOrgSummary(actor, c)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/organisations',
    summary: 'Create a sub-unit',
    tag: 'organisations',
    body: createOrgInput,
    response: orgDetail,
    async handler({ app, actor, body }) {
      const created = await createOrganisation(app, actor, body);
      return loadDetail(app, actor, Number(created.id));
    },
  }),
  orgChange('rename', renameOrgInput, renameOrganisation, 'Rename (effective-dated)'),
  orgChange('move', moveOrgInput, moveOrganisation, 'Move under another parent (effective-dated)'),
  orgChange('merge', mergeOrgInput, mergeOrganisation, 'Merge into another unit; members and sub-units follow'),
  orgChange('end', endOrgInput, endOrganisation, 'End the unit on a date; its history is kept'),
];

import { sql } from 'drizzle-orm';
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
import { covers, ensure, memberPolicy, orgPolicy, READ_ROLES, scopePaths } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { findMember, listMembers, type MemberFilter } from './members.repository';
import { presentMemberDetail, presentMemberItem } from './members.presenter';
import { createMember, leaveUnion, transferMember, updateMember } from './members.service';

/** The actor's readable subtrees, narrowed to the chosen unit when one is given (404 if out of scope). */
export async function memberFilterFor(app: AppContext, actor: AuthActor, q: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort'>): Promise<MemberFilter> {
  const { orgId, ...rest } = q;
  let paths = scopePaths(actor, READ_ROLES);
  if (orgId !== undefined) {
    const org = await findOrg(app.db, orgId);
    if (!org || !orgPolicy.listMembers(actor, org)) throw notFound();
    paths = paths.some((p) => covers(p, org.path)) ? [org.path] : [];
  }
  return { ...rest, paths };
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

export const memberRoutes = [
  defineRoute({
    method: 'GET',
    url: '/members',
    summary: 'Members in scope: filters, diacritic-free search, server-side pagination',
    tag: 'members',
    query: memberListQuery,
    response: pageOf(memberListItem),
    async handler({ app, actor, query }) {
      const { page, pageSize, sort, ...filters } = query;
      const filter = await memberFilterFor(app, actor, filters);
      const { rows, total } = await listMembers(app.db, filter, sort, pageSize, (page - 1) * pageSize);
      return { items: rows.map((m) => presentMemberItem(actor, m)), total, page, pageSize };
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
  defineRoute({
    method: 'PATCH',
    url: '/members/:id',
    summary: 'Update a member’s details',
    tag: 'members',
    params: idParams,
    body: updateMemberInput,
    response: memberDetail,
    async handler({ app, actor, params, body }) {
      await updateMember(app, actor, params.id, body);
      return loadDetail(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/members/:id/transfer',
    summary: 'Transfer to another unit (history kept)',
    tag: 'members',
    params: idParams,
    body: transferMemberInput,
    response: memberDetail,
    async handler({ app, actor, params, body }) {
      await transferMember(app, actor, params.id, body);
      return loadDetail(app, actor, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/members/:id/leave',
    summary: 'End union membership (the person is never deleted)',
    tag: 'members',
    params: idParams,
    body: leaveMemberInput,
    response: memberDetail,
    async handler({ app, actor, params, body }) {
      await leaveUnion(app, actor, params.id, body);
      return loadDetail(app, actor, params.id);
    },
  }),
];

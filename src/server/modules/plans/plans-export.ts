// "Xuất Excel" of the plan list (issue 10): GET /plans/export.xlsx with the list's filters, its scope
// and order (listPlans with the list's filter), one row per plan, without the body of the document.
import type { z } from 'zod';
import { planListQuery, type PlanDto } from '../../../contracts/plans';
import { t } from '../../../contracts/messages';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { orgPolicy } from '../../lib/policy';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { listPlans, presentPlan, readsBelow } from './plans.service';

/**
 * One page of GET /plans. A superior organisation's plans: only those it has issued, and only its own
 * (for citing as basis); otherwise the plans of the subtrees the reader may read.
 */
export async function planListPage(db: DbOrTx, actor: AuthActor, query: z.output<typeof planListQuery>): Promise<{ items: PlanDto[]; total: number; page: number; pageSize: number }> {
  const superior = query.orgId === undefined ? null : await findOrg(db, query.orgId);
  const filter =
    superior && !orgPolicy.listMembers(actor, superior) && readsBelow(actor, superior.path)
      ? { paths: [superior.path], orgId: Number(superior.id), year: query.year, status: 'ISSUED' as const }
      : { paths: await readableSubtrees(db, actor, query.orgId), year: query.year, status: query.status };
  if (filter.status === 'ISSUED' && query.status === 'DRAFT') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await listPlans(db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map((p) => presentPlan(actor, p)), total, page: query.page, pageSize: query.pageSize };
}

/** Nơi nhận as the plan prints them, on one line. */
const recipientLines = (p: PlanDto) => p.recipients.map((r) => r.text).join('; ') || null;

export const planExportRoutes = [
  listExportRoute({
    list: '/plans',
    tag: 'plans',
    query: planListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => planListPage(app.db, actor, { ...query, ...paging }),
    fileStem: 'ke-hoach',
    titleKey: 'listExport.plans.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'listExport.f.year'), query.year?.toString()],
      [t(locale, 'listExport.f.status'), query.status && t(locale, `web.plans.status.${query.status}`)],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.plans.col.${key}`);
      return [
        { header: h('number'), width: 18, value: (p) => (p.number === null ? t(locale, 'web.plans.status.DRAFT') : `${String(p.number).padStart(2, '0')}/${p.symbol}`) },
        { header: h('issuedOn'), width: 14, value: (p) => dayCell(p.issuedOn), type: 'date' },
        { header: h('title'), width: 50, value: (p) => p.title },
        { header: h('theme'), width: 36, value: (p) => p.theme },
        { header: h('org'), width: 34, value: (p) => p.orgName },
        { header: h('year'), width: 8, value: (p) => p.year, type: 'int' },
        { header: h('status'), width: 14, value: (p) => t(locale, `web.plans.status.${p.status}`) },
        { header: h('place'), width: 16, value: (p) => p.place },
        { header: h('signer'), width: 26, value: (p) => p.signer.name },
        { header: h('position'), width: 22, value: (p) => p.signer.position },
        { header: h('basis'), width: 10, value: (p) => p.basis.length, type: 'int' },
        { header: h('recipients'), width: 40, value: recipientLines },
      ];
    },
  }),
];

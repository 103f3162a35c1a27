// "Xuất Excel" of the list of requests to respond (issue 10): GET /requests/export.xlsx with the
// list's filters, its scope and order (the same listRequests over the same readable subtrees), one
// row per request with its compliance counted over the targets the reader may see.
import { requestListQuery } from '../../../contracts/cascade';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { readableSubtrees } from '../organisations/organisations.repository';
import { listRequests } from './compliance.service';

export const requestExportRoutes = [
  listExportRoute({
    list: '/requests',
    tag: 'cascade',
    query: requestListQuery.omit({ page: true, pageSize: true }),
    page: async ({ app, actor, query }, paging) =>
      listRequests(app.db, actor, await readableSubtrees(app.db, actor, query.orgId), query.year, paging.pageSize, (paging.page - 1) * paging.pageSize),
    fileStem: 'yeu-cau',
    titleKey: 'listExport.requests.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [[t(locale, 'listExport.f.year'), query.year?.toString()]],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.requests.col.${key}`);
      return [
        { header: h('title'), width: 50, value: (r) => r.title },
        { header: h('source'), width: 14, value: (r) => t(locale, `listExport.requests.source.${r.sourceType}`) },
        { header: h('issuer'), width: 34, value: (r) => r.issuerName },
        { header: h('year'), width: 8, value: (r) => r.year, type: 'int' },
        { header: h('kind'), width: 20, value: (r) => t(locale, `web.cascade.requests.kind.${r.responseKind}`) },
        { header: h('created'), width: 13, value: (r) => dayCell(r.createdAt), type: 'date' },
        { header: h('deadline'), width: 13, value: (r) => dayCell(r.deadline), type: 'date' },
        { header: h('total'), width: 12, value: (r) => r.summary.total, type: 'int' },
        { header: h('onTime'), width: 12, value: (r) => r.summary.onTime, type: 'int' },
        { header: h('late'), width: 12, value: (r) => r.summary.late, type: 'int' },
        { header: h('missing'), width: 14, value: (r) => r.summary.missing, type: 'int' },
        { header: h('pending'), width: 12, value: (r) => r.summary.pending, type: 'int' },
      ];
    },
  }),
];

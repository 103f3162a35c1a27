// "Xuất Excel" of the decision list (issue 10): GET /decisions/export.xlsx with the list's filters,
// its scope and order (the same listDecisions), one row per decision.
import { decisionListQuery } from '../../../contracts/decisions';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listDecisions } from './decisions.service';

export const decisionExportRoutes = [
  listExportRoute({
    list: '/decisions',
    tag: 'decisions',
    query: decisionListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listDecisions(app.db, actor, { ...query, ...paging }),
    fileStem: 'quyet-dinh',
    titleKey: 'listExport.decisions.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [[t(locale, 'listExport.f.status'), query.status && t(locale, `web.decisions.status.${query.status}`)]],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.decisions.col.${key}`);
      return [
        { header: h('number'), width: 18, value: (d) => d.numberText ?? t(locale, 'listExport.decisions.draft') },
        { header: h('signedOn'), width: 13, value: (d) => dayCell(d.signedOn), type: 'date' },
        { header: h('subject'), width: 50, value: (d) => d.subject },
        { header: h('org'), width: 36, value: (d) => d.orgName },
        { header: h('year'), width: 8, value: (d) => d.year, type: 'int' },
        { header: h('lines'), width: 12, value: (d) => d.itemCount, type: 'int' },
        { header: h('total'), width: 18, value: (d) => d.totalVnd, type: 'money' },
        { header: h('status'), width: 16, value: (d) => t(locale, `web.decisions.status.${d.status}`) },
        { header: h('signer'), width: 26, value: (d) => d.signer.name },
        { header: h('published'), width: 14, value: (d) => dayCell(d.publishedAt), type: 'date' },
        { header: h('revokedReason'), width: 36, value: (d) => d.revokedReason },
      ];
    },
  }),
];

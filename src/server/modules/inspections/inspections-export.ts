// "Xuất Excel" of the inspection list (issue 10): GET /inspections/export.xlsx with the list's
// filters, its scope and order (the same listInspections), one row per inspection or supervision.
import { inspectionListQuery } from '../../../contracts/inspections';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listInspections } from './inspections.service';

export const inspectionExportRoutes = [
  listExportRoute({
    list: '/inspections',
    tag: 'inspections',
    query: inspectionListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listInspections(app.db, actor, { ...query, ...paging }),
    fileStem: 'kiem-tra',
    titleKey: 'listExport.inspections.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'listExport.f.year'), query.year?.toString()],
      [t(locale, 'listExport.f.status'), query.status && t(locale, `web.inspections.status.${query.status}`)],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.inspections.col.${key}`);
      return [
        { header: h('kind'), width: 12, value: (i) => t(locale, `web.inspections.kind.${i.kind}`) },
        { header: h('topic'), width: 50, value: (i) => i.topic },
        { header: h('org'), width: 34, value: (i) => i.orgName },
        { header: h('target'), width: 34, value: (i) => i.targetOrgName },
        { header: h('year'), width: 8, value: (i) => i.year, type: 'int' },
        { header: h('planned'), width: 13, value: (i) => dayCell(i.plannedOn), type: 'date' },
        { header: h('conducted'), width: 13, value: (i) => dayCell(i.conductedOn), type: 'date' },
        { header: h('status'), width: 16, value: (i) => t(locale, `web.inspections.status.${i.status}`) },
        { header: h('open'), width: 12, value: (i) => i.counts.open, type: 'int' },
        { header: h('overdue'), width: 12, value: (i) => i.counts.overdue, type: 'int' },
        { header: h('done'), width: 12, value: (i) => i.counts.done, type: 'int' },
        { header: h('cancelledReason'), width: 30, value: (i) => i.cancelledReason },
      ];
    },
  }),
];

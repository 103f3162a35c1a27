// "Xuất Excel" of the complaint list (issue 10): GET /complaints/export.xlsx with the list's filters,
// its scope and order (the same listComplaints). Like the list, no complainant's identity and no
// content: a denouncer is protected, and the summary rows carry neither.
import { complaintListQuery } from '../../../contracts/complaints';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listComplaints } from './complaints.service';

export const complaintExportRoutes = [
  listExportRoute({
    list: '/complaints',
    tag: 'complaints',
    note: 'no identity nor content',
    query: complaintListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listComplaints(app.db, actor, { ...query, ...paging }),
    fileStem: 'khieu-nai',
    titleKey: 'listExport.complaints.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [
      [t(locale, 'listExport.f.status'), query.status && t(locale, `web.complaints.status.${query.status}`)],
      [t(locale, 'listExport.f.kind'), query.kind && t(locale, `web.complaints.kind.${query.kind}`)],
      [t(locale, 'listExport.f.mine'), query.mine ? t(locale, 'listExport.yes') : null],
    ],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.complaints.col.${key}`);
      return [
        { header: h('code'), width: 20, value: (c) => c.referenceCode },
        { header: h('kind'), width: 12, value: (c) => t(locale, `web.complaints.kind.${c.kind}`) },
        { header: h('instance'), width: 10, value: (c) => c.instance, type: 'int' },
        { header: h('org'), width: 34, value: (c) => c.orgName },
        { header: h('subject'), width: 30, value: (c) => c.subject?.name ?? null },
        { header: h('decision'), width: 18, value: (c) => c.decisionNumber },
        { header: h('received'), width: 13, value: (c) => dayCell(c.receivedOn), type: 'date' },
        { header: h('accepted'), width: 13, value: (c) => dayCell(c.acceptedOn), type: 'date' },
        { header: h('resolveBy'), width: 14, value: (c) => dayCell(c.resolveBy?.deadline), type: 'date' },
        { header: h('closed'), width: 13, value: (c) => dayCell(c.closedOn), type: 'date' },
        { header: h('status'), width: 18, value: (c) => t(locale, `web.complaints.status.${c.status}`) },
        { header: h('outcome'), width: 20, value: (c) => (c.outcome ? t(locale, `web.complaints.outcome.${c.outcome}`) : null) },
        { header: h('assignee'), width: 24, value: (c) => c.assignee?.name ?? null },
        { header: h('channel'), width: 22, value: (c) => t(locale, `web.complaints.channel.${c.channel}`) },
        { header: h('blocks'), width: 14, value: (c) => t(locale, c.blocksAward ? 'listExport.yes' : 'listExport.no') },
      ];
    },
  }),
];

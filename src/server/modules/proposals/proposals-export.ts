// "Xuất Excel" of the "good person, good deed" proposals (issue 10): GET /good-deeds/export.xlsx with
// the list's filters, its scope and order (the same listProposals). Like the list, the proposer's
// contact only for the managers of the receiving organisation, and never the story itself.
import { proposalListQuery } from '../../../contracts/proposals';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listProposals } from './proposals.service';

export const proposalExportRoutes = [
  listExportRoute({
    list: '/good-deeds',
    tag: 'proposals',
    note: 'the proposer’s contact only for their managers, as in the list',
    query: proposalListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, query }, paging) => listProposals(app.db, actor, { ...query, ...paging }),
    fileStem: 'de-xuat-nguoi-tot',
    titleKey: 'listExport.proposals.title',
    orgId: (q) => q.orgId,
    filters: ({ locale, query }) => [[t(locale, 'listExport.f.status'), query.status && t(locale, `web.proposals.status.${query.status}`)]],
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.proposals.col.${key}`);
      return [
        { header: h('code'), width: 20, value: (p) => p.referenceCode },
        { header: h('subject'), width: 28, value: (p) => p.subjectName },
        { header: h('unit'), width: 30, value: (p) => p.subjectUnit },
        { header: h('person'), width: 26, value: (p) => p.person?.name ?? null },
        { header: h('org'), width: 34, value: (p) => p.orgName },
        { header: h('proposer'), width: 26, value: (p) => p.proposer.name },
        { header: h('contact'), width: 24, value: (p) => p.proposer.contact },
        { header: h('channel'), width: 22, value: (p) => t(locale, `web.proposals.channel.${p.channel}`) },
        { header: h('received'), width: 13, value: (p) => dayCell(p.receivedOn), type: 'date' },
        { header: h('status'), width: 26, value: (p) => t(locale, `web.proposals.status.${p.status}`) },
        { header: h('reviewed'), width: 14, value: (p) => dayCell(p.reviewedAt), type: 'date' },
        { header: h('reviewNote'), width: 36, value: (p) => p.reviewNote },
      ];
    },
  }),
];

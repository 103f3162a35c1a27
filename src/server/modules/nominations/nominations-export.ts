// "Xuất Excel" of the nomination list (issue 10): GET /nominations/export.xlsx with the list's
// filters, its scope and order (the same listNominations), one row per nomination.
import { sql } from 'drizzle-orm';
import { nominationListQuery } from '../../../contracts/nominations';
import { t } from '../../../contracts/messages';
import { dayCell, listExportRoute } from '../../lib/list-xlsx';
import { listNominations } from './nominations.service';

export const nominationExportRoutes = [
  listExportRoute({
    list: '/nominations',
    tag: 'nominations',
    query: nominationListQuery.omit({ page: true, pageSize: true }),
    page: ({ app, actor, locale, query }, paging) => listNominations(app, actor, locale, { ...query, ...paging }),
    fileStem: 'de-nghi-khen-thuong',
    titleKey: 'listExport.nominations.title',
    orgId: (q) => q.orgId,
    async filters({ app, locale, query }) {
      // The round and the award by name (one read for both).
      const named = await app.db.execute<{ round_title: string | null; award_name: string | null }>(sql`
        select (select title from nomination_round where id = ${query.roundId ?? null}::bigint) as round_title,
               (select ${locale === 'en' ? sql`name_en` : sql`name_vi`} from award_type where code = ${query.awardCode ?? null}::text) as award_name`);
      const { round_title: roundTitle, award_name: awardName } = named.rows[0]!;
      return [
        [t(locale, 'listExport.f.round'), query.roundId === undefined ? null : (roundTitle ?? `#${query.roundId}`)],
        [t(locale, 'listExport.f.status'), query.status && t(locale, `web.nominations.status.${query.status}`)],
        [t(locale, 'listExport.f.eligibility'), query.eligibility && t(locale, `web.nominations.eligibility.${query.eligibility}`)],
        [t(locale, 'listExport.f.award'), query.awardCode && (awardName ?? query.awardCode)],
        [t(locale, 'listExport.f.q'), query.q && `“${query.q}”`],
        [t(locale, 'listExport.f.unsubmitted'), query.unsubmitted ? t(locale, 'listExport.yes') : null],
      ] as const;
    },
    columns: (locale) => {
      const h = (key: string) => t(locale, `listExport.nominations.col.${key}`);
      return [
        { header: h('subject'), width: 30, value: (n) => n.subjectName },
        { header: h('subjectKind'), width: 12, value: (n) => t(locale, n.subjectKind === 'PERSON' ? 'listExport.nominations.person' : 'listExport.nominations.unit') },
        { header: h('unit'), width: 34, value: (n) => n.subjectUnitName },
        { header: h('award'), width: 34, value: (n) => n.awardName },
        { header: h('procedure'), width: 22, value: (n) => t(locale, `web.nominations.procedure.${n.procedure}`) },
        { header: h('eligibility'), width: 20, value: (n) => t(locale, `web.nominations.eligibility.${n.eligibilityStatus}`) },
        { header: h('status'), width: 20, value: (n) => t(locale, `web.nominations.status.${n.status}`) },
        { header: h('proposer'), width: 32, value: (n) => n.proposerOrgName },
        { header: h('holder'), width: 32, value: (n) => n.holderOrgName },
        { header: h('missing'), width: 12, value: (n) => n.missingDocuments, type: 'int' },
        { header: h('conflicts'), width: 10, value: (n) => n.conflicts, type: 'int' },
        { header: h('updated'), width: 13, value: (n) => dayCell(n.updatedAt), type: 'date' },
      ];
    },
  }),
];

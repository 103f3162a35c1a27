// Drill-down and export routes of the dashboard (issue 10): the records behind a figure, paged or as
// a workbook, and the dashboard itself as a workbook. Registered through dashboard.routes.ts.
import { PassThrough } from 'node:stream';
import { defineRoute } from '../../lib/http';
import { attachmentHeader } from '../../lib/files';
import { dashboardQuery } from '../../../contracts/dashboard';
import { DRILLDOWN_EXPORT_MAX_ROWS, drilldownDto, drilldownExportQuery, drilldownQuery } from '../../../contracts/dashboard-drilldown';
import { dashboardFigures } from './dashboard.service';
import { rollupSource } from './dashboard.rollup';
import { drilldownAll, drilldownPage, splitQuery } from './drilldown.service';
import { dashboardWorkbook, writeRecordsWorkbook } from './drilldown.xlsx';

const TAG = 'dashboard';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const drilldownRoutes = [
  defineRoute({
    method: 'GET',
    url: '/dashboard/records',
    summary:
      'The records behind one dashboard figure, paged: figure=award (code, subject), share (key, part, period), streak (subject, minYears), funnel (stage) or overdue (kind, rank); exactly the set the figure counts',
    tag: TAG,
    query: drilldownQuery,
    response: drilldownDto,
    handler: ({ app, actor, locale, query }) => {
      const { orgId, year, page, pageSize, figure } = splitQuery(query);
      return drilldownPage(app.db, actor, locale, { orgId, year, figure, page: page ?? 1, pageSize: pageSize ?? 20 });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/dashboard/records.xlsx',
    summary: `The records behind one dashboard figure as an XLSX workbook (all of them, at most ${DRILLDOWN_EXPORT_MAX_ROWS})`,
    tag: TAG,
    query: drilldownExportQuery,
    produces: XLSX,
    async handler({ app, actor, locale, query, reply }) {
      const { orgId, year, figure } = splitQuery(query);
      const list = await drilldownAll(app.db, actor, locale, { orgId, year, figure }, DRILLDOWN_EXPORT_MAX_ROWS);
      // Streamed: the rows are read (and the cap checked) before the first byte goes out.
      const body = new PassThrough();
      void writeRecordsWorkbook(body, { title: list.title, orgName: list.org.name, year, today: list.today, figure: figure.figure, rows: list.rows, locale }).catch((err: unknown) =>
        body.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentHeader(`tong-quan-${figure.figure}-${list.org.code.toLowerCase()}-${year}.xlsx`))
        .send(body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/dashboard.xlsx',
    summary: 'The dashboard figures as an XLSX workbook, one sheet per section (awards, shares, streaks, funnel, overdue)',
    tag: TAG,
    query: dashboardQuery,
    produces: XLSX,
    async handler({ app, actor, locale, query, reply }) {
      // The same live source as GET /dashboard, so the workbook shows the page's figures.
      const d = await dashboardFigures(app.db, actor, locale, query, { live: rollupSource });
      const body = await dashboardWorkbook(d, locale);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentHeader(`tong-quan-${d.org.code.toLowerCase()}-${d.year}.xlsx`))
        .send(body);
    },
  }),
];

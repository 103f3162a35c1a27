import { defineRoute } from '../../lib/http';
import { dashboardDto, dashboardQuery } from '../../../contracts/dashboard';
import { dashboardFigures } from './dashboard.service';
import { rollupSource } from './dashboard.rollup';
import { drilldownRoutes } from './drilldown.routes';

const TAG = 'dashboard';

export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/dashboard',
    summary:
      'Dashboard figures for an organisation subtree and a year: awards by title or form and level, shares of individual awards to non-leaders, direct workers and women (with the year before and the target), people awarded several years in a row',
    tag: TAG,
    query: dashboardQuery,
    response: dashboardDto,
    handler: ({ app, actor, locale, query }) => dashboardFigures(app.db, actor, locale, query, { live: rollupSource }),
  }),
  ...drilldownRoutes,
];

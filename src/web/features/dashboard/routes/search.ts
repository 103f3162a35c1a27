import { z } from 'zod';
import { orgYearSearch } from '../../../lib/org-year-search';
import { figureSelector } from '../../../../contracts/dashboard-drilldown';

const target = z.coerce.number().min(0).max(100).optional().catch(undefined);

/** The URL keeps plain strings (lib/search-params): the selector travels as its JSON text. */
const fromJson = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * `/tong-quan?orgId=3&year=2025&targetWomen=45&drill=…`; absent → the reader's top unit, the current
 * year, the default targets, no list open. `drill` is the open figure's selector (a link to the page
 * reopens the same list), `drillPage`/`drillPageSize` its page.
 */
export const dashboardSearchSchema = z.object({
  ...orgYearSearch,
  targetNonLeader: target,
  targetDirectWorker: target,
  targetWomen: target,
  targetSmallCollective: target,
  drill: z.preprocess(fromJson, figureSelector.optional()).catch(undefined),
  drillPage: z.coerce.number().int().min(1).optional().catch(undefined),
  drillPageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
});
export type DashboardSearch = z.output<typeof dashboardSearchSchema>;
export type DashboardTargets = Pick<DashboardSearch, 'targetNonLeader' | 'targetDirectWorker' | 'targetWomen' | 'targetSmallCollective'>;

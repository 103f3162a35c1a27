// The annual summary from live figures: the dashboard figures of the organisation and year, the
// organisation's header, today's date in Vietnam, and what the user typed.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { DashboardQuery } from '../../../contracts/dashboard';
import type { AnnualSummaryBody, ShareTargets, SnapshotParams } from '../../../contracts/reports';
import { placeOf } from '../../lib/place';
import { DEFAULT_ABBREVIATIONS } from '../plans/plans.service';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { dashboardFigures, readableOrg } from '../dashboard/dashboard.service';
import { rollupSource } from '../dashboard/dashboard.rollup';
import { renderAnnualSummaryDocx } from './annual-summary-docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The request's targets as the dashboard query's fields. */
export function targetQuery(orgId: number, year: number, targets: ShareTargets | undefined): DashboardQuery {
  return {
    orgId,
    year,
    targetNonLeader: targets?.NON_LEADER,
    targetDirectWorker: targets?.DIRECT_WORKER,
    targetWomen: targets?.WOMEN,
    targetSmallCollective: targets?.SMALL_COLLECTIVE,
  };
}

/** The issuing organisation's header lines: its name, its superior's, its abbreviation, its place. */
export async function orgHeader(db: DbOrTx, orgId: number): Promise<SnapshotParams['header']> {
  const abbreviation = sql.raw(`coalesce(o.doc_abbreviation, case o.kind ${Object.entries(DEFAULT_ABBREVIATIONS).map(([k, v]) => `when '${k}' then '${v}'`).join(' ')} else 'CĐ' end)`);
  const r = await db.execute<{ name: string; parent_name: string | null; abbreviation: string }>(sql`
    select o.name, po.name as parent_name, ${abbreviation} as abbreviation
    from organisation o left join organisation po on po.id = o.parent_id where o.id = ${orgId}`);
  const row = r.rows[0]!;
  return { name: row.name, parentName: row.parent_name, abbreviation: row.abbreviation, place: placeOf(row.name) };
}

/**
 * The document is Vietnamese whatever the user's language (an official document), so are its figures' labels.
 * Its figures are the dashboard's live ones, from the rollups: the base tables take about a minute at the national root.
 */
export async function liveAnnualSummary(db: DbOrTx, actor: AuthActor, input: AnnualSummaryBody): Promise<{ buffer: Buffer; fileName: string }> {
  await readableOrg(db, actor, input.orgId);
  const query = targetQuery(input.orgId, input.year, input.targets);
  const [figures, header] = await Promise.all([dashboardFigures(db, actor, 'vi', query, { live: rollupSource }), orgHeader(db, input.orgId)]);
  const buffer = await renderAnnualSummaryDocx({
    figures,
    org: header,
    date: todayInVietnam(),
    frozenAt: null,
    narrative: input.narrative ?? {},
    signer: input.signer ?? {},
  });
  return { buffer, fileName: `bao-cao-tong-ket-tdkt-${input.year}-${figures.org.code}.docx` };
}

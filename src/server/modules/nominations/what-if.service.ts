// Quota what-if: before submitting, a unit sees how its list stands against the quotas (the CSTĐCS
// share of the LĐTT proposed in the same list and already recognised for the year) and the shares
// the organiser asked for (non-leaders, direct workers; the seed asks to raise them).
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import type { WhatIfDto } from '../../../contracts/nominations';
import { ruleText } from './rule-text';
import { notFound } from '../../lib/errors';
import { findOrg } from '../organisations/organisations.repository';
import { defaultReferenceDate, quotaAllowed, quotaFor, resolveParameters } from '../../../domain/eligibility';
import { loadEngineInputs } from '../eligibility/eligibility.service';
import { whatIf, type ListLine } from '../../../domain/nominations/shares';
import { awardNames, loadReadableRound, nominationReadScope } from './rounds.service';

export async function nominationWhatIf(app: AppContext, actor: AuthActor, locale: Locale, q: { roundId: number; orgId: number; ids?: number[] }): Promise<WhatIfDto> {
  const round = await loadReadableRound(app.db, actor, q.roundId);
  const org = await findOrg(app.db, q.orgId);
  if (!org) throw notFound();
  const rows = await app.db.execute<{ award_code: string; person_id: number | null; is_leader: boolean | null; is_direct_worker: boolean | null; gender: 'MALE' | 'FEMALE' | null; eligibility_status: string }>(sql`
    select n.award_code, n.person_id, p.is_leader, p.is_direct_worker, p.gender, n.eligibility_status
    from nomination n left join person p on p.id = n.person_id
    where n.round_id = ${round.id} and n.proposer_path like ${`${org.path}%`} and ${nominationReadScope(actor, 'n')}
      and n.status not in ('WITHDRAWN', 'REJECTED') ${q.ids ? sql`and n.id = any(${sql.param(q.ids)}::bigint[])` : sql``}`);
  const lines: ListLine[] = rows.rows.map((r) => ({
    awardCode: r.award_code,
    subjectKind: r.person_id !== null ? 'PERSON' : 'UNIT',
    isLeader: r.is_leader,
    isDirectWorker: r.is_direct_worker,
    gender: r.gender,
    eligible: r.eligibility_status === 'ELIGIBLE',
  }));
  // The quota base: LĐTT proposed in this list plus LĐTT already recognised for the year in the unit.
  const engine = await loadEngineInputs(app.db);
  const params = resolveParameters(defaultReferenceDate(Number(round.year)), engine.changes);
  const recognised = await app.db.execute<{ award_code: string; n: number }>(sql`
    select r.award_code, count(*)::int as n from award_record r
    where r.status = 'ACTIVE' and r.year = ${round.year} and r.scope_path like ${`${org.path}%`} and r.person_id is not null group by r.award_code`);
  const recognisedBy = new Map(recognised.rows.map((r) => [r.award_code, Number(r.n)]));
  const allowed = (code: string): number | null => {
    const quota = quotaFor(code, params);
    if (!quota) return null;
    const base = lines.filter((l) => l.awardCode === quota.baseTarget).length + (recognisedBy.get(quota.baseTarget) ?? 0);
    return quotaAllowed(base, quota);
  };
  const result = whatIf(lines, { allowed, minNonLeaderShare: round.parameters.minNonLeaderShare ?? null, minDirectWorkerShare: round.parameters.minDirectWorkerShare ?? null });
  const awards = await awardNames(app.db, locale);
  return {
    ...result,
    byAward: result.byAward.map((b) => ({ ...b, awardName: awards.get(b.awardCode)?.name ?? b.awardCode })),
    warnings: result.warnings.map((w) => ruleText(locale, w.messageKey, w.params, awards)),
  };
}

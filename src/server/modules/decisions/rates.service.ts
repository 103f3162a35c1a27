// Mức tiền thưởng of the awards the State leaves without a coefficient (union awards): an
// organisation sets a coefficient of the base salary or a fixed amount from a date; its decisions and
// those of its subtree that set none use it (the nearest organisation's rate wins, then the latest
// date on or before the decision date). Awards with a State coefficient keep it: the law fixes those.
// A change on the same date supersedes the earlier row; nothing is deleted.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import type { RewardRateDto, SetRewardRateInput } from '../../../contracts/decisions';
import { audit } from '../../lib/audit';
import { forbidden, notFound, validation } from '../../lib/errors';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';

const num = (v: unknown) => Number(v);

export type Rate = { coefficient: number | null; amountVnd: number | null; orgId: number; orgName: string; effectiveFrom: string };

/** The rate in force on `date` for each award, for an organisation at `orgPath` (its own, else the nearest ancestor's). */
export async function ratesOn(db: DbOrTx, orgPath: string, awardCodes: string[], date: string): Promise<Map<string, Rate>> {
  if (awardCodes.length === 0) return new Map();
  const r = await db.execute<{ award_code: string; coefficient: number | null; amount_vnd: number | null; org_id: number; org_name: string; effective_from: string }>(sql`
    select distinct on (r.award_code) r.award_code, r.coefficient, r.amount_vnd, r.org_id, o.name as org_name, r.effective_from::text as effective_from
    from reward_rate r join organisation o on o.id = r.org_id
    where r.status = 'ACTIVE' and r.award_code = any(${sql.param([...new Set(awardCodes)])}::text[])
      and r.effective_from <= ${date}::date and ${orgPath} like r.org_path || '%'
    order by r.award_code, length(r.org_path) desc, r.effective_from desc`);
  return new Map(
    r.rows.map((x) => [x.award_code, { coefficient: x.coefficient === null ? null : num(x.coefficient), amountVnd: x.amount_vnd === null ? null : num(x.amount_vnd), orgId: num(x.org_id), orgName: x.org_name, effectiveFrom: x.effective_from }]),
  );
}

async function loadOrg(db: DbOrTx, actor: AuthActor, orgId: number) {
  const o = await db.execute<{ id: number; path: string; name: string }>(sql`select id, path, name from organisation where id = ${orgId}`);
  const org = o.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  return { id: num(org.id), path: org.path, name: org.name };
}

/**
 * Every award without a State coefficient with the rate the organisation's decisions would use on
 * `date`, and where it comes from (its own row or an ancestor's); its own rows of later dates too.
 */
export async function listRates(db: DbOrTx, actor: AuthActor, locale: Locale, orgId: number, date: string): Promise<{ items: RewardRateDto[]; abilities: string[] }> {
  const org = await loadOrg(db, actor, orgId);
  const awards = await db.execute<{ code: string; name: string; subject: 'INDIVIDUAL' | 'COLLECTIVE' }>(sql`
    select code, ${locale === 'en' ? sql`name_en` : sql`name_vi`} as name, subject from award_type
    where coefficient is null and active order by sort_order`);
  const inForce = await ratesOn(db, org.path, awards.rows.map((a) => a.code), date);
  const upcoming = await db.execute<{ award_code: string; coefficient: number | null; amount_vnd: number | null; effective_from: string }>(sql`
    select award_code, coefficient, amount_vnd, effective_from::text as effective_from from reward_rate
    where org_id = ${org.id} and status = 'ACTIVE' and effective_from > ${date}::date order by effective_from`);
  const items = awards.rows.map((a): RewardRateDto => {
    const rate = inForce.get(a.code) ?? null;
    return {
      awardCode: a.code, awardName: a.name, subjectKind: a.subject,
      coefficient: rate?.coefficient ?? null, amountVnd: rate?.amountVnd ?? null, effectiveFrom: rate?.effectiveFrom ?? null,
      sourceOrgName: rate?.orgName ?? null, own: rate !== null && rate.orgId === org.id,
      upcoming: upcoming.rows.filter((u) => u.award_code === a.code).map((u) => ({ coefficient: u.coefficient === null ? null : num(u.coefficient), amountVnd: u.amount_vnd === null ? null : num(u.amount_vnd), effectiveFrom: u.effective_from })),
    };
  });
  return { items, abilities: managesCouncilOrg(actor, org.path) ? ['rate.update'] : [] };
}

/** Sets the organisation's rate of an award from a date (a row of the same date is superseded). */
export async function setRate(app: AppContext, actor: AuthActor, orgId: number, awardCode: string, input: SetRewardRateInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId);
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    const a = await tx.execute<{ name_vi: string; coefficient: number | null }>(sql`select name_vi, coefficient from award_type where code = ${awardCode} for share`);
    const award = a.rows[0];
    if (!award) throw notFound();
    if (award.coefficient !== null) throw validation('decisions.rates.stateCoefficient', { award: award.name_vi, coefficient: String(num(award.coefficient)).replace('.', ',') }, { field: 'awardCode' });
    const before = await tx.execute<{ id: number; coefficient: number | null; amount_vnd: number | null }>(sql`
      update reward_rate set status = 'SUPERSEDED'
      where org_id = ${org.id} and award_code = ${awardCode} and effective_from = ${input.effectiveFrom}::date and status = 'ACTIVE'
      returning id, coefficient, amount_vnd`);
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into reward_rate (org_id, org_path, award_code, coefficient, amount_vnd, effective_from, note, created_by)
      values (${org.id}, ${org.path}, ${awardCode}, ${input.coefficient ?? null}, ${input.amountVnd ?? null}, ${input.effectiveFrom}::date, ${input.note?.normalize('NFC') ?? null}, ${actor.userId})
      returning id`);
    const old = before.rows[0];
    await audit(tx, actor, [
      {
        action: 'reward-rate.set', entityType: 'reward_rate', entityId: num(inserted.rows[0]!.id), orgId: org.id,
        before: old ? { id: num(old.id), coefficient: old.coefficient === null ? null : num(old.coefficient), amountVnd: old.amount_vnd === null ? null : num(old.amount_vnd) } : null,
        after: { awardCode, coefficient: input.coefficient ?? null, amountVnd: input.amountVnd ?? null, effectiveFrom: input.effectiveFrom, note: input.note ?? null },
      },
    ]);
  });
}

// The reward fund (quỹ thi đua – khen thưởng) of an organisation and year: the budget (corrections
// supersede the row), the money of the decisions signed that year, what revoked lines leave to
// recover, the balance, and the ledger as XLSX.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import type { FundDto } from '../../../contracts/decisions';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { forbidden, notFound } from '../../lib/errors';
import { vnDate } from '../../lib/dates';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';

const num = (v: unknown) => Number(v);

/** Budget and money paid by the organisation's decisions signed in the year. */
export async function fundFigures(db: DbOrTx, orgId: number, year: number): Promise<{ budgetVnd: number | null; paidVnd: number; toRecoverVnd: number }> {
  const r = await db.execute<{ budget: number | null; paid: number; to_recover: number }>(sql`
    select (select amount_vnd from reward_fund_budget where org_id = ${orgId} and year = ${year} and status = 'ACTIVE') as budget,
           coalesce(sum(i.amount_vnd), 0)::bigint as paid,
           coalesce(sum(i.amount_vnd) filter (where i.status = 'REVOKED'), 0)::bigint as to_recover
    from decision d join decision_item i on i.decision_id = d.id
    where d.org_id = ${orgId} and d.number_year = ${year} and d.status in ('SIGNED','REVOKED')`);
  const row = r.rows[0]!;
  return { budgetVnd: row.budget === null ? null : num(row.budget), paidVnd: num(row.paid), toRecoverVnd: num(row.to_recover) };
}

async function loadOrg(db: DbOrTx, actor: AuthActor, orgId: number) {
  const o = await db.execute<{ id: number; path: string; name: string }>(sql`select id, path, name from organisation where id = ${orgId}`);
  const org = o.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  return org;
}

export async function fund(db: DbOrTx, actor: AuthActor, orgId: number, year: number): Promise<FundDto> {
  const org = await loadOrg(db, actor, orgId);
  const [figures, ledger] = await Promise.all([
    fundFigures(db, orgId, year),
    db.execute<{ id: number; number: number; symbol: string; signed_on: string; subject: string; amount: number; to_recover: number }>(sql`
      select d.id, d.number, d.symbol, d.signed_on::text as signed_on, d.subject, coalesce(sum(i.amount_vnd), 0)::bigint as amount,
             coalesce(sum(i.amount_vnd) filter (where i.status = 'REVOKED'), 0)::bigint as to_recover
      from decision d join decision_item i on i.decision_id = d.id
      where d.org_id = ${orgId} and d.number_year = ${year} and d.status in ('SIGNED','REVOKED')
      group by d.id order by d.number`),
  ]);
  return {
    orgId: num(org.id), orgName: org.name, year, ...figures,
    balanceVnd: figures.budgetVnd === null ? null : figures.budgetVnd - figures.paidVnd + figures.toRecoverVnd,
    ledger: ledger.rows.map((l) => ({
      decisionId: num(l.id), numberText: `${String(l.number).padStart(2, '0')}/${l.symbol}`, signedOn: l.signed_on, subject: l.subject, amountVnd: num(l.amount), toRecoverVnd: num(l.to_recover),
    })),
    abilities: managesCouncilOrg(actor, org.path) ? ['fund.update'] : [],
  };
}

export async function setFundBudget(app: AppContext, actor: AuthActor, orgId: number, year: number, input: { amountVnd: number; note?: string | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId);
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    const before = await tx.execute<{ amount_vnd: number }>(sql`
      update reward_fund_budget set status = 'SUPERSEDED' where org_id = ${orgId} and year = ${year} and status = 'ACTIVE' returning amount_vnd`);
    await tx.execute(sql`
      insert into reward_fund_budget (org_id, org_path, year, amount_vnd, note, created_by) values (${orgId}, ${org.path}, ${year}, ${input.amountVnd}, ${input.note ?? null}, ${actor.userId})`);
    await audit(tx, actor, [{ action: 'fund.budget', entityType: 'reward_fund_budget', entityId: `${orgId}:${year}`, orgId, before: before.rows[0] ?? null, after: input }]);
  });
}

export async function fundLedgerXlsx(db: DbOrTx, actor: AuthActor, locale: Locale, orgId: number, year: number): Promise<Buffer> {
  const f = await fund(db, actor, orgId, year);
  const money = (n: number | null) => (n === null ? '' : n);
  return tableWorkbook({
    sheet: t(locale, 'decisions.fund.sheet'),
    title: t(locale, 'decisions.fund.title', { org: f.orgName, year }),
    lines: [
      `${t(locale, 'decisions.fund.budget')}: ${f.budgetVnd === null ? '—' : f.budgetVnd.toLocaleString('vi-VN')}`,
      `${t(locale, 'decisions.fund.paid')}: ${f.paidVnd.toLocaleString('vi-VN')}`,
      `${t(locale, 'decisions.fund.toRecover')}: ${f.toRecoverVnd.toLocaleString('vi-VN')}`,
      `${t(locale, 'decisions.fund.balance')}: ${f.balanceVnd === null ? '—' : f.balanceVnd.toLocaleString('vi-VN')}`,
    ],
    columns: [
      { header: t(locale, 'decisions.fund.col.no'), width: 6 },
      { header: t(locale, 'decisions.fund.col.number'), width: 18 },
      { header: t(locale, 'decisions.fund.col.date'), width: 12 },
      { header: t(locale, 'decisions.fund.col.subject'), width: 60 },
      { header: t(locale, 'decisions.fund.col.amount'), width: 16 },
      { header: t(locale, 'decisions.fund.col.toRecover'), width: 16 },
    ],
    rows: f.ledger.map((l, i) => [i + 1, l.numberText, vnDate(l.signedOn), l.subject, money(l.amountVnd), money(l.toRecoverVnd)]),
  });
}

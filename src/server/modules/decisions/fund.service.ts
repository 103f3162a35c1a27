// The reward fund (quỹ thi đua – khen thưởng) of an organisation and year: the budget (corrections
// supersede the row), the money of the decisions signed that year, the money paid back on revoked
// lines (Điều 93: recorded per line, never more than the line's amount; a wrong entry is revoked with
// a reason, never deleted), what is still to recover, the balance, and the ledger as XLSX.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import type { FundDto, RecordRecoveryInput, RecoveryDto } from '../../../contracts/decisions';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { vnDate } from '../../lib/dates';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';

const num = (v: unknown) => Number(v);

/** Lock class of the per-(organisation, year) fund lock. */
const FUND_LOCK = 7263201;

/**
 * Serialises what reads the fund to decide (signing's over-budget check, the budget) per organisation
 * and year, for the rest of the transaction: take it before reading the figures.
 */
export async function lockFund(tx: Tx, orgId: number, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FUND_LOCK}, hashtext(${`fund:${orgId}:${year}`}))`);
}

export type FundFigures = { budgetVnd: number | null; paidVnd: number; toRecoverVnd: number; recoveredVnd: number };

/** budget − paid + recovered (null without a budget); revoked money counts only once paid back. */
export const fundBalance = (f: FundFigures): number | null => (f.budgetVnd === null ? null : f.budgetVnd - f.paidVnd + f.recoveredVnd);

/** Money of an active recovery per line, summed. */
const RECOVERED_OF_LINE = sql`coalesce((select sum(r.amount_vnd) from reward_recovery r where r.decision_item_id = i.id and r.status = 'ACTIVE'), 0)`;

/**
 * Budget; money of the organisation's decisions signed in the year (revoked lines included); what
 * their revoked lines still leave to recover; money paid back into the fund in the year.
 */
export async function fundFigures(db: DbOrTx, orgId: number, year: number): Promise<FundFigures> {
  const r = await db.execute<{ budget: number | null; paid: number; to_recover: number; recovered: number }>(sql`
    select (select amount_vnd from reward_fund_budget where org_id = ${orgId} and year = ${year} and status = 'ACTIVE') as budget,
           coalesce(sum(i.amount_vnd), 0)::bigint as paid,
           coalesce(sum(i.amount_vnd - ${RECOVERED_OF_LINE}) filter (where i.status = 'REVOKED'), 0)::bigint as to_recover,
           (select coalesce(sum(amount_vnd), 0)::bigint from reward_recovery where org_id = ${orgId} and year = ${year} and status = 'ACTIVE') as recovered
    from decision d join decision_item i on i.decision_id = d.id
    where d.org_id = ${orgId} and d.number_year = ${year} and d.status in ('SIGNED','REVOKED')`);
  const row = r.rows[0]!;
  return { budgetVnd: row.budget === null ? null : num(row.budget), paidVnd: num(row.paid), toRecoverVnd: num(row.to_recover), recoveredVnd: num(row.recovered) };
}

/** The recoveries of a decision's lines, by line, oldest first. */
export async function recoveriesOf(db: DbOrTx, decisionId: number): Promise<Map<number, RecoveryDto[]>> {
  const r = await db.execute<{ id: number; decision_item_id: number; amount_vnd: number; recovered_on: string; document: string | null; note: string | null; status: RecoveryDto['status']; revoked_reason: string | null; created_at: string }>(sql`
    select r.id, r.decision_item_id, r.amount_vnd, r.recovered_on::text as recovered_on, r.document, r.note, r.status, r.revoked_reason, to_json(r.created_at)#>>'{}' as created_at
    from reward_recovery r join decision_item i on i.id = r.decision_item_id
    where i.decision_id = ${decisionId} order by r.recovered_on, r.id`);
  const out = new Map<number, RecoveryDto[]>();
  for (const x of r.rows) {
    const list = out.get(num(x.decision_item_id)) ?? [];
    list.push({ id: num(x.id), amountVnd: num(x.amount_vnd), recoveredOn: x.recovered_on, document: x.document, note: x.note, status: x.status, revokedReason: x.revoked_reason, createdAt: x.created_at });
    out.set(num(x.decision_item_id), list);
  }
  return out;
}

/** The decision of the line, locked, for a manager of the issuing organisation. */
async function managedDecision(tx: Tx, actor: AuthActor, decisionId: number) {
  const r = await tx.execute<{ id: number; org_id: number; org_path: string; status: string }>(sql`select id, org_id, org_path, status from decision where id = ${decisionId} for update`);
  const d = r.rows[0];
  if (!d || !readsCouncilOrg(actor, d.org_path)) throw notFound();
  if (!managesCouncilOrg(actor, d.org_path)) throw forbidden();
  return { ...d, id: num(d.id), org_id: num(d.org_id) };
}

/**
 * Records money paid back on a revoked line. The line's row is locked, so concurrent entries are
 * checked one after the other: the active recoveries never exceed the line's amount.
 */
export async function recordRecovery(app: AppContext, actor: AuthActor, decisionId: number, itemId: number, input: RecordRecoveryInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const d = await managedDecision(tx, actor, decisionId);
    const l = await tx.execute<{ id: number; status: string; amount_vnd: number | null; revoked_on: string | null; subject_name: string }>(sql`
      select id, status, amount_vnd, revoked_on::text as revoked_on, subject_name from decision_item where id = ${itemId} and decision_id = ${decisionId} for update`);
    const line = l.rows[0];
    if (!line) throw notFound();
    if (line.status !== 'REVOKED') throw conflict('decisions.recovery.notRevoked', { name: line.subject_name });
    const amount = line.amount_vnd === null ? 0 : num(line.amount_vnd);
    if (amount <= 0) throw conflict('decisions.recovery.noMoney', { name: line.subject_name });
    if (input.recoveredOn > todayInVietnam()) throw validation('decisions.recovery.inFuture', {}, { field: 'recoveredOn' });
    if (line.revoked_on !== null && input.recoveredOn < line.revoked_on) throw validation('decisions.recovery.beforeRevocation', { date: vnDate(line.revoked_on) }, { field: 'recoveredOn' });
    const sum = await tx.execute<{ s: number }>(sql`select coalesce(sum(amount_vnd), 0)::bigint as s from reward_recovery where decision_item_id = ${itemId} and status = 'ACTIVE'`);
    const left = amount - num(sum.rows[0]!.s);
    if (input.amountVnd > left) {
      throw validation('decisions.recovery.tooMuch', { amount: input.amountVnd.toLocaleString('vi-VN'), left: left.toLocaleString('vi-VN'), total: amount.toLocaleString('vi-VN') }, { field: 'amountVnd' });
    }
    const row = {
      amountVnd: input.amountVnd, recoveredOn: input.recoveredOn, document: input.document?.normalize('NFC') || null, note: input.note?.normalize('NFC') || null,
    };
    const ins = await tx.execute<{ id: number }>(sql`
      insert into reward_recovery (decision_item_id, org_id, year, amount_vnd, recovered_on, document, note, created_by)
      values (${itemId}, ${d.org_id}, ${Number(input.recoveredOn.slice(0, 4))}, ${row.amountVnd}, ${row.recoveredOn}, ${row.document}, ${row.note}, ${actor.userId})
      returning id`);
    const id = num(ins.rows[0]!.id);
    await audit(tx, actor, [{ action: 'decision.recovery.record', entityType: 'reward_recovery', entityId: id, orgId: d.org_id, after: { decisionId, itemId, ...row } }]);
    return id;
  });
}

/** A wrong entry is revoked with its reason (kept, no longer counted). */
export async function revokeRecovery(app: AppContext, actor: AuthActor, decisionId: number, itemId: number, recoveryId: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const d = await managedDecision(tx, actor, decisionId);
    const r = await tx.execute<{ id: number; status: string; amount_vnd: number; recovered_on: string; document: string | null }>(sql`
      select r.id, r.status, r.amount_vnd, r.recovered_on::text as recovered_on, r.document
      from reward_recovery r join decision_item i on i.id = r.decision_item_id
      where r.id = ${recoveryId} and r.decision_item_id = ${itemId} and i.decision_id = ${decisionId} for update of r`);
    const rec = r.rows[0];
    if (!rec) throw notFound();
    if (rec.status !== 'ACTIVE') throw conflict('decisions.recovery.alreadyRevoked');
    await tx.execute(sql`update reward_recovery set status = 'REVOKED', revoked_reason = ${reason.normalize('NFC')} where id = ${recoveryId}`);
    await audit(tx, actor, [{
      action: 'decision.recovery.revoke', entityType: 'reward_recovery', entityId: recoveryId, orgId: d.org_id,
      before: { status: 'ACTIVE', amountVnd: num(rec.amount_vnd), recoveredOn: rec.recovered_on, document: rec.document }, after: { status: 'REVOKED', reason },
    }]);
  });
}

async function loadOrg(db: DbOrTx, actor: AuthActor, orgId: number) {
  const o = await db.execute<{ id: number; path: string; name: string }>(sql`select id, path, name from organisation where id = ${orgId}`);
  const org = o.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  return org;
}

export async function fund(db: DbOrTx, actor: AuthActor, orgId: number, year: number): Promise<FundDto> {
  const org = await loadOrg(db, actor, orgId);
  const [figures, ledger, recoveries] = await Promise.all([
    fundFigures(db, orgId, year),
    db.execute<{ id: number; number: number; symbol: string; signed_on: string; subject: string; amount: number; to_recover: number; recovered: number }>(sql`
      select d.id, d.number, d.symbol, d.signed_on::text as signed_on, d.subject, coalesce(sum(i.amount_vnd), 0)::bigint as amount,
             coalesce(sum(i.amount_vnd - ${RECOVERED_OF_LINE}) filter (where i.status = 'REVOKED'), 0)::bigint as to_recover,
             coalesce(sum(${RECOVERED_OF_LINE}), 0)::bigint as recovered
      from decision d join decision_item i on i.decision_id = d.id
      where d.org_id = ${orgId} and d.number_year = ${year} and d.status in ('SIGNED','REVOKED')
      group by d.id order by d.number`),
    db.execute<{ id: number; decision_id: number; number: number; symbol: string; subject_name: string; amount_vnd: number; recovered_on: string; document: string | null }>(sql`
      select r.id, d.id as decision_id, d.number, d.symbol, i.subject_name, r.amount_vnd, r.recovered_on::text as recovered_on, r.document
      from reward_recovery r join decision_item i on i.id = r.decision_item_id join decision d on d.id = i.decision_id
      where r.org_id = ${orgId} and r.year = ${year} and r.status = 'ACTIVE' order by r.recovered_on, r.id`),
  ]);
  const numberOf = (l: { number: number; symbol: string }) => `${String(l.number).padStart(2, '0')}/${l.symbol}`;
  return {
    orgId: num(org.id), orgName: org.name, year, ...figures,
    balanceVnd: fundBalance(figures),
    ledger: ledger.rows.map((l) => ({
      decisionId: num(l.id), numberText: numberOf(l), signedOn: l.signed_on, subject: l.subject, amountVnd: num(l.amount), toRecoverVnd: num(l.to_recover), recoveredVnd: num(l.recovered),
    })),
    recoveries: recoveries.rows.map((r) => ({
      id: num(r.id), decisionId: num(r.decision_id), numberText: numberOf(r), subjectName: r.subject_name, amountVnd: num(r.amount_vnd), recoveredOn: r.recovered_on, document: r.document,
    })),
    abilities: managesCouncilOrg(actor, org.path) ? ['fund.update'] : [],
  };
}

export async function setFundBudget(app: AppContext, actor: AuthActor, orgId: number, year: number, input: { amountVnd: number; note?: string | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId);
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    // A signing of the year checks the fund under the same lock: it sees the budget before or after.
    await lockFund(tx, orgId, year);
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
      `${t(locale, 'decisions.fund.recovered')}: ${f.recoveredVnd.toLocaleString('vi-VN')}`,
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
      { header: t(locale, 'decisions.fund.col.recovered'), width: 16 },
    ],
    rows: [
      ...f.ledger.map((l, i) => [i + 1, l.numberText, vnDate(l.signedOn), l.subject, money(l.amountVnd), money(l.toRecoverVnd), money(l.recoveredVnd)]),
      // The money paid back in the year (also on earlier years' decisions): what "Đã thu hồi" above adds up.
      ...(f.recoveries.length > 0 ? [[], [null, t(locale, 'decisions.fund.recoveriesTitle', { year })]] : []),
      ...f.recoveries.map((r, i) => [
        i + 1, r.numberText, vnDate(r.recoveredOn), t(locale, 'decisions.fund.recoveryLine', { name: r.subjectName, document: r.document ?? '—' }), null, null, r.amountVnd,
      ]),
    ],
  });
}

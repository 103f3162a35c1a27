// Decisions (quyết định khen thưởng). A draft is made from a council meeting's passed nominations or
// from named nominations (passed by the council, or simplified-procedure ones the organisation holds);
// the issuing organisation must be entitled to grant every award in it. Signing assigns the number
// (sequential per organisation and year from 01, from a locked counter, unique in the database and
// never reused), fixes the money (coefficient × the base salary in force on the decision date,
// rounded as the decision's parameter says), creates the award records the eligibility engine reads,
// marks the nominations AWARDED, notifies the proposing units and locks the decision.
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { DECISION_DOC_TYPE, type CreateDecisionInput, type DecisionDto, type DecisionItemDto, type DecisionSummaryDto, type UpdateDecisionInput } from '../../../contracts/decisions';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { failpoint } from '../../lib/failpoints';
import { runInBackground } from '../../lib/context';
import { sendOutbox } from '../../lib/mail';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { vnDate } from '../../lib/dates';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { lineMoney, needsBaseSalary, type MoneyRounding } from '../../../domain/catalogue/base-salary';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { recordEvent } from '../nominations/nominations.service';
import { notifyOrg } from '../nominations/submissions.service';
import { DEFAULT_ABBREVIATIONS } from '../plans/plans.service';
import { fundBalance, fundFigures, lockFund, recoveriesOf } from './fund.service';
import { renderDecision } from './decision-document';
import { issueCertificates } from '../certificates/certificates.service';
import { scansOf } from './scan-rows';
import { ratesOn } from './rates.service';
import { placeOf } from '../../lib/place';

const num = (v: unknown) => Number(v);
const abbreviation = sql.raw(`coalesce(o.doc_abbreviation, case o.kind ${Object.entries(DEFAULT_ABBREVIATIONS).map(([k, v]) => `when '${k}' then '${v}'`).join(' ')} else 'CĐ' end)`);

export type DecisionRow = {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  org_kind: string;
  parent_name: string | null;
  abbreviation: string;
  status: DecisionDto['status'];
  meeting_id: number | null;
  year: number;
  subject: string;
  place: string;
  basis: string[];
  execution: string;
  signer: DecisionDto['signer'];
  recipients: string[];
  rounding: MoneyRounding;
  signed_on: string | null;
  number: number | null;
  symbol: string | null;
  base_salary_vnd: number | null;
  base_salary_source: string | null;
  total_vnd: number | null;
  revoked_reason: string | null;
  revoked_by: string | null;
  document_id: number | null;
  /** When the issued copy went on the organisation's public pages (null: not published). */
  published_at: string | null;
  version: number;
};

const SELECT_DECISION = sql`
  select d.id, d.org_id, d.org_path, o.name as org_name, o.kind as org_kind, p.name as parent_name, ${abbreviation} as abbreviation,
         d.status, d.meeting_id, d.year, d.subject, d.place, d.basis, d.execution, d.signer, d.recipients, d.rounding,
         d.signed_on::text as signed_on, d.number, d.symbol, d.base_salary_vnd, d.base_salary_source, d.total_vnd, d.revoked_reason, d.revoked_by, d.version,
         d.document_id, to_json(od.published_at)#>>'{}' as published_at
  from decision d join organisation o on o.id = d.org_id left join organisation p on p.id = o.parent_id
  left join outgoing_document od on od.id = d.document_id`;

function normalise(r: DecisionRow): DecisionRow {
  return {
    ...r, id: num(r.id), org_id: num(r.org_id), year: num(r.year), version: num(r.version), meeting_id: r.meeting_id === null ? null : num(r.meeting_id),
    document_id: r.document_id === null ? null : num(r.document_id),
    number: r.number === null ? null : num(r.number), base_salary_vnd: r.base_salary_vnd === null ? null : num(r.base_salary_vnd), total_vnd: r.total_vnd === null ? null : num(r.total_vnd),
  };
}

export async function findDecision(db: DbOrTx, id: number, forUpdate = false): Promise<DecisionRow | null> {
  const r = await db.execute<DecisionRow>(sql`${SELECT_DECISION} where d.id = ${id} ${forUpdate ? sql`for update of d` : sql``}`);
  return r.rows[0] ? normalise(r.rows[0]) : null;
}

export async function loadReadableDecision(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<DecisionRow> {
  const d = await findDecision(db, id, forUpdate);
  if (!d || !readsCouncilOrg(actor, d.org_path)) throw notFound();
  return d;
}

async function loadManagedDecision(db: DbOrTx, actor: AuthActor, id: number): Promise<DecisionRow> {
  const d = await loadReadableDecision(db, actor, id, true);
  if (!managesCouncilOrg(actor, d.org_path)) throw forbidden();
  return d;
}

export const numberText = (d: Pick<DecisionRow, 'number' | 'symbol'>) => (d.number === null || d.symbol === null ? null : `${String(d.number).padStart(2, '0')}/${d.symbol}`);

// ── Entitlement and money ──────────────────────────────────────────────────────────────────────

/** Awards in the list the organisation's kind may not grant (State awards are granted by none). */
async function notEntitled(db: DbOrTx, orgKind: string, awardCodes: string[]): Promise<string[]> {
  if (awardCodes.length === 0) return [];
  const r = await db.execute<{ name_vi: string }>(sql`
    select name_vi from award_type where code = any(${sql.param([...new Set(awardCodes)])}::text[]) and not (${orgKind} = any(granting_org_kinds))
    order by sort_order`);
  return r.rows.map((x) => x.name_vi);
}

async function baseSalaryOn(db: DbOrTx, date: string): Promise<{ amount: number; source: string } | null> {
  const r = await db.execute<{ amount_vnd: number; source: string }>(sql`
    select amount_vnd, source from base_salary where status = 'ACTIVE' and effective_from <= ${date}::date order by effective_from desc limit 1`);
  return r.rows[0] ? { amount: num(r.rows[0].amount_vnd), source: r.rows[0].source } : null;
}

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

type ItemRow = {
  id: number; position: number; nomination_id: number | null; person_id: number | null; subject_org_id: number | null; subject_name: string;
  unit_name: string | null; award_code: string; award_name: string; subject_kind: 'INDIVIDUAL' | 'COLLECTIVE'; achievement: string;
  item_coefficient: number | null; catalogue_coefficient: number | null; amount_vnd: number | null; award_record_id: number | null; status: 'ACTIVE' | 'REVOKED';
  revoked_reason: string | null; revoked_by: string | null; revoked_on: string | null; serial: string | null;
};

export async function itemsOf(db: DbOrTx, decisionId: number, locale: Locale): Promise<ItemRow[]> {
  const r = await db.execute<ItemRow>(sql`
    select i.id, i.position, i.nomination_id, i.person_id, i.subject_org_id, i.subject_name, i.unit_name, i.award_code,
           ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, a.subject as subject_kind, i.achievement,
           i.coefficient as item_coefficient, a.coefficient as catalogue_coefficient, i.amount_vnd, i.award_record_id, i.status,
           i.revoked_reason, i.revoked_by, i.revoked_on::text as revoked_on, c.serial
    from decision_item i join award_type a on a.code = i.award_code left join certificate c on c.decision_item_id = i.id
    where i.decision_id = ${decisionId} order by a.sort_order, i.position`);
  return r.rows;
}

function decisionAbilities(actor: AuthActor, d: DecisionRow): string[] {
  if (!managesCouncilOrg(actor, d.org_path)) return [];
  if (d.status === 'DRAFT') return ['decision.update', 'decision.sign'];
  const publish = d.published_at === null && d.document_id !== null ? ['decision.publish'] : [];
  return d.status === 'SIGNED' ? ['decision.revoke', 'decision.scan', ...publish] : ['decision.scan', ...publish];
}

/**
 * The decision with its lines and money. A draft shows what the money would be if signed on
 * `opts.signedOn` (today by default), and the fund of that date's year — the year signing uses.
 */
export async function presentDecision(db: DbOrTx, actor: AuthActor, locale: Locale, d: DecisionRow, opts: { signedOn?: string } = {}): Promise<DecisionDto> {
  const [items, scans, recoveries] = await Promise.all([itemsOf(db, d.id, locale), scansOf(db, d.id), recoveriesOf(db, d.id)]);
  const draft = d.status === 'DRAFT';
  const today = opts.signedOn ?? todayInVietnam();
  const [base, rates] = draft
    ? await Promise.all([baseSalaryOn(db, today), ratesOn(db, d.org_path, items.filter((i) => i.catalogue_coefficient === null).map((i) => i.award_code), today)])
    : [null, null];
  const out: DecisionItemDto[] = items.map((i) => {
    const priced = draft ? lineMoney(i.catalogue_coefficient === null ? null : num(i.catalogue_coefficient), rates?.get(i.award_code) ?? null, base?.amount ?? null, d.rounding) : null;
    const coefficient = draft ? priced!.coefficient : i.item_coefficient === null ? null : num(i.item_coefficient);
    const amount = draft ? priced!.amountVnd : i.amount_vnd === null ? null : num(i.amount_vnd);
    const lineRecoveries = recoveries.get(num(i.id)) ?? [];
    const recovered = lineRecoveries.filter((r) => r.status === 'ACTIVE').reduce((sum, r) => sum + r.amountVnd, 0);
    return {
      id: num(i.id), position: num(i.position), nominationId: i.nomination_id === null ? null : num(i.nomination_id), personId: i.person_id === null ? null : num(i.person_id),
      subjectOrgId: i.subject_org_id === null ? null : num(i.subject_org_id), subjectName: i.subject_name, unitName: i.unit_name, awardCode: i.award_code,
      awardName: i.award_name, subjectKind: i.subject_kind, achievement: i.achievement, coefficient, amountVnd: amount,
      awardRecordId: i.award_record_id === null ? null : num(i.award_record_id), certificateSerial: i.serial, status: i.status,
      revokedReason: i.revoked_reason, revokedBy: i.revoked_by, revokedOn: i.revoked_on,
      recoveredVnd: recovered, toRecoverVnd: i.status === 'REVOKED' ? Math.max(0, (amount ?? 0) - recovered) : 0, recoveries: lineRecoveries,
    };
  });
  const draftTotal = out.reduce((sum, i) => sum + (i.amountVnd ?? 0), 0);
  let fund: DecisionDto['fund'] = null;
  if (d.status === 'DRAFT') {
    // Signing takes the number and the fund of the year of its date.
    const year = Number(today.slice(0, 4));
    const f = await fundFigures(db, d.org_id, year);
    const left = fundBalance(f);
    const after = left === null ? null : left - draftTotal;
    fund = { year, budgetVnd: f.budgetVnd, paidVnd: f.paidVnd, balanceAfterVnd: after, overBudget: after !== null && after < 0 };
  }
  return {
    fund,
    id: d.id, orgId: d.org_id, orgName: d.org_name, status: d.status, meetingId: d.meeting_id, year: d.year, subject: d.subject, place: d.place, basis: d.basis,
    execution: d.execution, signer: d.signer, recipients: d.recipients, rounding: d.rounding, signedOn: d.signed_on, number: d.number, symbol: d.symbol,
    numberText: numberText(d), baseSalaryVnd: d.base_salary_vnd ?? base?.amount ?? null, baseSalarySource: d.base_salary_source ?? base?.source ?? null,
    totalVnd: d.total_vnd ?? (out.some((i) => i.amountVnd !== null) ? out.reduce((s, i) => s + (i.amountVnd ?? 0), 0) : null),
    toRecoverVnd: out.reduce((sum, i) => sum + i.toRecoverVnd, 0),
    revokedReason: d.revoked_reason, revokedBy: d.revoked_by, publishedAt: d.published_at,
    items: out, scans, version: d.version,
    // Money paid back on revoked lines is recorded by the issuing organisation (Điều 93).
    abilities: [...decisionAbilities(actor, d), ...(d.status !== 'DRAFT' && managesCouncilOrg(actor, d.org_path) && out.some((i) => i.status === 'REVOKED' && (i.amountVnd ?? 0) > 0) ? ['decision.recover'] : [])],
  };
}

export async function listDecisions(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: string; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql.join(
    [sql`(${sql.join(paths.map((p) => sql`d.org_path like ${`${p}%`}`), sql` or `)})`, q.orgId ? sql`d.org_id = ${q.orgId}` : sql`true`, q.status ? sql`d.status = ${q.status}` : sql`true`],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<DecisionRow & { item_count: number }>(sql`
      select q.*, (select count(*)::int from decision_item i where i.decision_id = q.id) as item_count
      from (${SELECT_DECISION} where ${where} order by d.signed_on desc nulls first, d.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) q
      order by q.signed_on desc nulls first, q.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from decision d where ${where}`),
  ]);
  const items: DecisionSummaryDto[] = rows.rows.map((raw) => {
    const d = normalise(raw);
    return {
      id: d.id, orgId: d.org_id, orgName: d.org_name, status: d.status, meetingId: d.meeting_id, year: d.year, subject: d.subject, place: d.place, signer: d.signer,
      rounding: d.rounding, signedOn: d.signed_on, number: d.number, symbol: d.symbol, numberText: numberText(d), baseSalaryVnd: d.base_salary_vnd,
      baseSalarySource: d.base_salary_source, totalVnd: d.total_vnd, revokedReason: d.revoked_reason, revokedBy: d.revoked_by, publishedAt: d.published_at,
      version: d.version, abilities: decisionAbilities(actor, d), itemCount: num(raw.item_count),
    };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Drafting ───────────────────────────────────────────────────────────────────────────────────

type Candidate = {
  id: number; person_id: number | null; subject_org_id: number | null; subject_path: string; subject_name: string; unit_name: string | null;
  award_code: string; year: number; status: string; procedure: string; holder_org_id: number; in_decision: boolean;
};

/** Statuses in which a nomination held by the organisation can go into its decision. */
const READY = sql`(n.status = 'COUNCIL_PASSED' or (n.procedure = 'SIMPLIFIED' and n.status in ('TO_COUNCIL','ACCEPTED')))`;
const IN_DECISION = sql`exists (select 1 from decision_item di join decision d on d.id = di.decision_id
                     where di.nomination_id = n.id and di.status = 'ACTIVE' and d.status in ('DRAFT','SIGNED'))`;

/**
 * "Căn cứ …" lines for the movements the nominations' rounds reward: the issued plan that launched the
 * movement when there is one ("Kế hoạch số 05/KH-LĐLĐ ngày …"), else the movement and its launch date.
 */
async function movementBasis(db: DbOrTx, nominationIds: number[]): Promise<string[]> {
  const r = await db.execute<{ title: string; launched_on: string | null; number: number | null; symbol: string | null; issued_on: string | null; plan_title: string | null }>(sql`
    select distinct on (m.id) m.id, m.title, m.launched_on::text as launched_on, p.number, p.symbol, p.issued_on::text as issued_on, p.title as plan_title
    from nomination n join nomination_round r on r.id = n.round_id join movement m on m.id = r.movement_id
    left join plan p on p.id = m.plan_id and p.number is not null
    where n.id = any(${sql.param(nominationIds)}::bigint[]) order by m.id`);
  return r.rows.map((m) =>
    m.number !== null && m.symbol !== null && m.issued_on !== null
      ? t('vi', 'decisions.default.basisPlan', { number: `${String(m.number).padStart(2, '0')}/${m.symbol}`, date: vnDate(m.issued_on), title: lowerFirst(m.plan_title ?? m.title) })
      : t('vi', 'decisions.default.basisMovement', { title: m.title, date: m.launched_on ? vnDate(m.launched_on) : '…' }),
  );
}

/** "Thực hiện phong trào …" → "thực hiện phong trào …" inside a sentence (an acronym keeps its case). */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

export async function createDecision(app: AppContext, actor: AuthActor, input: CreateDecisionInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string; name: string; kind: string; status: string }>(
      sql`select id, path, name, kind, status from organisation where id = ${input.orgId} for share`,
    );
    const org = o.rows[0];
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    let meetingLine: string | null = null;
    let source: SQL;
    if (input.meetingId !== undefined) {
      const m = await tx.execute<{ org_id: number; status: string; closed_at: string | null }>(
        sql`select org_id, status, to_char(closed_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as closed_at from council_meeting where id = ${input.meetingId}`,
      );
      const meeting = m.rows[0];
      if (!meeting || num(meeting.org_id) !== num(org.id)) throw validation('decisions.api.meetingOther', {}, { field: 'meetingId' });
      if (meeting.status !== 'CLOSED') throw conflict('decisions.api.meetingNotClosed');
      meetingLine = t('vi', 'decisions.default.basisMeeting', { date: vnDate(meeting.closed_at!) });
      source = sql`n.id in (select i.nomination_id from meeting_item i where i.meeting_id = ${input.meetingId} and i.result = 'PASSED')`;
    } else {
      source = sql`n.id = any(${sql.param(input.nominationIds!)}::bigint[])`;
    }
    const c = await tx.execute<Candidate>(sql`
      select n.id, n.person_id, n.subject_org_id, n.subject_path, n.subject_name, u.name as unit_name, n.award_code, r.year, n.status, n.procedure,
             n.holder_org_id, ${IN_DECISION} as in_decision
      from nomination n join nomination_round r on r.id = n.round_id left join organisation u on u.path = n.subject_path
      where ${source} order by n.id for update of n`);
    // Only what the organisation itself holds: another level's nominations are not its to decide.
    const usable = (x: Candidate) =>
      num(x.holder_org_id) === num(org.id) && !x.in_decision && (x.status === 'COUNCIL_PASSED' || (x.procedure === 'SIMPLIFIED' && (x.status === 'TO_COUNCIL' || x.status === 'ACCEPTED')));
    const rows = c.rows.filter(usable);
    if (input.nominationIds) {
      const bad = c.rows.filter((x) => !usable(x)).map((x) => x.subject_name);
      if (rows.length !== new Set(input.nominationIds).size) throw validation('decisions.api.notReady', { names: bad.join(', ') || String(input.nominationIds.length - rows.length) }, { field: 'nominationIds' });
    }
    if (rows.length === 0) throw validation('decisions.api.nothingPassed', {}, { field: input.meetingId ? 'meetingId' : 'nominationIds' });
    // One line per person (or unit) and award in a decision (decision_item_person_uq / _org_uq): e.g. a
    // meeting that passed the same person's nominations of two years for the same award.
    const seen = new Map<string, Candidate>();
    const twice = new Set<string>();
    for (const r of rows) {
      const key = `${r.person_id !== null ? `p${num(r.person_id)}` : `o${num(r.subject_org_id)}`}:${r.award_code}`;
      if (seen.has(key)) twice.add(`${r.subject_name} (${await awardName(tx, r.award_code)})`);
      else seen.set(key, r);
    }
    if (twice.size > 0) throw validation('decisions.api.duplicateSubject', { names: [...twice].join('; ') }, { field: input.meetingId ? 'meetingId' : 'nominationIds' });
    const refused = await notEntitled(tx, org.kind, rows.map((r) => r.award_code));
    if (refused.length > 0) throw validation('decisions.api.notEntitled', { awards: refused.join('; '), org: org.name }, { field: 'orgId' });
    const year = input.year ?? Math.max(...rows.map((r) => num(r.year)));
    const basis = [
      t('vi', 'decisions.default.basisLaw'),
      t('vi', 'decisions.default.basisCharter'),
      t('vi', 'decisions.default.basisUnionRules'),
      t('vi', 'decisions.default.basisRules', { org: org.name }),
      ...(await movementBasis(tx, rows.map((r) => num(r.id)))),
      ...(meetingLine ? [meetingLine] : []),
      t('vi', 'decisions.default.basisProposal'),
    ];
    const d = await tx.execute<{ id: number }>(sql`
      insert into decision (org_id, org_path, meeting_id, year, subject, place, basis, execution, signer, recipients, rounding, created_by)
      values (${org.id}, ${org.path}, ${input.meetingId ?? null}, ${year}, ${(input.subject ?? t('vi', 'decisions.default.subject', { year })).normalize('NFC')}, ${placeOf(org.name)},
              ${JSON.stringify(basis)}::jsonb, ${t('vi', 'decisions.default.execution')},
              ${JSON.stringify({ onBehalf: t('vi', 'decisions.default.onBehalf'), title: t('vi', 'decisions.default.signerTitle'), name: null })}::jsonb,
              ${JSON.stringify([t('vi', 'decisions.default.recipientArticle3'), t('vi', 'decisions.default.recipientArchive')])}::jsonb, ${input.rounding}, ${actor.userId})
      returning id`);
    const id = num(d.rows[0]!.id);
    const achievement = t('vi', 'decisions.default.achievement', { year });
    await tx.execute(sql`
      insert into decision_item (decision_id, position, nomination_id, person_id, subject_org_id, subject_path, subject_name, unit_name, award_code, achievement)
      select ${id}, x.ord, x.id, x.person_id, x.subject_org_id, x.subject_path, x.subject_name, x.unit_name, x.award_code, ${achievement}
      from jsonb_to_recordset(${JSON.stringify(rows.map((r, i) => ({ ...r, ord: i + 1 })))}::jsonb)
           as x(ord int, id bigint, person_id bigint, subject_org_id bigint, subject_path text, subject_name text, unit_name text, award_code text)`);
    await audit(tx, actor, [{ action: 'decision.create', entityType: 'decision', entityId: id, orgId: num(org.id), after: { meetingId: input.meetingId ?? null, nominations: rows.map((r) => num(r.id)) } }]);
    return id;
  });
}

async function awardName(db: DbOrTx, code: string): Promise<string> {
  const r = await db.execute<{ name_vi: string }>(sql`select name_vi from award_type where code = ${code}`);
  return r.rows[0]?.name_vi ?? code;
}

/** Nominations the organisation holds that are ready for its decision and in none yet (for drafting by name). */
export async function decisionCandidates(db: DbOrTx, actor: AuthActor, locale: Locale, q: { orgId: number; q?: string; page: number; pageSize: number }) {
  const o = await db.execute<{ path: string }>(sql`select path from organisation where id = ${q.orgId}`);
  const org = o.rows[0];
  if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
  if (!managesCouncilOrg(actor, org.path)) throw forbidden();
  const where = sql`n.holder_org_id = ${q.orgId} and ${READY} and not ${IN_DECISION}
    ${q.q ? sql`and n.subject_name_folded like '%' || vd_fold(${q.q}) || '%'` : sql``}`;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; subject_name: string; unit_name: string | null; award_code: string; award_name: string; procedure: 'NORMAL' | 'SIMPLIFIED'; status: string; year: number }>(sql`
      select n.id, n.subject_name, u.name as unit_name, n.award_code, ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, n.procedure, n.status, r.year
      from nomination n join nomination_round r on r.id = n.round_id join award_type a on a.code = n.award_code left join organisation u on u.path = n.subject_path
      where ${where} order by a.sort_order, n.subject_name, n.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from nomination n where ${where}`),
  ]);
  return {
    items: rows.rows.map((r) => ({ id: num(r.id), subjectName: r.subject_name, unitName: r.unit_name, awardCode: r.award_code, awardName: r.award_name, procedure: r.procedure, status: r.status, year: num(r.year) })),
    total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize,
  };
}

export async function updateDecision(app: AppContext, actor: AuthActor, id: number, input: UpdateDecisionInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const d = await loadManagedDecision(tx, actor, id);
    if (d.status !== 'DRAFT') throw conflict('decisions.api.locked');
    if (d.version !== input.version) throw conflict('error.STALE');
    await tx.execute(sql`
      update decision set subject = ${input.subject?.normalize('NFC') ?? d.subject}, place = ${input.place?.normalize('NFC') ?? d.place}, basis = ${JSON.stringify(input.basis ?? d.basis)}::jsonb,
        execution = ${input.execution ?? d.execution}, signer = ${JSON.stringify(input.signer ?? d.signer)}::jsonb,
        recipients = ${JSON.stringify(input.recipients ?? d.recipients)}::jsonb, rounding = ${input.rounding ?? d.rounding},
        updated_at = now(), version = version + 1
      where id = ${id}`);
    if (input.achievements) {
      await tx.execute(sql`
        update decision_item i set achievement = x.text
        from jsonb_each_text(${JSON.stringify(input.achievements)}::jsonb) as x(code, text) where i.decision_id = ${id} and i.award_code = x.code`);
    }
    await audit(tx, actor, [{ action: 'decision.update', entityType: 'decision', entityId: id, orgId: d.org_id, after: input }]);
  });
}

// ── Signing ────────────────────────────────────────────────────────────────────────────────────

/** The next decision number of the organisation for the year; the counter row's lock serialises signers. */
async function takeNextNumber(tx: Tx, orgId: number, year: number): Promise<number> {
  const counter = await tx.execute<{ last_number: number }>(sql`
    insert into document_counter (org_id, year, doc_type, last_number) values (${orgId}, ${year}, ${DECISION_DOC_TYPE}, 1)
    on conflict (org_id, year, doc_type) do update set last_number = document_counter.last_number + 1
    returning last_number`);
  return num(counter.rows[0]!.last_number);
}

export async function signDecision(app: AppContext, actor: AuthActor, id: number, input: { version: number; signedOn: string; signerName?: string; overBudgetConfirmed?: boolean; publish?: boolean }): Promise<void> {
  const outboxIds = await app.db.transaction(async (tx) => {
    const d = await loadManagedDecision(tx, actor, id);
    if (d.status !== 'DRAFT') throw conflict('decisions.api.locked');
    if (d.version !== input.version) throw conflict('error.STALE');
    if (input.signedOn > todayInVietnam()) throw validation('decisions.api.signedInFuture', {}, { field: 'signedOn' });
    const items = await itemsOf(tx, id, 'vi');
    const refused = await notEntitled(tx, d.org_kind, items.map((i) => i.award_code));
    if (refused.length > 0) throw validation('decisions.api.notEntitled', { awards: refused.join('; '), org: d.org_name }, { field: 'orgId' });
    const base = await baseSalaryOn(tx, input.signedOn);
    // Awards without a State coefficient are paid at the organisation's rate in force on the decision date.
    const rates = await ratesOn(tx, d.org_path, items.filter((i) => i.catalogue_coefficient === null).map((i) => i.award_code), input.signedOn);
    const state = (i: (typeof items)[number]) => (i.catalogue_coefficient === null ? null : num(i.catalogue_coefficient));
    if (!base && items.some((i) => needsBaseSalary(state(i), rates.get(i.award_code) ?? null))) throw validation('decisions.api.noBaseSalary', { date: vnDate(input.signedOn) }, { field: 'signedOn' });
    const money = items.map((i) => {
      const m = lineMoney(state(i), rates.get(i.award_code) ?? null, base?.amount ?? null, d.rounding);
      return { id: num(i.id), coefficient: m.coefficient, amount: m.amountVnd };
    });
    const total = money.some((m) => m.amount !== null) ? money.reduce((s, m) => s + (m.amount ?? 0), 0) : null;
    const year = Number(input.signedOn.slice(0, 4));
    // One signing at a time per organisation and year, from the fund check to the number: two drafts
    // signed at once cannot both pass the over-budget check, nor take numbers out of date order.
    await lockFund(tx, d.org_id, year);
    const latest = await tx.execute<{ number: number; symbol: string; signed_on: string }>(sql`
      select number, symbol, signed_on::text as signed_on from decision
      where org_id = ${d.org_id} and number_year = ${year} and status in ('SIGNED','REVOKED') order by signed_on desc, number desc limit 1`);
    const last = latest.rows[0];
    if (last && input.signedOn < last.signed_on) {
      throw validation('decisions.api.signedBeforeLatest', { date: vnDate(input.signedOn), number: numberText({ number: num(last.number), symbol: last.symbol })!, latest: vnDate(last.signed_on), year }, { field: 'signedOn' });
    }
    // The reward fund of the year: warn before spending beyond it (the signer confirms to go on).
    const left = fundBalance(await fundFigures(tx, d.org_id, year));
    if (left !== null && (total ?? 0) > left && !input.overBudgetConfirmed) {
      // details.reason tells this refusal from a version clash (both 409): the page offers to confirm.
      throw conflict('decisions.api.overBudget', { amount: (total ?? 0).toLocaleString('vi-VN'), year, left: left.toLocaleString('vi-VN') }, { reason: 'OVER_BUDGET' });
    }
    const number = await takeNextNumber(tx, d.org_id, year);
    const symbol = `${DECISION_DOC_TYPE}-${d.abbreviation}`;
    const text = `${String(number).padStart(2, '0')}/${symbol}`;
    const doc = await tx.execute<{ id: number }>(sql`
      insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id, created_by, published_at)
      values (${d.org_id}, ${year}, ${DECISION_DOC_TYPE}, ${number}, ${symbol}, ${input.signedOn}, ${`Quyết định ${d.subject.charAt(0).toLowerCase()}${d.subject.slice(1)}`}, 'decision', ${id}, ${actor.userId},
              ${input.publish ? sql`now()` : sql`null`})
      returning id`);
    const signer = { ...d.signer, name: input.signerName?.normalize('NFC') ?? d.signer.name };
    await tx.execute(sql`
      update decision set status = 'SIGNED', signed_on = ${input.signedOn}, number_year = ${year}, number = ${number}, symbol = ${symbol},
        document_id = ${num(doc.rows[0]!.id)}, base_salary_vnd = ${base?.amount ?? null}, base_salary_source = ${base?.source ?? null}, total_vnd = ${total},
        signer = ${JSON.stringify(signer)}::jsonb, updated_at = now(), version = version + 1
      where id = ${id}`);
    await tx.execute(sql`
      update decision_item i set coefficient = x.coefficient, amount_vnd = x.amount
      from jsonb_to_recordset(${JSON.stringify(money)}::jsonb) as x(id bigint, coefficient numeric, amount int) where i.id = x.id`);
    // The award records the eligibility engine reads ("two consecutive years of …"), one per line.
    await tx.execute(sql`
      with ins as (
        insert into award_record (person_id, org_id, scope_path, status, source, award_code, year, decision_number, decision_date, issuer_name, issuer_org_id, created_by)
        select i.person_id, i.subject_org_id, i.subject_path, 'ACTIVE', 'DECISION', i.award_code,
               -- Each record the year of its own line: its nomination's round, else the decision's year.
               coalesce(r.year, ${d.year}), ${text}, ${input.signedOn}, ${d.org_name}, ${d.org_id}, ${actor.userId}
        from decision_item i left join nomination n on n.id = i.nomination_id left join nomination_round r on r.id = n.round_id
        where i.decision_id = ${id} and i.status = 'ACTIVE'
        returning id, person_id, org_id, award_code)
      update decision_item i set award_record_id = ins.id from ins
      where i.decision_id = ${id} and i.award_code = ins.award_code and i.person_id is not distinct from ins.person_id and i.subject_org_id is not distinct from ins.org_id`);
    const code = await tx.execute<{ code: string }>(sql`select code from organisation where id = ${d.org_id}`);
    await issueCertificates(tx, id, { id: d.org_id, code: code.rows[0]!.code }, year);
    // Crash-safety tests stop here: number, award records and certificates written, not yet committed.
    await failpoint('decision.sign.records');
    const nominationIds = items.map((i) => i.nomination_id).filter((x): x is number => x !== null).map(num);
    if (nominationIds.length > 0) {
      await tx.execute(sql`update nomination set status = 'AWARDED', updated_at = now(), version = version + 1 where id = any(${sql.param(nominationIds)}::bigint[])`);
      await recordEvent(tx, actor, nominationIds, null, d.org_id, 'AWARDED', text);
    }
    // The proposing units hear of it in their inbox (and by email).
    const proposers = await tx.execute<{ proposer_org_id: number; n: number }>(sql`
      select n.proposer_org_id, count(*)::int as n from nomination n where n.id = any(${sql.param(nominationIds)}::bigint[]) group by n.proposer_org_id`);
    const mails: number[] = [];
    for (const p of proposers.rows) {
      mails.push(...(await notifyOrg(tx, app.config.APP_URL, num(p.proposer_org_id), d.org_id, 'decisions.notice.signed', { number: text, date: vnDate(input.signedOn), org: d.org_name, subject: d.subject, count: num(p.n) }, `/quyet-dinh/${id}`)));
    }
    // Each awarded person with an email on record hears of it too, with the link to their certificate.
    const people = await tx.execute<{ email: string; name: string; award: string; serial: string }>(sql`
      select p.email, i.subject_name as name, a.name_vi as award, c.serial
      from decision_item i join person p on p.id = i.person_id join award_type a on a.code = i.award_code join certificate c on c.decision_item_id = i.id
      where i.decision_id = ${id} and i.status = 'ACTIVE' and p.email is not null and p.email <> '' order by i.position`);
    if (people.rows.length > 0) {
      const base = app.config.APP_URL.replace(/\/$/, '');
      const letters = people.rows.map((x) => ({
        to: x.email,
        subject: t('vi', 'decisions.notice.person.title', { number: text }),
        body: t('vi', 'decisions.notice.person.body', { name: x.name, org: d.org_name, number: text, date: vnDate(input.signedOn), award: x.award, url: `${base}/verify/${x.serial}` }),
      }));
      const personal = await tx.execute<{ id: number }>(sql`
        insert into email_outbox (to_address, subject, body)
        select x.to, x.subject, x.body from jsonb_to_recordset(${JSON.stringify(letters)}::jsonb) as x("to" text, subject text, body text)
        returning id`);
      mails.push(...personal.rows.map((m) => num(m.id)));
    }
    // Lưu: the archive copy as issued, in the register (and its SHA-256).
    const signed = (await findDecision(tx, id))!;
    const archive = await renderDecision(signed, await presentDecision(tx, actor, 'vi', signed), 'vi');
    await tx.execute(sql`update outgoing_document set archive_docx = ${archive}, archive_sha256 = ${crypto.createHash('sha256').update(archive).digest('hex')} where id = ${num(doc.rows[0]!.id)}`);
    await audit(tx, actor, [{ action: 'decision.sign', entityType: 'decision', entityId: id, orgId: d.org_id, after: { number: text, signedOn: input.signedOn, baseSalaryVnd: base?.amount ?? null, totalVnd: total, items: items.length } }]);
    return mails;
  });
  if (outboxIds.length > 0) runInBackground(app, () => sendOutbox(app, outboxIds));
}

// ── Revocation (Luật 2022 Điều 93) ─────────────────────────────────────────────────────────────

/**
 * Revokes lines of a signed decision (or all of them: the decision becomes REVOKED) with the ground
 * and the revoking decision. The award records are revoked, not deleted, so the eligibility engine no
 * longer counts them and the history keeps both; the money paid on those lines is to be recovered.
 */
/** Puts the issued copy of a signed (or later revoked) decision on the organisation's public pages. */
export async function publishDecision(app: AppContext, actor: AuthActor, id: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const d = await loadManagedDecision(tx, actor, id);
    if (d.status === 'DRAFT' || d.document_id === null) throw conflict('decisions.api.publishDraft');
    if (d.published_at !== null) throw conflict('decisions.api.alreadyPublished');
    await tx.execute(sql`update outgoing_document set published_at = now() where id = ${d.document_id}`);
    await audit(tx, actor, [{ action: 'decision.publish', entityType: 'decision', entityId: id, orgId: d.org_id, after: { documentId: d.document_id } }]);
  });
}

export async function revokeDecision(app: AppContext, actor: AuthActor, id: number, input: { itemIds?: number[]; reason: string; revokingDecision: string; revokedOn: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const d = await loadManagedDecision(tx, actor, id);
    if (d.status !== 'SIGNED') throw conflict(d.status === 'DRAFT' ? 'decisions.api.notSigned' : 'decisions.api.revoked');
    if (input.revokedOn > todayInVietnam() || (d.signed_on !== null && input.revokedOn < d.signed_on)) throw validation('decisions.api.revokedOnInvalid', {}, { field: 'revokedOn' });
    const live = await tx.execute<{ id: number; award_record_id: number | null; nomination_id: number | null }>(
      sql`select id, award_record_id, nomination_id from decision_item where decision_id = ${id} and status = 'ACTIVE' for update`,
    );
    const chosen = input.itemIds ? live.rows.filter((r) => input.itemIds!.includes(num(r.id))) : live.rows;
    if (input.itemIds && chosen.length !== new Set(input.itemIds).size) throw validation('decisions.api.itemsNotActive', {}, { field: 'itemIds' });
    const itemIds = chosen.map((r) => num(r.id));
    const recordIds = chosen.map((r) => r.award_record_id).filter((x): x is number => x !== null).map(num);
    await tx.execute(sql`
      update decision_item set status = 'REVOKED', revoked_reason = ${input.reason}, revoked_by = ${input.revokingDecision}, revoked_on = ${input.revokedOn}
      where id = any(${sql.param(itemIds)}::bigint[])`);
    if (recordIds.length > 0) {
      await tx.execute(sql`
        update award_record set status = 'REVOKED', revoked_at = now(), revoked_reason = ${`${input.revokingDecision}: ${input.reason}`}
        where id = any(${sql.param(recordIds)}::bigint[])`);
    }
    const whole = chosen.length === live.rows.length;
    if (whole) {
      await tx.execute(sql`update decision set status = 'REVOKED', revoked_reason = ${input.reason}, revoked_by = ${input.revokingDecision}, updated_at = now(), version = version + 1 where id = ${id}`);
    } else {
      await tx.execute(sql`update decision set updated_at = now(), version = version + 1 where id = ${id}`);
    }
    const nominationIds = chosen.map((r) => r.nomination_id).filter((x): x is number => x !== null).map(num);
    await recordEvent(tx, actor, nominationIds, null, d.org_id, 'REVOKED', `${input.revokingDecision}: ${input.reason}`);
    await audit(tx, actor, [{ action: whole ? 'decision.revoke' : 'decision.revokeLines', entityType: 'decision', entityId: id, orgId: d.org_id, after: { ...input, itemIds } }]);
  });
}

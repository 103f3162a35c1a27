// Nominations (đề nghị khen thưởng): a unit proposes a person or a collective for an award in a
// round. The eligibility engine runs on creation and on every change; its explanation is kept as a
// snapshot (with the rule packs and parameters used) so that every later reviewer reads what the
// proposer saw. A not-eligible nomination goes forward only with a written justification.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import type { CreateNominationInput, NominationDto, NominationListQuery, NominationSummaryDto, UpdateNominationInput } from '../../../contracts/nominations';
import type { EvaluationResult } from '../../../contracts/eligibility';
import { audit } from '../../lib/audit';
import { t } from '../../../contracts/messages';
import { ruleText } from './rule-text';
import { conflict, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { defaultReferenceDate, evaluate, reasonText } from '../../../domain/eligibility';
import { loadEngineInputs, type EngineInputs } from '../eligibility/eligibility.service';
import { loadPersonCandidates, loadUnitCandidates } from '../eligibility/facts.repository';
import { dossierChecklist, missingDocuments, validateProcedure, type DossierDocKind, type Procedure } from '../../../domain/nominations/dossier';
import { findAllConflicts, mustRecuse, type NominationLike, type ReceivedAward, type Conflict } from '../../../domain/nominations/conflicts';
import { awardNames, findNominationRound, loadReadableRound, nominationReadScope, nominationRoundPolicy, type NominationRoundRow } from './rounds.service';

export type NominationRow = {
  id: number;
  round_id: number;
  round_title: string;
  round_org_id: number;
  round_org_path: string;
  round_status: string;
  year: number;
  proposer_org_id: number;
  proposer_name: string;
  proposer_path: string;
  person_id: number | null;
  subject_org_id: number | null;
  subject_path: string;
  subject_name: string;
  subject_unit_name: string;
  award_code: string;
  procedure: Procedure;
  achievement_summary: string | null;
  achievement_refs: string[];
  eligibility_status: NominationSummaryDto['eligibilityStatus'];
  eligibility_checked_at: string;
  justification: string | null;
  status: NominationSummaryDto['status'];
  holder_org_id: number;
  holder_name: string;
  holder_path: string;
  reached_path: string | null;
  submission_id: number | null;
  is_leader: boolean | null;
  is_direct_worker: boolean | null;
  gender: 'MALE' | 'FEMALE' | null;
  updated_at: string;
  version: number;
};

export const SELECT_NOMINATION = sql`
  select n.id, n.round_id, r.title as round_title, r.org_id as round_org_id, r.org_path as round_org_path, r.status as round_status, r.year,
         n.proposer_org_id, po.name as proposer_name, n.proposer_path, n.person_id, n.subject_org_id, n.subject_path, n.subject_name,
         coalesce(su.name, '') as subject_unit_name, n.award_code, n.procedure, n.achievement_summary, n.achievement_refs,
         n.eligibility_status, n.eligibility_checked_at::text as eligibility_checked_at, n.justification, n.status,
         n.holder_org_id, ho.name as holder_name, n.holder_path, n.reached_path, n.submission_id,
         p.is_leader, p.is_direct_worker, p.gender, n.updated_at::text as updated_at, n.version
  from nomination n
    join nomination_round r on r.id = n.round_id
    join organisation po on po.id = n.proposer_org_id
    join organisation ho on ho.id = n.holder_org_id
    left join person p on p.id = n.person_id
    left join organisation so on so.id = n.subject_org_id
    left join organisation su on su.id = coalesce(p.org_id, so.parent_id)`;

export async function findNomination(db: DbOrTx, id: number, forUpdate = false): Promise<NominationRow | null> {
  const r = await db.execute<NominationRow>(sql`${SELECT_NOMINATION} where n.id = ${id} ${forUpdate ? sql`for update of n` : sql``}`);
  return r.rows[0] ?? null;
}

export async function eligibilitySnapshot(db: DbOrTx, id: number): Promise<EvaluationResult> {
  const r = await db.execute<{ snapshot: EvaluationResult }>(sql`select snapshot from nomination_eligibility where nomination_id = ${id}`);
  return r.rows[0]!.snapshot;
}

const rolePaths = (a: AuthActor, roles: readonly string[]) => a.roles.filter((r) => roles.includes(r.role)).map((r) => r.orgPath);
const isAdminOver = (a: AuthActor, path: string) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN' && covers(r.orgPath, path));
/** A managing role exactly on the unit (its own officers), or administration above it. */
export const managesUnit = (a: AuthActor, path: string) => rolePaths(a, MANAGE_ROLES).includes(path) || isAdminOver(a, path);

export const nominationPolicy = {
  read: (a: AuthActor, n: Pick<NominationRow, 'proposer_path' | 'reached_path'>) =>
    rolePaths(a, READ_ROLES).some((p) => p === n.proposer_path || (n.reached_path !== null && covers(p, n.proposer_path))),
  /** Content and dossier: the holder's own officers while it is a draft or returned to them. */
  edit: (a: AuthActor, n: Pick<NominationRow, 'status' | 'holder_path' | 'round_status'>) =>
    n.round_status === 'OPEN' && (n.status === 'DRAFT' || n.status === 'RETURNED') && managesUnit(a, n.holder_path),
  /** Withdrawn by the proposer while it is still theirs (a draft, or returned to them). */
  withdraw: (a: AuthActor, n: Pick<NominationRow, 'status' | 'holder_path' | 'proposer_path' | 'submission_id'>) =>
    n.holder_path === n.proposer_path && (n.status === 'DRAFT' || n.status === 'RETURNED') && managesUnit(a, n.proposer_path),
};

export async function loadReadableNomination(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<NominationRow> {
  const n = await findNomination(db, id, forUpdate);
  if (!n || !nominationPolicy.read(actor, n)) throw notFound();
  return n;
}

// ── Eligibility ───────────────────────────────────────────────────────────────────────────────

export interface EligibilitySubject {
  personId: number | null;
  subjectOrgId: number | null;
  awardCode: string;
  year: number;
}

/**
 * Evaluates many nominations at once: the facts of every person and unit are read in one query
 * each, then judged in memory. Returns the results in input order; null for a subject that no
 * longer exists (a person who left, an ended unit).
 */
export async function evaluateSubjects(db: DbOrTx, subjects: readonly EligibilitySubject[], inputs?: EngineInputs): Promise<(EvaluationResult | null)[]> {
  const engine = inputs ?? (await loadEngineInputs(db));
  const byYear = new Map<number, { persons: Set<number>; units: Set<number> }>();
  for (const s of subjects) {
    const y = byYear.get(s.year) ?? { persons: new Set(), units: new Set() };
    if (s.personId !== null) y.persons.add(s.personId);
    else if (s.subjectOrgId !== null) y.units.add(s.subjectOrgId);
    byYear.set(s.year, y);
  }
  const facts = new Map<string, unknown>();
  for (const [year, sel] of byYear) {
    const referenceDate = defaultReferenceDate(year);
    if (sel.persons.size > 0) for (const c of await loadPersonCandidates(db, { personIds: [...sel.persons], year, referenceDate })) facts.set(`P${c.id}:${year}`, c.facts);
    if (sel.units.size > 0) for (const c of await loadUnitCandidates(db, { orgIds: [...sel.units], year })) facts.set(`U${c.id}:${year}`, c.facts);
  }
  return subjects.map((s) => {
    const candidate = facts.get(s.personId !== null ? `P${s.personId}:${s.year}` : `U${s.subjectOrgId}:${s.year}`);
    if (!candidate) return null;
    return evaluate(
      { target: s.awardCode, year: s.year, referenceDate: defaultReferenceDate(s.year), candidate: candidate as Parameters<typeof evaluate>[0]['candidate'] },
      { locale: 'vi', ...engine },
    );
  });
}

// ── Create, update, withdraw, re-evaluate ─────────────────────────────────────────────────────

function checkAward(round: NominationRoundRow, award: { subject: string; kind: string; name: string } | undefined, code: string, subjectKind: 'PERSON' | 'UNIT', procedure: Procedure) {
  if (!round.award_codes.includes(code) || !award) throw validation('nominations.api.awardNotInRound', { code }, { field: 'awardCode' });
  if ((award.subject === 'INDIVIDUAL') !== (subjectKind === 'PERSON')) {
    throw validation(subjectKind === 'PERSON' ? 'nominations.api.awardForUnits' : 'nominations.api.awardForPersons', { code }, { field: 'awardCode' });
  }
  const problem = validateProcedure({ code, kind: award.kind as Parameters<typeof validateProcedure>[0]['kind'] }, procedure);
  if (problem) throw validation(problem.key, { award: award.name }, { field: 'procedure' });
}

export async function createNomination(app: AppContext, actor: AuthActor, input: CreateNominationInput): Promise<number> {
  const round = await loadReadableRound(app.db, actor, input.roundId);
  if (!nominationRoundPolicy.propose(actor, round)) throw round.status === 'OPEN' ? notFound() : conflict('nominations.api.roundNotOpen');
  const awards = await awardNames(app.db, 'vi');
  const subjectKind = input.personId !== undefined ? 'PERSON' : 'UNIT';
  checkAward(round, awards.get(input.awardCode), input.awardCode, subjectKind, input.procedure);

  // The subject, its unit, and the default proposer (the person's unit, or the unit's parent).
  let subjectName: string;
  let subjectPath: string;
  let defaultProposer: number | null;
  if (input.personId !== undefined) {
    const p = await app.db.execute<{ full_name: string; org_id: number | null; org_path: string | null; status: string }>(
      sql`select full_name, org_id, org_path, status from person where id = ${input.personId}`,
    );
    const person = p.rows[0];
    if (!person || person.org_path === null || !rolePaths(actor, READ_ROLES).some((x) => covers(x, person.org_path!))) throw validation('nominations.api.subjectNotFound', {}, { field: 'personId' });
    if (person.status !== 'ACTIVE') throw validation('nominations.api.subjectInactive', { name: person.full_name }, { field: 'personId' });
    subjectName = person.full_name;
    subjectPath = person.org_path;
    defaultProposer = person.org_id === null ? null : Number(person.org_id);
  } else {
    const o = await findOrg(app.db, input.subjectOrgId!);
    if (!o || !rolePaths(actor, READ_ROLES).some((x) => covers(x, o.path))) throw validation('nominations.api.subjectNotFound', {}, { field: 'subjectOrgId' });
    if (o.status !== 'ACTIVE') throw validation('nominations.api.subjectInactive', { name: o.name }, { field: 'subjectOrgId' });
    subjectName = o.name;
    subjectPath = o.path;
    defaultProposer = o.parent_id === null ? null : Number(o.parent_id);
  }
  const proposerId = input.proposerOrgId ?? defaultProposer;
  const proposer = proposerId === null ? null : await findOrg(app.db, proposerId);
  // The proposer is the subject's unit or above it, inside the round, and the actor manages it.
  if (!proposer || proposer.status !== 'ACTIVE' || !covers(round.org_path, proposer.path) || !covers(proposer.path, subjectPath) || !managesUnit(actor, proposer.path)) {
    throw validation('nominations.api.proposerInvalid', {}, { field: 'proposerOrgId' });
  }
  if (input.personId === undefined && proposer.path === subjectPath) throw validation('nominations.api.proposerInvalid', {}, { field: 'proposerOrgId' });

  const [result] = await evaluateSubjects(app.db, [{ personId: input.personId ?? null, subjectOrgId: input.subjectOrgId ?? null, awardCode: input.awardCode, year: Number(round.year) }]);
  if (!result) throw validation('nominations.api.subjectInactive', { name: subjectName });
  return app.db.transaction(async (tx) => {
    const dup = await tx.execute<{ id: number }>(sql`
      select id from nomination where round_id = ${round.id} and award_code = ${input.awardCode} and status <> 'WITHDRAWN'
        and ${input.personId !== undefined ? sql`person_id = ${input.personId}` : sql`subject_org_id = ${input.subjectOrgId!}`} for update`);
    if (dup.rows[0]) throw conflict('nominations.api.duplicate', { name: subjectName, award: awards.get(input.awardCode)!.name, id: Number(dup.rows[0].id) });
    const r = await tx.execute<{ id: number }>(sql`
      insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code, procedure,
                              achievement_summary, achievement_refs, eligibility_status, eligibility_checked_at, justification,
                              holder_org_id, holder_path, created_by)
      values (${round.id}, ${proposer.id}, ${proposer.path}, ${input.personId ?? null}, ${input.subjectOrgId ?? null}, ${subjectPath}, ${subjectName.normalize('NFC')},
              ${input.awardCode}, ${input.procedure}, ${input.achievementSummary?.normalize('NFC') ?? null}, ${JSON.stringify(input.achievementRefs)}::jsonb,
              ${result.status}, now(), ${input.justification?.normalize('NFC') || null}, ${proposer.id}, ${proposer.path}, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await tx.execute(sql`insert into nomination_eligibility (nomination_id, snapshot) values (${id}, ${JSON.stringify(result)}::jsonb)`);
    await recordEvent(tx, actor, id, null, Number(proposer.id), 'CREATED', null);
    await audit(tx, actor, [
      {
        action: 'nominations.nomination.create',
        entityType: 'nomination',
        entityId: id,
        orgId: Number(proposer.id),
        after: { roundId: Number(round.id), personId: input.personId ?? null, subjectOrgId: input.subjectOrgId ?? null, awardCode: input.awardCode, procedure: input.procedure, eligibility: result.status, rulePacks: result.rulePacks.map((p) => p.id) },
      },
    ]);
    return id;
  });
}

export async function recordEvent(tx: Tx, actor: AuthActor | { userId: number | null }, nominationIds: number | number[], submissionId: number | null, orgId: number | null, kind: string, reason: string | null) {
  const ids = Array.isArray(nominationIds) ? nominationIds : [nominationIds];
  if (ids.length === 0) return;
  await tx.execute(sql`
    insert into nomination_event (nomination_id, submission_id, org_id, kind, reason, actor_id)
    select x, ${submissionId}, ${orgId}, ${kind}, ${reason}, ${actor.userId} from unnest(${sql.param(ids)}::bigint[]) as x`);
}

export async function updateNomination(app: AppContext, actor: AuthActor, id: number, input: UpdateNominationInput): Promise<void> {
  const awards = await awardNames(app.db, 'vi');
  const engine = await loadEngineInputs(app.db);
  await app.db.transaction(async (tx) => {
    const n = await loadReadableNomination(tx, actor, id, true);
    if (!nominationPolicy.edit(actor, n)) throw conflict('nominations.api.notEditable');
    if (Number(n.version) !== input.version) throw conflict('error.STALE');
    const round = (await findNominationRound(tx, Number(n.round_id)))!;
    const awardCode = input.awardCode ?? n.award_code;
    const procedure = input.procedure ?? n.procedure;
    checkAward(round, awards.get(awardCode), awardCode, n.person_id !== null ? 'PERSON' : 'UNIT', procedure);
    if (awardCode !== n.award_code) {
      const dup = await tx.execute<{ id: number }>(sql`
        select id from nomination where round_id = ${n.round_id} and award_code = ${awardCode} and status <> 'WITHDRAWN' and id <> ${id}
          and ${n.person_id !== null ? sql`person_id = ${n.person_id}` : sql`subject_org_id = ${n.subject_org_id}`}`);
      if (dup.rows[0]) throw conflict('nominations.api.duplicate', { name: n.subject_name, award: awards.get(awardCode)!.name, id: Number(dup.rows[0].id) });
    }
    const [result] = await evaluateSubjects(tx, [{ personId: n.person_id === null ? null : Number(n.person_id), subjectOrgId: n.subject_org_id === null ? null : Number(n.subject_org_id), awardCode, year: Number(n.year) }], engine);
    if (!result) throw validation('nominations.api.subjectInactive', { name: n.subject_name });
    const summary = input.achievementSummary === undefined ? n.achievement_summary : (input.achievementSummary?.normalize('NFC') ?? null);
    const refs = input.achievementRefs ?? n.achievement_refs;
    const justification = input.justification === undefined ? n.justification : input.justification?.normalize('NFC') || null;
    await tx.execute(sql`
      update nomination set award_code = ${awardCode}, procedure = ${procedure}, achievement_summary = ${summary}, achievement_refs = ${JSON.stringify(refs)}::jsonb,
        justification = ${justification}, eligibility_status = ${result.status}, eligibility_checked_at = now(),
        updated_at = now(), version = version + 1
      where id = ${id}`);
    await tx.execute(sql`update nomination_eligibility set snapshot = ${JSON.stringify(result)}::jsonb where nomination_id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'nominations.nomination.update',
        entityType: 'nomination',
        entityId: id,
        orgId: Number(n.holder_org_id),
        before: { awardCode: n.award_code, procedure: n.procedure, justification: n.justification, eligibility: n.eligibility_status, achievementRefs: n.achievement_refs },
        after: { awardCode, procedure, justification, eligibility: result.status, achievementRefs: refs, summaryChanged: summary !== n.achievement_summary },
      },
    ]);
  });
}

/** Runs the engine again on today's records (new ratings or awards may have been entered). */
export async function reevaluateNomination(app: AppContext, actor: AuthActor, id: number): Promise<void> {
  const engine = await loadEngineInputs(app.db);
  await app.db.transaction(async (tx) => {
    const n = await loadReadableNomination(tx, actor, id, true);
    if (!nominationPolicy.edit(actor, n)) throw conflict('nominations.api.notEditable');
    await reevaluateRows(tx, actor, [n], engine);
  });
}

/** Re-evaluates rows in the caller's transaction; audits only the ones whose status changed. */
export async function reevaluateRows(tx: Tx, actor: AuthActor, rows: readonly NominationRow[], engine?: EngineInputs): Promise<Map<number, EvaluationResult['status']>> {
  const results = await evaluateSubjects(
    tx,
    rows.map((n) => ({ personId: n.person_id === null ? null : Number(n.person_id), subjectOrgId: n.subject_org_id === null ? null : Number(n.subject_org_id), awardCode: n.award_code, year: Number(n.year) })),
    engine,
  );
  const out = new Map<number, EvaluationResult['status']>();
  const changed: { id: number; before: string; after: string; orgId: number }[] = [];
  const ids: number[] = [];
  const statuses: string[] = [];
  const snapshots: string[] = [];
  rows.forEach((n, i) => {
    const r = results[i];
    if (!r) {
      out.set(Number(n.id), n.eligibility_status);
      return;
    }
    out.set(Number(n.id), r.status);
    ids.push(Number(n.id));
    statuses.push(r.status);
    snapshots.push(JSON.stringify(r));
    if (r.status !== n.eligibility_status) changed.push({ id: Number(n.id), before: n.eligibility_status, after: r.status, orgId: Number(n.holder_org_id) });
  });
  if (ids.length > 0) {
    await tx.execute(sql`
      update nomination n set eligibility_status = x.status, eligibility_checked_at = now()
      from unnest(${sql.param(ids)}::bigint[], ${sql.param(statuses)}::text[]) as x(id, status)
      where n.id = x.id`);
    await tx.execute(sql`
      update nomination_eligibility e set snapshot = x.snapshot::jsonb
      from unnest(${sql.param(ids)}::bigint[], ${sql.param(snapshots)}::text[]) as x(id, snapshot)
      where e.nomination_id = x.id`);
  }
  await audit(
    tx,
    actor,
    changed.map((c) => ({ action: 'nominations.nomination.reevaluate', entityType: 'nomination', entityId: c.id, orgId: c.orgId, before: { eligibility: c.before }, after: { eligibility: c.after } })),
  );
  return out;
}

export async function withdrawNomination(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const n = await loadReadableNomination(tx, actor, id, true);
    if (!nominationPolicy.withdraw(actor, n)) throw conflict('nominations.api.notWithdrawable');
    if (Number(n.version) !== input.version) throw conflict('error.STALE');
    await tx.execute(sql`update nomination set status = 'WITHDRAWN', withdrawn_reason = ${input.reason}, updated_at = now(), version = version + 1 where id = ${id}`);
    // A returned nomination leaves its submission too: the item is marked withdrawn, with the reason.
    if (n.submission_id !== null) {
      await tx.execute(sql`update submission_item set state = 'WITHDRAWN', reason = ${input.reason}, decided_by = ${actor.userId}, decided_at = now() where submission_id = ${n.submission_id} and nomination_id = ${id}`);
    }
    await recordEvent(tx, actor, id, n.submission_id === null ? null : Number(n.submission_id), Number(n.proposer_org_id), 'WITHDRAWN', input.reason);
    await audit(tx, actor, [{ action: 'nominations.nomination.withdraw', entityType: 'nomination', entityId: id, orgId: Number(n.proposer_org_id), before: { status: n.status }, after: { status: 'WITHDRAWN', reason: input.reason } }]);
  });
}

// ── Dossier completeness and conflicts ────────────────────────────────────────────────────────

export type AwardInfo = Awaited<ReturnType<typeof awardNames>> extends Map<string, infer V> ? V : never;

export function checklistOf(award: AwardInfo, code: string, procedure: Procedure) {
  return dossierChecklist(
    { code, category: award.category as 'TITLE' | 'FORM', kind: award.kind as Parameters<typeof dossierChecklist>[0]['kind'], level: award.level as Parameters<typeof dossierChecklist>[0]['level'], subject: award.subject as 'INDIVIDUAL' | 'COLLECTIVE' },
    procedure,
  );
}

/** Active documents per nomination and kind, for many nominations in one query. */
export async function documentKinds(db: DbOrTx, ids: number[]): Promise<Map<number, { kind: DossierDocKind }[]>> {
  const out = new Map<number, { kind: DossierDocKind }[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const r = await db.execute<{ nomination_id: number; kind: DossierDocKind }>(sql`
    select nomination_id, kind from nomination_document where nomination_id = any(${sql.param(ids)}::bigint[]) and status = 'ACTIVE'`);
  for (const row of r.rows) out.get(Number(row.nomination_id))!.push({ kind: row.kind });
  return out;
}

/** Missing required documents per nomination (nomination-scope items only: the tờ trình comes with the batch). */
export async function missingByNomination(db: DbOrTx, rows: readonly Pick<NominationRow, 'id' | 'award_code' | 'procedure'>[], awards: Map<string, AwardInfo>) {
  const docs = await documentKinds(db, rows.map((n) => Number(n.id)));
  return new Map(rows.map((n) => [Number(n.id), missingDocuments(checklistOf(awards.get(n.award_code)!, n.award_code, n.procedure), docs.get(Number(n.id)) ?? [])]));
}

/**
 * Conflicts of the given nominations with every other active nomination of the same subjects
 * (any round of the same years) and the awards they already received, set-based.
 */
export async function conflictsOf(db: DbOrTx, rows: readonly NominationRow[], awards: Map<string, AwardInfo>): Promise<Map<number, Conflict[]>> {
  if (rows.length === 0) return new Map();
  const personIds = [...new Set(rows.filter((n) => n.person_id !== null).map((n) => Number(n.person_id)))];
  const orgIds = [...new Set(rows.filter((n) => n.subject_org_id !== null).map((n) => Number(n.subject_org_id)))];
  const years = [...new Set(rows.map((n) => Number(n.year)))];
  const refs = [...new Set(rows.flatMap((n) => n.achievement_refs))];
  // By subject through the person and unit indexes; by achievement only when the page cites some.
  const related = await db.execute<{ id: number; year: number; person_id: number | null; subject_org_id: number | null; award_code: string; achievement_refs: string[]; status: string; round_org_id: number }>(sql`
    select n.id, r.year, n.person_id, n.subject_org_id, n.award_code, n.achievement_refs, n.status, r.org_id as round_org_id
    from nomination n join nomination_round r on r.id = n.round_id
    where n.status not in ('WITHDRAWN', 'REJECTED') and r.year = any(${sql.param(years)}::int[])
      and (n.person_id = any(${sql.param(personIds)}::bigint[]) or n.subject_org_id = any(${sql.param(orgIds)}::bigint[]))
    ${
      refs.length > 0
        ? sql`union
    select n.id, r.year, n.person_id, n.subject_org_id, n.award_code, n.achievement_refs, n.status, r.org_id as round_org_id
    from nomination n join nomination_round r on r.id = n.round_id
    where n.status not in ('WITHDRAWN', 'REJECTED') and n.achievement_refs ?| ${sql.param(refs)}::text[]`
        : sql``
    }`);
  const received = await db.execute<{ person_id: number | null; org_id: number | null; award_code: string; year: number; issuer_org_id: number | null }>(sql`
    select person_id, org_id, award_code, year, issuer_org_id from award_record
    where status = 'ACTIVE' and year = any(${sql.param(years)}::int[])
      and (person_id = any(${sql.param(personIds)}::bigint[]) or org_id = any(${sql.param(orgIds)}::bigint[]))`);
  const like = (x: { id: number; year: number; person_id: number | null; subject_org_id: number | null; award_code: string; achievement_refs: string[]; status: string; round_org_id: number }): NominationLike => ({
    id: Number(x.id),
    year: Number(x.year),
    subject: x.person_id !== null ? { kind: 'PERSON', personId: Number(x.person_id) } : { kind: 'UNIT', orgId: Number(x.subject_org_id) },
    awardCode: x.award_code,
    awardKind: (awards.get(x.award_code)?.kind ?? 'MERIT') as NominationLike['awardKind'],
    // The round's organiser decides what its round grants: "the same level" is the same organiser.
    decidingOrgId: Number(x.round_org_id),
    achievementRefs: x.achievement_refs,
    active: true,
  });
  const list = related.rows.map(like);
  const receivedList: ReceivedAward[] = received.rows.map((a) => ({
    subject: a.person_id !== null ? { kind: 'PERSON', personId: Number(a.person_id) } : { kind: 'UNIT', orgId: Number(a.org_id) },
    awardCode: a.award_code,
    awardKind: (awards.get(a.award_code)?.kind ?? 'MERIT') as ReceivedAward['awardKind'],
    year: Number(a.year),
    decidingOrgId: a.issuer_org_id === null ? null : Number(a.issuer_org_id),
  }));
  const all = findAllConflicts(list, receivedList);
  return new Map(rows.map((n) => [Number(n.id), all.get(Number(n.id)) ?? []]));
}

export function conflictText(locale: Locale, c: Conflict, names: Map<number, string>, awards: Map<string, AwardInfo>): string {
  return ruleText(locale, c.messageKey, { ...c.params, other: c.otherNominationId !== null ? (names.get(c.otherNominationId) ?? `#${c.otherNominationId}`) : '' }, awards);
}

export function isRecused(actor: AuthActor, personOrgPath: string | null, n: Pick<NominationRow, 'person_id' | 'subject_org_id' | 'subject_path'>): boolean {
  return mustRecuse(
    { personId: actor.personId, orgPath: personOrgPath },
    { subject: n.person_id !== null ? { kind: 'PERSON', personId: Number(n.person_id) } : { kind: 'UNIT', orgId: Number(n.subject_org_id) }, orgPath: n.subject_path },
  );
}

export async function actorUnitPath(db: DbOrTx, actor: AuthActor): Promise<string | null> {
  if (actor.personId === null) return null;
  const r = await db.execute<{ org_path: string | null }>(sql`select org_path from person where id = ${actor.personId}`);
  return r.rows[0]?.org_path ?? null;
}

// ── Presenting ────────────────────────────────────────────────────────────────────────────────

export function presentNominationSummary(n: NominationRow, awards: Map<string, AwardInfo>, missing: number, conflicts: number): NominationSummaryDto {
  return {
    id: Number(n.id),
    roundId: Number(n.round_id),
    proposerOrgId: Number(n.proposer_org_id),
    proposerOrgName: n.proposer_name,
    subjectKind: n.person_id !== null ? 'PERSON' : 'UNIT',
    personId: n.person_id === null ? null : Number(n.person_id),
    subjectOrgId: n.subject_org_id === null ? null : Number(n.subject_org_id),
    subjectName: n.subject_name,
    subjectUnitName: n.subject_unit_name,
    awardCode: n.award_code,
    awardName: awards.get(n.award_code)?.name ?? n.award_code,
    procedure: n.procedure,
    eligibilityStatus: n.eligibility_status,
    hasJustification: n.justification !== null && n.justification !== '',
    status: n.status,
    holderOrgId: Number(n.holder_org_id),
    holderOrgName: n.holder_name,
    submissionId: n.submission_id === null ? null : Number(n.submission_id),
    missingDocuments: missing,
    conflicts,
    isLeader: n.is_leader,
    isDirectWorker: n.is_direct_worker,
    updatedAt: n.updated_at,
  };
}

/** A page of nominations with their missing-document and conflict counts (a few set-based queries). */
export async function presentSummaries(db: DbOrTx, rows: NominationRow[], locale: Locale): Promise<NominationSummaryDto[]> {
  const awards = await awardNames(db, locale);
  const [missing, conflicts] = await Promise.all([missingByNomination(db, rows, awards), conflictsOf(db, rows, awards)]);
  return rows.map((n) => presentNominationSummary(n, awards, missing.get(Number(n.id))?.length ?? 0, conflicts.get(Number(n.id))?.length ?? 0));
}

export async function listNominations(app: AppContext, actor: AuthActor, locale: Locale, q: NominationListQuery) {
  const where = [nominationReadScope(actor, 'n')];
  if (q.roundId) where.push(sql`n.round_id = ${q.roundId}`);
  if (q.orgId) {
    const org = await findOrg(app.db, q.orgId);
    if (!org) throw notFound();
    where.push(sql`n.proposer_path like ${`${org.path}%`}`);
  }
  if (q.status) where.push(sql`n.status = ${q.status}`);
  else where.push(sql`n.status <> 'WITHDRAWN'`);
  if (q.eligibility) where.push(sql`n.eligibility_status = ${q.eligibility}`);
  if (q.awardCode) where.push(sql`n.award_code = ${q.awardCode}`);
  if (q.q) where.push(sql`n.subject_name_folded like '%' || vd_fold(${q.q}) || '%'`);
  if (q.unsubmitted) where.push(sql`n.submission_id is null and n.status = 'DRAFT'`);
  const w = sql.join(where, sql` and `);
  // The page is cut on narrow rows first; only its rows are then joined and read whole.
  const [rows, total] = await Promise.all([
    app.db.execute<NominationRow>(sql`
      with page as (
        select n.id, po.name as po_name, n.subject_name as s_name from nomination n join organisation po on po.id = n.proposer_org_id
        where ${w} order by po.name, n.subject_name, n.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      ${SELECT_NOMINATION} join page g on g.id = n.id order by g.po_name, g.s_name, n.id`),
    app.db.execute<{ n: number }>(sql`select count(*)::int as n from nomination n where ${w}`),
  ]);
  return { items: await presentSummaries(app.db, rows.rows, locale), total: Number(total.rows[0]!.n), page: q.page, pageSize: q.pageSize };
}

/** The full nomination: snapshot, checklist, documents, conflicts, history and opinions. */
export async function presentNomination(db: DbOrTx, actor: AuthActor, locale: Locale, n: NominationRow): Promise<NominationDto> {
  const awards = await awardNames(db, locale);
  const award = awards.get(n.award_code)!;
  const [docs, conflicts, events, opinions, unitPath] = await Promise.all([
    db.execute<{ id: number; kind: DossierDocKind; file_name: string; mime_type: string; size_bytes: number; status: 'ACTIVE' | 'SUPERSEDED' | 'REVOKED'; revoked_reason: string | null; supersedes_id: number | null; uploaded_by_name: string | null; uploaded_at: string }>(sql`
      select d.id, d.kind, d.file_name, d.mime_type, d.size_bytes, d.status, d.revoked_reason, d.supersedes_id, u.display_name as uploaded_by_name, d.uploaded_at::text as uploaded_at
      from nomination_document d left join app_user u on u.id = d.uploaded_by where d.nomination_id = ${n.id} order by d.kind, d.id`),
    conflictsOf(db, [n], awards),
    db.execute<{ kind: string; reason: string | null; org_name: string | null; actor_name: string | null; occurred_at: string }>(sql`
      select e.kind, e.reason, o.name as org_name, u.display_name as actor_name, e.occurred_at::text as occurred_at
      from nomination_event e left join organisation o on o.id = e.org_id left join app_user u on u.id = e.actor_id
      where e.nomination_id = ${n.id} order by e.id`),
    db.execute<{ id: number; agency: string; question: string; due_on: string; requested_at: string; requested_by_name: string | null; outcome: 'AGREE' | 'OBJECT' | null; answer: string | null; answered_on: string | null; org_path: string; overdue: boolean }>(sql`
      select q.id, q.agency, q.question, q.due_on::text as due_on, q.requested_at::text as requested_at, u.display_name as requested_by_name, q.outcome, q.answer,
             q.answered_on::text as answered_on, o.path as org_path, (q.outcome is null and q.due_on < (now() at time zone 'Asia/Ho_Chi_Minh')::date) as overdue
      from opinion_request q join organisation o on o.id = q.org_id left join app_user u on u.id = q.requested_by where q.nomination_id = ${n.id} order by q.id`),
    actorUnitPath(db, actor),
  ]);
  const active = docs.rows.filter((d) => d.status === 'ACTIVE');
  const checklist = checklistOf(award, n.award_code, n.procedure);
  const missing = missingDocuments(checklist, active);
  const list = conflicts.get(Number(n.id)) ?? [];
  const otherIds = list.map((c) => c.otherNominationId).filter((x): x is number => x !== null);
  const others = otherIds.length
    ? await db.execute<{ id: number; label: string }>(sql`
        select n.id, r.title || ' — ' || a.name_vi as label from nomination n join nomination_round r on r.id = n.round_id join award_type a on a.code = n.award_code
        where n.id = any(${sql.param(otherIds)}::bigint[])`)
    : { rows: [] };
  const names = new Map(others.rows.map((o) => [Number(o.id), o.label]));
  const editable = nominationPolicy.edit(actor, n);
  const abilities: string[] = [];
  if (editable) abilities.push('nomination.update', 'nomination.reevaluate', 'document.upload', 'document.generate');
  if (nominationPolicy.withdraw(actor, n)) abilities.push('nomination.withdraw');
  const recused = isRecused(actor, unitPath, n);
  // The appraising level (holding it, above the proposer) asks related agencies for their opinion.
  if (!recused && (n.status === 'IN_REVIEW' || n.status === 'ACCEPTED') && n.holder_path !== n.proposer_path && managesUnit(actor, n.holder_path)) abilities.push('opinion.request');
  const snapshot = await eligibilitySnapshot(db, Number(n.id));
  return {
    ...presentNominationSummary(n, awards, missing.length, list.length),
    version: Number(n.version),
    year: Number(n.year),
    roundTitle: n.round_title,
    achievementSummary: n.achievement_summary,
    achievementRefs: n.achievement_refs,
    justification: n.justification,
    eligibility: { ...snapshot, reasons: snapshot.reasons.map((r) => ({ ...r, text: locale === 'vi' ? r.text : reasonText({ ...r, text: '' }, locale) })) },
    eligibilityCheckedAt: n.eligibility_checked_at,
    checklist: checklist.map((c) => ({
      kind: c.kind,
      label: t(locale, c.labelKey),
      required: c.required,
      scope: c.scope,
      copies: c.copies,
      present: active.filter((d) => d.kind === c.kind).length,
    })),
    missing: missing.map((c) => t(locale, c.labelKey)),
    documents: docs.rows.map((d) => ({
      id: Number(d.id),
      kind: d.kind,
      fileName: d.file_name,
      mimeType: d.mime_type,
      sizeBytes: Number(d.size_bytes),
      status: d.status,
      revokedReason: d.revoked_reason,
      supersedesId: d.supersedes_id === null ? null : Number(d.supersedes_id),
      uploadedByName: d.uploaded_by_name,
      uploadedAt: d.uploaded_at,
      downloadUrl: `/api/v1/nomination-documents/${d.id}/file`,
      abilities: editable && d.status === 'ACTIVE' ? ['document.revoke', 'document.replace'] : [],
    })),
    conflictList: list.map((c) => ({ code: c.code, otherNominationId: c.otherNominationId, text: conflictText(locale, c, names, awards) })),
    events: events.rows.map((e) => ({
      kind: e.kind,
      text: t(locale, `nominations.event.${e.kind}`),
      reason: e.reason,
      orgName: e.org_name,
      actorName: e.actor_name,
      occurredAt: e.occurred_at,
    })),
    opinions: opinions.rows.map((q) => ({
      id: Number(q.id),
      agency: q.agency,
      question: q.question,
      dueOn: q.due_on,
      requestedAt: q.requested_at,
      requestedByName: q.requested_by_name,
      state: q.outcome !== null ? 'ANSWERED' : q.overdue ? 'NO_ANSWER' : 'WAITING',
      outcome: q.outcome,
      answer: q.answer,
      answeredOn: q.answered_on,
      abilities: q.outcome === null && managesUnit(actor, q.org_path) ? ['opinion.answer'] : [],
    })),
    recused,
    abilities,
  };
}

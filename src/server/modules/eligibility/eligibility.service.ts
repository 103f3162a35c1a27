// Eligibility from the records: load facts set-based, evaluate in memory with the pure engine
// (src/domain/eligibility), check the quota per deciding unit, page the answer.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import { awardTypes, ruleParameters } from '../../db/schema';
import { audit } from '../../lib/audit';
import { notFound, validation } from '../../lib/errors';
import { ensure, memberPolicy, orgPolicy, userPolicy } from '../../lib/policy';
import { findOrg, readableSubtrees } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import type { BatchItem, BatchQuery, BatchResult, CandidateFacts, EvaluationResult, PersonFacts } from '../../../contracts/eligibility';
import type { EligibilityStatus, Locale } from '../../../contracts/enums';
import { toAwardDefinition, type AwardDefinition } from '../../../domain/catalogue/awards';
import {
  defaultReferenceDate, evaluate, findParameter, historyWindow, quotaAllowed, quotaFor, reasonText, resolveParameters, validateParameterValue,
  type HistoryWindow, type ParameterChange, type ParamValue,
} from '../../../domain/eligibility';
import { loadPersonCandidates, loadUnitCandidates, type PersonCandidate, type UnitCandidate } from './facts.repository';
import { t } from '../../../contracts/messages';

function widest(a: HistoryWindow, b: HistoryWindow | null): HistoryWindow {
  if (!b) return a;
  const awardCodes = a.awardCodes && b.awardCodes ? [...new Set([...a.awardCodes, ...b.awardCodes])] : undefined;
  return {
    years: Math.max(a.years, b.years),
    ratingYears: Math.max(a.ratingYears, b.ratingYears),
    allYearCodes: [...new Set([...a.allYearCodes, ...b.allYearCodes])],
    ...(awardCodes ? { awardCodes } : {}),
  };
}

/** Organisation kinds whose head decides grassroots titles (the unit a CSTĐCS quota is counted in). */
const DECIDING_KINDS = ['CDCS', 'NGHIEP_DOAN'];

export interface EngineInputs {
  catalogue: AwardDefinition[];
  changes: ParameterChange[];
}

export async function loadEngineInputs(db: DbOrTx): Promise<EngineInputs> {
  const [catalogue, changes] = await Promise.all([
    db.select().from(awardTypes),
    db.select({ packId: ruleParameters.packId, key: ruleParameters.paramKey, value: ruleParameters.value, effectiveFrom: ruleParameters.effectiveFrom })
      .from(ruleParameters)
      .orderBy(ruleParameters.id),
  ]);
  return {
    catalogue: catalogue.map((a) =>
      toAwardDefinition({
        ...a,
        category: a.category as AwardDefinition['category'],
        subject: a.subject as AwardDefinition['subject'],
        kind: a.kind as AwardDefinition['kind'],
        level: a.level as AwardDefinition['level'],
      }),
    ),
    changes: changes.map((c) => ({ packId: c.packId, key: c.key, value: c.value as ParamValue, effectiveFrom: c.effectiveFrom })),
  };
}

export function awardOrThrow(inputs: EngineInputs, code: string): AwardDefinition {
  const award = inputs.catalogue.find((a) => a.code === code);
  if (!award) throw validation('elig.error.unknownTarget', { code });
  return award;
}

export interface CandidateQuery {
  target: string;
  year: number;
  referenceDate?: string;
}

export async function evaluateStoredPerson(app: AppContext, actor: AuthActor, personId: number, q: CandidateQuery, locale: Locale): Promise<EvaluationResult> {
  const inputs = await loadEngineInputs(app.db);
  const award = awardOrThrow(inputs, q.target);
  const facts = await storedPersonFacts(app, actor, personId, q);
  if (award.subject !== 'INDIVIDUAL') throw validation('elig.error.subjectMismatch', { code: award.code });
  return evaluate({ target: q.target, year: q.year, referenceDate: q.referenceDate ?? defaultReferenceDate(q.year), candidate: facts }, { locale, ...inputs });
}

/** A member's facts as the engine reads them (404 when the member is missing or out of scope). */
export async function storedPersonFacts(app: AppContext, actor: AuthActor, personId: number, q: { year: number; referenceDate?: string }): Promise<PersonFacts> {
  const referenceDate = q.referenceDate ?? defaultReferenceDate(q.year);
  const [candidate] = await loadPersonCandidates(app.db, { personIds: [personId], year: q.year, referenceDate });
  if (!candidate) throw notFound();
  ensure(memberPolicy.read(actor, { id: candidate.id, orgPath: candidate.orgPath, status: 'ACTIVE' }));
  return candidate.facts;
}

export async function evaluateStoredUnit(app: AppContext, actor: AuthActor, orgId: number, q: CandidateQuery, locale: Locale): Promise<EvaluationResult> {
  const inputs = await loadEngineInputs(app.db);
  const award = awardOrThrow(inputs, q.target);
  const org = await findOrg(app.db, orgId);
  if (!org) throw notFound();
  ensure(orgPolicy.read(actor, org));
  if (award.subject !== 'COLLECTIVE') throw validation('elig.error.subjectMismatch', { code: award.code });
  const referenceDate = q.referenceDate ?? defaultReferenceDate(q.year);
  const [candidate] = await loadUnitCandidates(app.db, { orgIds: [orgId], year: q.year });
  if (!candidate) throw notFound();
  return evaluate({ target: q.target, year: q.year, referenceDate, candidate: candidate.facts }, { locale, ...inputs });
}


const collator = new Intl.Collator('vi', { sensitivity: 'base' });

export interface BatchEvaluation {
  target: string;
  year: number;
  referenceDate: string;
  /** Sorted by unit, then name. `reasons` is empty unless the batch kept them (see `withReasons`). */
  items: BatchItem[];
  quota: BatchResult['quota'];
  /** The history window the facts were read with (to re-read a page's candidates the same way). */
  window: HistoryWindow | null;
}

/** The one reason a list line shows: the first failing, else the first missing, else the last passed. */
function summaryOf(result: EvaluationResult, locale: Locale): string {
  const first = result.reasons.find((r) => r.outcome === 'FAIL') ?? result.reasons.find((r) => r.outcome === 'MISSING') ?? result.reasons.findLast((r) => r.outcome === 'PASS');
  return first ? reasonText(first, locale) : '';
}

export async function evaluateBatch(
  app: AppContext,
  actor: AuthActor,
  query: Omit<BatchQuery, 'page' | 'pageSize' | 'status'>,
  locale: Locale,
  keepReasons = false,
): Promise<{ inputs: EngineInputs; evaluation: BatchEvaluation }> {
  const inputs = await loadEngineInputs(app.db);
  const paths = await readableSubtrees(app.db, actor, query.orgId);
  return { inputs, evaluation: await evaluateSubtrees(app.db, inputs, paths, query, locale, keepReasons) };
}

/**
 * The batch itself, once the subtrees are known: every candidate under `paths` evaluated, with the
 * quota per deciding unit, sorted by unit then name. Only the status and a one-line summary are
 * kept per candidate unless `keepReasons` (the export): holding every reason of 100,000 candidates
 * costs more than evaluating them again for the page shown (`withReasons`). The benchmark times
 * exactly this function.
 */
export async function evaluateSubtrees(
  db: DbOrTx,
  inputs: EngineInputs,
  paths: readonly string[],
  query: { target: string; year: number; referenceDate?: string; q?: string },
  locale: Locale,
  keepReasons = false,
): Promise<BatchEvaluation> {
  const award = awardOrThrow(inputs, query.target);
  const referenceDate = query.referenceDate ?? defaultReferenceDate(query.year);
  const opts = { locale, ...inputs, texts: keepReasons };
  const items: BatchItem[] = [];
  let quota: BatchResult['quota'] = [];
  let window: HistoryWindow | null = null;
  const judge = (facts: CandidateFacts) => evaluate({ target: award.code, year: query.year, referenceDate, candidate: facts }, opts);
  if (award.subject === 'INDIVIDUAL') {
    // Read only the history the rules need (and the quota's base title's).
    const q = quotaFor(award.code, resolveParameters(referenceDate, inputs.changes));
    const read = widest(
      historyWindow(award.code, referenceDate, inputs.changes, inputs.catalogue),
      q ? historyWindow(q.baseTarget, referenceDate, inputs.changes, inputs.catalogue) : null,
    );
    window = read;
    const candidates = await readingFacts(db, async (tx) => {
      const out: PersonCandidate[] = [];
      for (const path of paths) out.push(...(await loadPersonCandidates(tx, { path, q: query.q, year: query.year, referenceDate, window: read })));
      return out;
    });
    const statuses: EligibilityStatus[] = [];
    const meetsBase: boolean[] = [];
    const baseOpts = { ...opts, texts: false };
    for (const c of candidates) {
      const result = judge(c.facts);
      statuses.push(result.status);
      if (q) {
        const base = evaluate({ target: q.baseTarget, year: query.year, referenceDate, candidate: c.facts }, baseOpts);
        meetsBase.push(base.status === 'ELIGIBLE' || c.facts.awards.some((a) => a.code === q.baseTarget && a.year === query.year));
      }
      items.push({
        candidate: { kind: 'PERSON', id: c.id, name: c.name, code: c.code, unitId: c.orgId, unitName: c.orgName },
        status: result.status,
        summary: summaryOf(result, locale),
        reasons: keepReasons ? result.reasons : [],
      });
    }
    if (q) quota = await quotaLines(db, candidates, statuses, meetsBase, q);
  } else {
    const candidates = await readingFacts(db, async (tx) => {
      const out: UnitCandidate[] = [];
      for (const path of paths) out.push(...(await loadUnitCandidates(tx, { path, q: query.q, year: query.year })));
      return out;
    });
    for (const c of candidates) {
      const result = judge(c.facts);
      items.push({
        candidate: { kind: 'ORGANISATION', id: c.id, name: c.name, code: c.code, unitId: c.parentId, unitName: c.parentName },
        status: result.status,
        summary: summaryOf(result, locale),
        reasons: keepReasons ? result.reasons : [],
      });
    }
  }
  sortByUnitThenName(items);
  return { target: award.code, year: query.year, referenceDate, items, quota, window };
}

/**
 * Reads a batch's facts in one read-only transaction (one snapshot for the whole subtree), with
 * memory enough for the per-candidate aggregation not to spill to disk, and parallel workers made
 * cheap: the planner misjudges the union of record tables (200 groups estimated for 100,000) and
 * keeps it on one core otherwise. Measured on 100,000 candidates (embedded PostgreSQL 18): 1.53 s
 * with the defaults, 0.85 s with these settings.
 */
export function readingFacts<T>(db: DbOrTx, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local parallel_setup_cost = 10`);
    await tx.execute(sql`set local parallel_tuple_cost = 0.001`);
    return read(tx);
  });
}

/** Vietnamese order of units, then of names within a unit (units ranked once: few distinct names). */
function sortByUnitThenName(items: BatchItem[]): void {
  const units = [...new Set(items.map((i) => i.candidate.unitName ?? ''))].sort(collator.compare);
  const rank = new Map(units.map((u, i) => [u, i]));
  items.sort(
    (a, b) =>
      rank.get(a.candidate.unitName ?? '')! - rank.get(b.candidate.unitName ?? '')! ||
      collator.compare(a.candidate.name, b.candidate.name) ||
      a.candidate.id - b.candidate.id,
  );
}

/** Fills in the reasons of `items` (a page) by reading their facts again and evaluating them. */
export async function withReasons(db: DbOrTx, inputs: EngineInputs, ev: BatchEvaluation, items: BatchItem[], locale: Locale): Promise<BatchItem[]> {
  const missing = items.filter((i) => i.reasons.length === 0);
  if (missing.length === 0) return items;
  const opts = { locale, ...inputs };
  const facts = new Map<string, CandidateFacts>();
  const personIds = missing.filter((i) => i.candidate.kind === 'PERSON').map((i) => i.candidate.id);
  const orgIds = missing.filter((i) => i.candidate.kind === 'ORGANISATION').map((i) => i.candidate.id);
  if (personIds.length > 0) {
    const people = await loadPersonCandidates(db, { personIds, year: ev.year, referenceDate: ev.referenceDate, window: ev.window ?? undefined });
    for (const c of people) facts.set(`PERSON:${c.id}`, c.facts);
  }
  if (orgIds.length > 0) for (const c of await loadUnitCandidates(db, { orgIds, year: ev.year })) facts.set(`ORGANISATION:${c.id}`, c.facts);
  return items.map((i) => {
    if (i.reasons.length > 0) return i;
    const f = facts.get(`${i.candidate.kind}:${i.candidate.id}`);
    if (!f) return i;
    const result = evaluate({ target: ev.target, year: ev.year, referenceDate: ev.referenceDate, candidate: f }, opts);
    return { ...i, status: result.status, summary: summaryOf(result, locale), reasons: result.reasons };
  });
}

/**
 * The quota per deciding unit (the grassroots union a candidate belongs to): how many candidates
 * meet the base title (e.g. Lao động tiên tiến), how many are eligible for the target, and how
 * many the quota allows.
 */
async function quotaLines(
  db: DbOrTx,
  candidates: PersonCandidate[],
  statuses: readonly EligibilityStatus[],
  meetsBase: readonly boolean[],
  q: NonNullable<ReturnType<typeof quotaFor>>,
): Promise<BatchResult['quota']> {
  const ids = new Set<number>();
  for (const c of candidates) for (const id of (c.orgPath ?? '').split('/').filter(Boolean)) ids.add(Number(id));
  if (ids.size === 0) return [];
  const orgs = await db.execute<{ id: number; name: string; kind: string }>(sql`
    select id, name, kind from organisation where id = any(${sql.raw(`'{${[...ids].join(',')}}'::bigint[]`)})`);
  const byId = new Map(orgs.rows.map((o) => [Number(o.id), o]));
  const lines = new Map<number, { orgId: number; orgName: string; base: number; eligible: number }>();
  candidates.forEach((c, i) => {
    const chain = (c.orgPath ?? '').split('/').filter(Boolean).map(Number).reverse();
    const decidingId = chain.find((id) => DECIDING_KINDS.includes(byId.get(id)?.kind ?? '')) ?? c.orgId;
    if (decidingId === null || decidingId === undefined) return;
    let line = lines.get(decidingId);
    if (!line) {
      line = { orgId: decidingId, orgName: byId.get(decidingId)?.name ?? '', base: 0, eligible: 0 };
      lines.set(decidingId, line);
    }
    if (meetsBase[i]) line.base++;
    if (statuses[i] === 'ELIGIBLE') line.eligible++;
  });
  return [...lines.values()]
    .map((l) => {
      const allowed = quotaAllowed(l.base, q);
      return { ...l, allowed, exceeded: l.eligible > allowed };
    })
    .sort((a, b) => collator.compare(a.orgName, b.orgName));
}

export function pageBatch(ev: BatchEvaluation, query: Pick<BatchQuery, 'status' | 'page' | 'pageSize'>): BatchResult {
  const counts = { ELIGIBLE: 0, NOT_ELIGIBLE: 0, MISSING_EVIDENCE: 0 };
  for (const i of ev.items) counts[i.status]++;
  const filtered = query.status ? ev.items.filter((i) => i.status === query.status) : ev.items;
  const start = (query.page - 1) * query.pageSize;
  return {
    target: ev.target,
    year: ev.year,
    referenceDate: ev.referenceDate,
    items: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    counts,
    quota: ev.quota,
    evaluated: ev.items.length,
  };
}

export async function setParameter(
  app: AppContext,
  actor: AuthActor,
  input: { packId: string; key: string; value: ParamValue; effectiveFrom: string; reason: string },
): Promise<void> {
  if (!userPolicy.manageAny(actor)) throw notFound();
  const def = findParameter(input.packId, input.key);
  if (!def) throw validation('elig.error.unknownParameter', { key: input.key });
  if (!validateParameterValue(def, input.value)) throw validation('elig.error.badParameterValue', { key: input.key });
  const today = todayInVietnam();
  if (input.effectiveFrom < today) throw validation('elig.error.retroactive', { date: today.split('-').reverse().join('/') });
  await app.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ruleParameters)
      .values({ packId: input.packId, paramKey: input.key, value: input.value, effectiveFrom: input.effectiveFrom, reason: input.reason, createdBy: actor.userId })
      .returning({ id: ruleParameters.id });
    await audit(tx, { userId: actor.userId }, [
      { action: 'rule_parameter.set', entityType: 'rule_parameter', entityId: row!.id, orgId: null, after: { ...input } },
    ]);
  });
}

export function statusLabel(locale: Locale, s: EligibilityStatus): string {
  return t(locale, `elig.status.${s}`);
}

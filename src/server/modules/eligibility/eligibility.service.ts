// Eligibility from the records: load facts set-based, evaluate in memory with the pure engine
// (src/domain/eligibility), check the quota per deciding unit, page the answer.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import { awardTypes, ruleParameters } from '../../db/schema';
import { audit } from '../../lib/audit';
import { notFound, validation } from '../../lib/errors';
import { covers, ensure, memberPolicy, orgPolicy, READ_ROLES, scopePaths, userPolicy } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import type { BatchItem, BatchQuery, BatchResult, EvaluationResult, PersonFacts } from '../../../contracts/eligibility';
import type { EligibilityStatus, Locale } from '../../../contracts/enums';
import type { AwardDefinition } from '../../../domain/catalogue/awards';
import {
  defaultReferenceDate, evaluate, findParameter, quotaAllowed, quotaFor, resolveParameters, validateParameterValue, type ParameterChange, type ParamValue,
} from '../../../domain/eligibility';
import { loadPersonCandidates, loadUnitCandidates, type PersonCandidate, type UnitCandidate } from './facts.repository';
import { t } from '../../../contracts/messages';

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
    catalogue: catalogue.map((a) => ({
      code: a.code, nameVi: a.nameVi, nameEn: a.nameEn, category: a.category as AwardDefinition['category'], subject: a.subject as AwardDefinition['subject'],
      kind: a.kind as AwardDefinition['kind'], level: a.level as AwardDefinition['level'], grantingOrgKinds: a.grantingOrgKinds, coefficient: a.coefficient,
      uncertain: a.uncertain, sortOrder: a.sortOrder,
    })),
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
  const referenceDate = q.referenceDate ?? defaultReferenceDate(q.year);
  const [candidate] = await loadPersonCandidates(app.db, { personIds: [personId], year: q.year, referenceDate });
  if (!candidate) throw notFound();
  ensure(memberPolicy.read(actor, { id: candidate.id, orgPath: candidate.orgPath, status: 'ACTIVE' }));
  if (award.subject !== 'INDIVIDUAL') throw validation('elig.error.subjectMismatch', { code: award.code });
  return evaluate({ target: q.target, year: q.year, referenceDate, candidate: candidate.facts }, { locale, ...inputs });
}

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

/** The subtrees a batch covers: the chosen unit (404 when out of scope) or the actor's read scope. */
async function batchPaths(app: AppContext, actor: AuthActor, orgId: number | undefined): Promise<string[]> {
  const paths = scopePaths(actor, READ_ROLES);
  if (orgId === undefined) return paths;
  const org = await findOrg(app.db, orgId);
  if (!org || !orgPolicy.listMembers(actor, org)) throw notFound();
  return paths.some((p) => covers(p, org.path)) ? [org.path] : [];
}

const STATUS_ORDER: Record<EligibilityStatus, number> = { ELIGIBLE: 0, MISSING_EVIDENCE: 1, NOT_ELIGIBLE: 2 };
const collator = new Intl.Collator('vi', { sensitivity: 'base' });

export interface BatchEvaluation {
  target: string;
  year: number;
  referenceDate: string;
  items: BatchItem[];
  quota: BatchResult['quota'];
}

function summaryOf(result: EvaluationResult): string {
  const first = result.reasons.find((r) => r.outcome === 'FAIL') ?? result.reasons.find((r) => r.outcome === 'MISSING');
  if (first) return first.text;
  const pass = result.reasons.filter((r) => r.outcome === 'PASS');
  return pass[pass.length - 1]?.text ?? '';
}

/** Evaluates every candidate of the subtree(s); `q` narrows by name. Items sorted by unit, then name. */
export async function evaluateBatch(
  app: AppContext,
  actor: AuthActor,
  query: Omit<BatchQuery, 'page' | 'pageSize' | 'status'>,
  locale: Locale,
): Promise<BatchEvaluation> {
  const inputs = await loadEngineInputs(app.db);
  const award = awardOrThrow(inputs, query.target);
  const referenceDate = query.referenceDate ?? defaultReferenceDate(query.year);
  const paths = await batchPaths(app, actor, query.orgId);
  const opts = { locale, ...inputs };
  const items: BatchItem[] = [];
  let quota: BatchResult['quota'] = [];
  if (award.subject === 'INDIVIDUAL') {
    const candidates: PersonCandidate[] = [];
    for (const path of paths) candidates.push(...(await loadPersonCandidates(app.db, { path, q: query.q, year: query.year, referenceDate })));
    const results = candidates.map((c) => evaluate({ target: award.code, year: query.year, referenceDate, candidate: c.facts }, opts));
    candidates.forEach((c, i) => {
      const result = results[i]!;
      items.push({
        candidate: { kind: 'PERSON', id: c.id, name: c.name, code: c.code, unitId: c.orgId, unitName: c.orgName },
        status: result.status,
        summary: summaryOf(result),
        reasons: result.reasons,
      });
    });
    const params = resolveParameters(referenceDate, inputs.changes);
    const q = quotaFor(award.code, params);
    if (q) quota = await quotaLines(app.db, candidates, results, q, { year: query.year, referenceDate }, opts);
  } else {
    const candidates: UnitCandidate[] = [];
    for (const path of paths) candidates.push(...(await loadUnitCandidates(app.db, { path, q: query.q, year: query.year })));
    for (const c of candidates) {
      const result = evaluate({ target: award.code, year: query.year, referenceDate, candidate: c.facts }, opts);
      items.push({
        candidate: { kind: 'ORGANISATION', id: c.id, name: c.name, code: c.code, unitId: c.parentId, unitName: c.parentName },
        status: result.status,
        summary: summaryOf(result),
        reasons: result.reasons,
      });
    }
  }
  items.sort((a, b) => collator.compare(a.candidate.unitName ?? '', b.candidate.unitName ?? '') || collator.compare(a.candidate.name, b.candidate.name) || a.candidate.id - b.candidate.id);
  return { target: award.code, year: query.year, referenceDate, items, quota };
}

/**
 * The quota per deciding unit (the grassroots union a candidate belongs to): how many candidates
 * meet the base title (e.g. Lao động tiên tiến), how many are eligible for the target, and how
 * many the quota allows.
 */
async function quotaLines(
  db: DbOrTx,
  candidates: PersonCandidate[],
  results: EvaluationResult[],
  q: NonNullable<ReturnType<typeof quotaFor>>,
  when: { year: number; referenceDate: string },
  opts: Parameters<typeof evaluate>[1],
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
    const base = evaluate({ target: q.baseTarget, year: when.year, referenceDate: when.referenceDate, candidate: c.facts }, opts);
    if (base.status === 'ELIGIBLE' || c.facts.awards.some((a) => a.code === q.baseTarget && a.year === when.year)) line.base++;
    if (results[i]!.status === 'ELIGIBLE') line.eligible++;
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

export const statusRank = (s: EligibilityStatus) => STATUS_ORDER[s];

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

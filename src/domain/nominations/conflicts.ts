// Duplicates and conflicts between nominations (issue text: the same person or achievement proposed
// twice in a year at the same level or for two forms, a combined toàn diện + chuyên đề award from the
// same level in the same year, the CSTĐCS quota per deciding unit, appraisers who must recuse).
// Legal basis: Luật 2022 Điều 6 ("one achievement, one form"), RULES.md §1.3 and §5 (no overall and
// thematic award from one level in one year, 1217/HD-TLĐ 2016, old), eligibility/quota.ts (quota).
// Conflicts are warnings for the appraiser, not refusals: the exceptions (awards at the sơ kết of a
// phased movement, co-authors of one initiative…) are for a person to judge.
import type { AwardKind } from '../../contracts/enums';

export const CONFLICT_MESSAGE_KEYS = [
  'nominations.conflict.sameLevelTwice',
  'nominations.conflict.sameAchievement',
  'nominations.conflict.meritAndThematic',
  'nominations.conflict.meritAndThematicReceived',
  'nominations.conflict.alreadyAwarded',
] as const;
export type ConflictMessageKey = (typeof CONFLICT_MESSAGE_KEYS)[number];

export type Subject = { kind: 'PERSON'; personId: number } | { kind: 'UNIT'; orgId: number };

export interface NominationLike {
  id: number;
  year: number;
  subject: Subject;
  awardCode: string;
  awardKind: AwardKind;
  /** The unit whose head signs the decision (the "level" of the award). */
  decidingOrgId: number;
  /** Stable references of the achievements cited, e.g. 'initiative:12', 'movement:3'. */
  achievementRefs: readonly string[];
  active: boolean;
}

export interface ReceivedAward {
  subject: Subject;
  awardCode: string;
  awardKind: AwardKind;
  year: number;
  /** Null for history imported without the deciding unit: then only ALREADY_AWARDED can match. */
  decidingOrgId: number | null;
}

export const CONFLICT_CODES = ['SAME_LEVEL_TWICE', 'SAME_ACHIEVEMENT', 'MERIT_AND_THEMATIC', 'ALREADY_AWARDED'] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export interface Conflict {
  code: ConflictCode;
  /** The other nomination, or null when the conflict is with an award already received. */
  otherNominationId: number | null;
  messageKey: ConflictMessageKey;
  params: Record<string, string | number>;
}

export const subjectKey = (s: Subject): string => (s.kind === 'PERSON' ? `P${s.personId}` : `U${s.orgId}`);

const isMeritThematicPair = (a: AwardKind, b: AwardKind) => (a === 'MERIT' && b === 'THEMATIC') || (a === 'THEMATIC' && b === 'MERIT');

/**
 * The conflicts between `target` and one other active nomination. `sharedRefs` are the achievement
 * references both cite (sorted, distinct). A MERIT + THEMATIC pair from the same level is reported as
 * MERIT_AND_THEMATIC instead of SAME_LEVEL_TWICE: the specific rule, not both.
 */
function pairConflicts(target: NominationLike, other: NominationLike, sharedRefs: readonly string[]): Conflict[] {
  const out: Conflict[] = [];
  if (subjectKey(target.subject) === subjectKey(other.subject) && target.year === other.year && target.decidingOrgId === other.decidingOrgId) {
    const params = { otherId: other.id, awardCode: other.awardCode, year: other.year };
    out.push(
      isMeritThematicPair(target.awardKind, other.awardKind)
        ? { code: 'MERIT_AND_THEMATIC', otherNominationId: other.id, messageKey: 'nominations.conflict.meritAndThematic', params }
        : { code: 'SAME_LEVEL_TWICE', otherNominationId: other.id, messageKey: 'nominations.conflict.sameLevelTwice', params },
    );
  }
  if (sharedRefs.length > 0) {
    out.push({
      code: 'SAME_ACHIEVEMENT',
      otherNominationId: other.id,
      messageKey: 'nominations.conflict.sameAchievement',
      params: { otherId: other.id, awardCode: other.awardCode, year: other.year, refs: sharedRefs.join(', ') },
    });
  }
  return out;
}

/** Conflicts of `target` with awards already received by the same subject in the same year. */
function receivedConflicts(target: NominationLike, received: Iterable<ReceivedAward>): Conflict[] {
  const tKey = subjectKey(target.subject);
  const out: Conflict[] = [];
  for (const r of received) {
    if (r.year !== target.year || subjectKey(r.subject) !== tKey) continue;
    const params = { awardCode: r.awardCode, year: r.year };
    if (r.awardCode === target.awardCode) out.push({ code: 'ALREADY_AWARDED', otherNominationId: null, messageKey: 'nominations.conflict.alreadyAwarded', params });
    if (r.decidingOrgId === target.decidingOrgId && isMeritThematicPair(target.awardKind, r.awardKind)) {
      out.push({ code: 'MERIT_AND_THEMATIC', otherNominationId: null, messageKey: 'nominations.conflict.meritAndThematicReceived', params });
    }
  }
  return out;
}

const CODE_ORDER: Readonly<Record<ConflictCode, number>> = { SAME_LEVEL_TWICE: 0, SAME_ACHIEVEMENT: 1, MERIT_AND_THEMATIC: 2, ALREADY_AWARDED: 3 };

/** By code, then other nomination (received awards last), then params; exact duplicates dropped. */
function ordered(conflicts: Conflict[]): Conflict[] {
  const keyed = conflicts.map((c) => ({ c, params: JSON.stringify(Object.entries(c.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }));
  keyed.sort(
    (x, y) =>
      CODE_ORDER[x.c.code] - CODE_ORDER[y.c.code] ||
      (x.c.otherNominationId ?? Number.MAX_SAFE_INTEGER) - (y.c.otherNominationId ?? Number.MAX_SAFE_INTEGER) ||
      (x.c.messageKey < y.c.messageKey ? -1 : x.c.messageKey > y.c.messageKey ? 1 : 0) ||
      (x.params < y.params ? -1 : x.params > y.params ? 1 : 0),
  );
  return keyed.filter((k, i) => i === 0 || k.params !== keyed[i - 1]?.params || k.c.messageKey !== keyed[i - 1]?.c.messageKey || k.c.otherNominationId !== keyed[i - 1]?.c.otherNominationId).map((k) => k.c);
}

const distinctSorted = (refs: readonly string[]) => [...new Set(refs)].sort();

/**
 * The conflicts of one nomination. `others` may contain the target (skipped by id); inactive others
 * are ignored. The target's own `active` flag is not looked at, so a withdrawn nomination can be
 * checked before it is reinstated.
 */
export function findConflicts(target: NominationLike, others: readonly NominationLike[], received: readonly ReceivedAward[]): Conflict[] {
  const refs = new Set(target.achievementRefs);
  const out: Conflict[] = [];
  for (const o of others) {
    if (o.id === target.id || !o.active) continue;
    out.push(...pairConflicts(target, o, distinctSorted(o.achievementRefs.filter((r) => refs.has(r)))));
  }
  out.push(...receivedConflicts(target, received));
  return ordered(out);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The conflicts of every nomination of `list` (an entry per id, empty when none), equal to calling
 * `findConflicts(n, list, received)` for each. Indexed by subject + year and by achievement reference,
 * so the cost follows the number of real collisions, not the square of the list.
 */
export function findAllConflicts(list: readonly NominationLike[], received: readonly ReceivedAward[]): Map<number, Conflict[]> {
  const bySubjectYear = new Map<string, NominationLike[]>();
  const byRef = new Map<string, NominationLike[]>();
  for (const n of list) {
    if (!n.active) continue;
    push(bySubjectYear, `${subjectKey(n.subject)}|${n.year}`, n);
    for (const r of new Set(n.achievementRefs)) push(byRef, r, n);
  }
  const receivedBySubjectYear = new Map<string, ReceivedAward[]>();
  for (const r of received) push(receivedBySubjectYear, `${subjectKey(r.subject)}|${r.year}`, r);

  const result = new Map<number, Conflict[]>();
  for (const n of list) {
    const key = `${subjectKey(n.subject)}|${n.year}`;
    // Other active nominations that share the subject and year or an achievement, with the refs shared.
    const shared = new Map<NominationLike, string[]>();
    for (const o of bySubjectYear.get(key) ?? []) if (o.id !== n.id) shared.set(o, []);
    for (const r of new Set(n.achievementRefs)) {
      for (const o of byRef.get(r) ?? []) {
        if (o.id === n.id) continue;
        const refs = shared.get(o);
        if (refs) refs.push(r);
        else shared.set(o, [r]);
      }
    }
    const out: Conflict[] = [];
    for (const [o, refs] of shared) out.push(...pairConflicts(n, o, distinctSorted(refs)));
    out.push(...receivedConflicts(n, receivedBySubjectYear.get(key) ?? []));
    result.set(n.id, ordered(out));
  }
  return result;
}

export interface QuotaUse {
  decidingOrgId: number;
  awardCode: string;
  allowed: number | null;
  proposed: number;
}

/**
 * Deciding unit × award pairs where the active nominations exceed what `allowedBy` allows (null = no
 * quota), sorted by unit then award code. The CSTĐCS quota (eligibility/quota.ts) is the main user.
 */
export function quotaOverruns(list: readonly NominationLike[], allowedBy: (decidingOrgId: number, awardCode: string) => number | null): QuotaUse[] {
  const counts = new Map<string, { decidingOrgId: number; awardCode: string; proposed: number }>();
  for (const n of list) {
    if (!n.active) continue;
    const key = `${n.decidingOrgId}|${n.awardCode}`;
    const c = counts.get(key);
    if (c) c.proposed += 1;
    else counts.set(key, { decidingOrgId: n.decidingOrgId, awardCode: n.awardCode, proposed: 1 });
  }
  const out: QuotaUse[] = [];
  for (const c of counts.values()) {
    const allowed = allowedBy(c.decidingOrgId, c.awardCode);
    if (allowed !== null && c.proposed > allowed) out.push({ ...c, allowed });
  }
  return out.sort((a, b) => a.decidingOrgId - b.decidingOrgId || (a.awardCode < b.awardCode ? -1 : a.awardCode > b.awardCode ? 1 : 0));
}

/**
 * Organisation paths are materialised like `/1/5/23/` and a subtree is a prefix match, as in
 * server/lib/policy.ts `covers`. A missing trailing slash is added so `/1/5` cannot cover `/1/50/`;
 * an empty path covers nothing.
 */
function normalisePath(path: string | null): string | null {
  if (path === null || path === '') return null;
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Whether an appraiser must stay out of a nominee's appraisal: they are the nominee, they work in the
 * nominee's unit, or (for a unit nominee) their unit lies inside that unit's subtree. `nominee.orgPath`
 * is the person's unit for a PERSON and the unit itself for a UNIT.
 */
export function mustRecuse(appraiser: { personId: number | null; orgPath: string | null }, nominee: { subject: Subject; orgPath: string }): boolean {
  if (nominee.subject.kind === 'PERSON' && appraiser.personId !== null && appraiser.personId === nominee.subject.personId) return true;
  const own = normalisePath(appraiser.orgPath);
  const theirs = normalisePath(nominee.orgPath);
  if (own === null || theirs === null) return false;
  if (own === theirs) return true;
  return nominee.subject.kind === 'UNIT' && own.startsWith(theirs);
}

// One evaluation in progress: the request, the resolved parameters, lazily built indexes of the
// facts, and the reasons collected so far. Indexes are built on first use, once per call.
import type { AwardFact, EvaluateRequest, PersonFacts, ReasonDto, UnitFacts } from '../../contracts/eligibility';
import type { AwardKind, Locale, Rating, ReasonOutcome } from '../../contracts/enums';
import { DISCIPLINE_LEVELS, INITIATIVE_SCOPES } from '../../contracts/enums';
import type { AwardDefinition } from '../catalogue/awards';
import { displayDate, yearOf } from './dates';
import { render } from './format';
import type { ParamValue, RuleDefinition } from './types';

export type Evidence = number | string;

/** An initiative or an accepted scientific topic: both count as "sáng kiến hoặc đề tài". */
export interface Work {
  id: Evidence | undefined;
  kind: 'INITIATIVE' | 'RESEARCH';
  date: string;
  year: number;
  scope: (typeof INITIATIVE_SCOPES)[number];
  applied: boolean;
  benefitValueVnd: number | undefined;
}

export interface Check {
  outcome: ReasonOutcome;
  key: string;
  params: Record<string, string | number>;
  evidence: Evidence[];
}

const RATING_RANK: Record<Rating, number> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };
export function ratingAtLeast(rating: Rating, min: string): boolean {
  return RATING_RANK[rating] >= (RATING_RANK[min as Rating] ?? 2);
}
export function scopeRank(scope: string): number {
  return INITIATIVE_SCOPES.indexOf(scope as (typeof INITIATIVE_SCOPES)[number]);
}
export function disciplineRank(level: string): number {
  return DISCIPLINE_LEVELS.indexOf(level as (typeof DISCIPLINE_LEVELS)[number]);
}

function idOrder(a: { id?: Evidence | undefined }, b: { id?: Evidence | undefined }): number {
  const x = a.id === undefined ? '' : String(a.id);
  const y = b.id === undefined ? '' : String(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Total order on strings built from several fields, for deterministic "first" choices. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ids(records: readonly { id?: Evidence | undefined }[]): Evidence[] {
  const out: Evidence[] = [];
  for (const r of records) if (r.id !== undefined) out.push(r.id);
  return out;
}

const awardNames = new WeakMap<ReadonlyMap<string, AwardDefinition>, Map<string, string>>();

export class Evaluation {
  readonly reasons: ReasonDto[] = [];
  readonly target: string;
  readonly year: number;
  readonly person: PersonFacts | undefined;
  readonly unit: UnitFacts | undefined;
  /** First day from which achievements count for chains (ND 152/2025 Điều 4); null = no limit. */
  countFrom: string | null = null;
  /** Chuyên đề and đột xuất awards are left out of chains (ND 152/2025 Điều 4). */
  ignoreThematic = false;
  /** Set once a "no unit figures" reason was given, so it is said once, not per rule. */
  statsMissingSaid = false;
  private ratingIndex: Map<number, { id?: Evidence | undefined; rating: Rating }> | undefined;
  private awardIndex: Map<string, AwardFact[]> | undefined;
  private workList: Work[] | undefined;

  constructor(
    readonly req: EvaluateRequest,
    readonly ref: string,
    readonly params: Record<string, ParamValue>,
    readonly locale: Locale,
    readonly catalogue: ReadonlyMap<string, AwardDefinition>,
    readonly texts = true,
  ) {
    this.target = req.target;
    this.year = req.year;
    const c = req.candidate;
    this.person = c.subject === 'INDIVIDUAL' ? c : undefined;
    this.unit = c.subject === 'COLLECTIVE' ? c : undefined;
  }

  // ── parameters ──
  num(key: string): number {
    const v = this.params[key];
    return typeof v === 'number' ? v : 0;
  }
  numOrNull(key: string): number | null {
    const v = this.params[key];
    return typeof v === 'number' ? v : null;
  }
  str(key: string): string {
    const v = this.params[key];
    return typeof v === 'string' ? v : '';
  }
  bool(key: string): boolean {
    return this.params[key] === true;
  }
  codes(key: string): string[] {
    const v = this.str(key);
    return v === '' ? [] : v.split(',');
  }

  // ── facts ──
  /** The best rating recorded for `year` (duplicates keep the best, so removing one never helps). */
  rating(year: number): { id?: Evidence | undefined; rating: Rating } | undefined {
    if (!this.ratingIndex) {
      this.ratingIndex = new Map();
      for (const r of this.req.candidate.ratings ?? []) {
        const cur = this.ratingIndex.get(r.year);
        if (!cur || RATING_RANK[r.rating] > RATING_RANK[cur.rating] || (r.rating === cur.rating && idOrder(r, cur) < 0)) {
          this.ratingIndex.set(r.year, r);
        }
      }
    }
    return this.ratingIndex.get(year);
  }

  awardsOf(code: string): readonly AwardFact[] {
    if (!this.awardIndex) {
      this.awardIndex = new Map();
      for (const a of this.req.candidate.awards ?? []) {
        const list = this.awardIndex.get(a.code);
        if (list) list.push(a);
        else this.awardIndex.set(a.code, [a]);
      }
      for (const list of this.awardIndex.values()) if (list.length > 1) list.sort((a, b) => a.year - b.year || idOrder(a, b));
    }
    return this.awardIndex.get(code) ?? [];
  }

  kindOf(award: AwardFact): AwardKind {
    return award.kind ?? this.catalogue.get(award.code)?.kind ?? 'MERIT';
  }

  isIgnoredKind(award: AwardFact): boolean {
    if (!this.ignoreThematic) return false;
    const kind = this.kindOf(award);
    return kind === 'THEMATIC' || kind === 'AD_HOC';
  }

  /** Does evidence of `year` count toward a chain (discipline reset)? */
  counts(year: number): boolean {
    return this.countFrom === null || `${year}-12-31` >= this.countFrom;
  }

  /** An award of `code` for `year` that counts toward chains. */
  countedAward(code: string, year: number): AwardFact | undefined {
    if (!this.counts(year)) return undefined;
    for (const a of this.awardsOf(code)) if (a.year === year && !this.isIgnoredKind(a)) return a;
    return undefined;
  }

  /** Initiatives and research of a person, sorted by date then id. Only those recognised by the reference date. */
  works(): readonly Work[] {
    if (!this.workList) {
      const list: Work[] = [];
      const p = this.person;
      if (p) {
        for (const i of p.initiatives ?? []) {
          if (i.recognisedOn > this.ref) continue;
          list.push({ id: i.id, kind: 'INITIATIVE', date: i.recognisedOn, year: yearOf(i.recognisedOn), scope: i.scope, applied: i.applied !== false, benefitValueVnd: i.benefitValueVnd });
        }
        for (const r of p.research ?? []) {
          if (r.acceptedOn > this.ref) continue;
          list.push({ id: r.id, kind: 'RESEARCH', date: r.acceptedOn, year: yearOf(r.acceptedOn), scope: r.scope, applied: r.applied !== false, benefitValueVnd: undefined });
        }
        if (list.length > 1) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : idOrder(a, b)));
      }
      this.workList = list;
    }
    return this.workList;
  }

  /** Applied works of at least `minScope`, recognised in [fromYear, toYear] and counted. */
  worksIn(fromYear: number, toYear: number, minScope: string): Work[] {
    const min = scopeRank(minScope);
    const out: Work[] = [];
    for (const w of this.works()) {
      if (w.applied && w.year >= fromYear && w.year <= toYear && scopeRank(w.scope) >= min && this.counts(w.year)) out.push(w);
    }
    return out;
  }

  // ── output ──
  t(key: string, params?: Record<string, string | number>): string {
    return render(this.locale, key, params);
  }
  date(iso: string): string {
    return displayDate(iso);
  }
  ratingLabel(r: string): string {
    return render(this.locale, `elig.rating.${r}`);
  }
  awardName(code: string): string {
    // Names are asked for on every evaluation: remember them per catalogue and language.
    let names = awardNames.get(this.catalogue);
    if (!names) {
      names = new Map();
      awardNames.set(this.catalogue, names);
    }
    const cacheKey = `${this.locale}|${code}`;
    const known = names.get(cacheKey);
    if (known !== undefined) return known;
    const shortKey = `elig.short.${code}`;
    const short = render(this.locale, shortKey);
    const def = this.catalogue.get(code);
    const name = short !== shortKey ? short : def ? (this.locale === 'vi' ? def.nameVi : def.nameEn) : code;
    names.set(cacheKey, name);
    return name;
  }

  push(rule: RuleDefinition, outcome: ReasonOutcome, key: string, params: Record<string, string | number>, evidence: Evidence[] = []): void {
    // Evidence is a set: a fixed order keeps results independent of the order of the facts.
    if (evidence.length > 1) evidence.sort(compareEvidence);
    this.reasons.push({
      ruleId: rule.id,
      outcome,
      messageKey: key,
      params,
      text: this.texts ? render(this.locale, key, params) : '',
      citation: rule.citation,
      verified: rule.verified,
      evidence,
    });
  }

  pushCheck(rule: RuleDefinition, check: Check): void {
    this.push(rule, check.outcome, check.key, check.params, check.evidence);
  }
}

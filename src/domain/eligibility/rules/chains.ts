// Criteria that count earlier achievements: CSTĐ cấp bộ/tỉnh, CSTĐ toàn quốc, Bằng khen bộ/tỉnh
// (and the union's), Bằng khen Thủ tướng. Chain evidence passes through the ND 152/2025 filters
// (Evaluation.countedAward / worksIn).
import type { Evaluation, Evidence, Work } from '../context';
import { ids } from '../context';
import { pad2 } from '../dates';
import { yearList } from '../format';
import type { RuleDefinition } from '../types';
import { meetsCstdcs } from './individual';

interface Chain {
  have: number[];
  lacking: number[];
  /** Year counted on the strength of meeting CSTĐCS without a decision yet. */
  provisional: number | null;
  /** The last year has no decision and not enough facts to count it provisionally. */
  missing: number | null;
  evidence: Evidence[];
}

function years(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Awards of `code` in each of `span`; the last year may count provisionally (CSTĐCS only). */
function chainOf(ev: Evaluation, code: string, span: readonly number[], provisionalLast: boolean): Chain {
  const chain: Chain = { have: [], lacking: [], provisional: null, missing: null, evidence: [] };
  const last = span[span.length - 1];
  for (const y of span) {
    const award = ev.countedAward(code, y);
    if (award) {
      chain.have.push(y);
      if (award.id !== undefined) chain.evidence.push(award.id);
      continue;
    }
    if (provisionalLast && y === last && ev.counts(y)) {
      const outcome = meetsCstdcs(ev, y);
      if (outcome === 'PASS') {
        chain.have.push(y);
        chain.provisional = y;
        continue;
      }
      if (outcome === 'MISSING') {
        chain.missing = y;
        continue;
      }
    }
    chain.lacking.push(y);
  }
  return chain;
}

function sayProvisional(ev: Evaluation, rule: RuleDefinition, chain: Chain, code: string): void {
  if (chain.provisional !== null) ev.push(rule, 'INFO', 'elig.chain.provisional', { year: chain.provisional, award: ev.awardName(code) });
}

function have(ev: Evaluation, list: readonly number[]): string {
  return list.length > 0 ? yearList(list) : ev.t('elig.none');
}

export function cstdBoTinhChain(ev: Evaluation, rule: RuleDefinition): void {
  const n = ev.num('CSTD_BO_TINH.consecutive');
  const chain = chainOf(ev, 'CSTD_CS', years(ev.year - n + 1, ev.year), true);
  const params = { n: pad2(n), award: ev.awardName('CSTD_CS'), have: have(ev, chain.have), lacking: yearList(chain.lacking), year: ev.year };
  if (chain.lacking.length > 0) {
    ev.push(rule, 'FAIL', 'elig.chain.fail', params, chain.evidence);
  } else if (chain.missing !== null) {
    ev.push(rule, 'MISSING', 'elig.chain.missing', params, chain.evidence);
  } else {
    ev.push(rule, 'PASS', 'elig.chain.pass', { ...params, years: yearList(chain.have) }, chain.evidence);
    sayProvisional(ev, rule, chain, 'CSTD_CS');
  }
}

function workWhat(ev: Evaluation, w: Work): string {
  return ev.t(w.kind === 'INITIATIVE' ? 'elig.work.initiative' : 'elig.work.research');
}

function pushWork(ev: Evaluation, rule: RuleDefinition, works: readonly Work[], scope: string, from: number, to: number): void {
  const params = { scope: ev.t(`elig.scope.${scope}`), from, to };
  const last = works[works.length - 1];
  if (last) ev.push(rule, 'PASS', 'elig.works.pass', { ...params, what: workWhat(ev, last), date: ev.date(last.date) }, ids(works));
  else ev.push(rule, 'FAIL', 'elig.works.fail', params);
}

export function cstdBoTinhInitiative(ev: Evaluation, rule: RuleDefinition): void {
  const n = ev.num('CSTD_BO_TINH.consecutive');
  const scope = ev.str('CSTD_BO_TINH.initiativeScope');
  const from = ev.year - n + 1;
  pushWork(ev, rule, ev.worksIn(from, ev.year, scope), scope, from, ev.year);
}

/** The two CSTĐ bộ/tỉnh awards CSTĐ toàn quốc rests on: the later within `gap` years of Y. */
function tqPair(ev: Evaluation): { first: number; second: number; evidence: Evidence[] } | { have: number[] } {
  const gap = ev.num('CSTD_TQ.maxGapYears');
  const held = ev
    .awardsOf('CSTD_BO_TINH')
    .filter((a) => a.year <= ev.year && !ev.isIgnoredKind(a) && ev.counts(a.year))
    .map((a) => a.year);
  // Of all valid pairs, keep the one whose first title is earliest: it leaves the widest window for
  // the national initiative, so removing a title can never make the candidate pass.
  let best: { first: number; second: number } | undefined;
  for (const second of held) {
    if (second < ev.year - gap) continue;
    const first = held.find((y) => y < second && y >= second - gap);
    if (first !== undefined && (!best || first < best.first || (first === best.first && second > best.second))) best = { first, second };
  }
  if (best) {
    const { first, second } = best;
    const evidence = ids(ev.awardsOf('CSTD_BO_TINH').filter((a) => a.year === first || a.year === second));
    return { first, second, evidence };
  }
  // Titles older than any usable pair are not worth naming.
  return { have: [...new Set(held.filter((y) => y >= ev.year - 2 * gap))] };
}

export function cstdTqChain(ev: Evaluation, rule: RuleDefinition): void {
  const gap = ev.num('CSTD_TQ.maxGapYears');
  const pair = tqPair(ev);
  const award = ev.awardName('CSTD_BO_TINH');
  if ('first' in pair) {
    ev.push(rule, 'PASS', 'elig.cstdtq.chain.pass', { award, first: pair.first, second: pair.second, gap: pad2(gap) }, pair.evidence);
  } else {
    ev.push(rule, 'FAIL', 'elig.cstdtq.chain.fail', { award, from: ev.year - gap, to: ev.year, gap: pad2(gap), have: have(ev, pair.have) });
  }
}

export function cstdTqInitiative(ev: Evaluation, rule: RuleDefinition): void {
  const gap = ev.num('CSTD_TQ.maxGapYears');
  const pair = tqPair(ev);
  const from = 'first' in pair ? pair.first : ev.year - 2 * gap;
  const scope = ev.str('CSTD_TQ.initiativeScope');
  pushWork(ev, rule, ev.worksIn(from, ev.year, scope), scope, from, ev.year);
}

/** Bằng khen bộ/tỉnh shape (Luật 2022 Điều 74.1.d): 2 consecutive CSTĐCS, or HTXSNV years + initiatives. */
function bkMerit(prefix: string) {
  return (ev: Evaluation, rule: RuleDefinition): void => {
    const n = ev.num(`${prefix}.consecutive`);
    const k = ev.num(`${prefix}.initiatives`);
    const from = ev.year - n + 1;
    const span = years(from, ev.year);
    const chain = chainOf(ev, 'CSTD_CS', span, true);
    const award = ev.awardName('CSTD_CS');
    if (chain.lacking.length === 0 && chain.missing === null) {
      ev.push(rule, 'PASS', 'elig.bk.pass.chain', { n: pad2(n), award, years: yearList(chain.have) }, chain.evidence);
      sayProvisional(ev, rule, chain, 'CSTD_CS');
      return;
    }
    const excellent: number[] = [];
    const ratingEvidence: Evidence[] = [];
    let ratingMissing = false;
    let ratingFail = false;
    for (const y of span) {
      const r = ev.rating(y);
      if (!ev.counts(y)) ratingFail = true;
      else if (r === undefined) ratingMissing = true;
      else if (r.rating === 'HTXSNV') {
        excellent.push(y);
        if (r.id !== undefined) ratingEvidence.push(r.id);
      } else ratingFail = true;
    }
    const works = ev.worksIn(from, ev.year, 'GRASSROOTS');
    const enoughWorks = works.length >= k;
    const params = { n: pad2(n), k: pad2(k), award, from, to: ev.year, chainHave: have(ev, chain.have), excellent: have(ev, excellent), works: works.length };
    if (!ratingMissing && !ratingFail && enoughWorks) {
      ev.push(rule, 'PASS', 'elig.bk.pass.excellent', params, [...ratingEvidence, ...ids(works)]);
      return;
    }
    const chainCouldPass = chain.lacking.length === 0 && chain.missing !== null;
    const excellentCouldPass = ratingMissing && !ratingFail && enoughWorks;
    if (chainCouldPass || excellentCouldPass) ev.push(rule, 'MISSING', 'elig.bk.missing', params, chain.evidence);
    else ev.push(rule, 'FAIL', 'elig.bk.fail', params, [...chain.evidence, ...ratingEvidence, ...ids(works)]);
  };
}

export const bkStateMerit = bkMerit('BK');
export const bkLdldMerit = bkMerit('BK_LDLD');

/** Old rule (ND 65/2014 Điều 23.1.c): a prior Bằng khen, then 5 straight HTXSNV years with 5 initiatives. */
export function bkTtgMerit(ev: Evaluation, rule: RuleDefinition): void {
  const m = ev.num('BK_TTG.years');
  const k = ev.num('BK_TTG.initiatives');
  const from = ev.year - m + 1;
  const priorCodes = ev.codes('BK_TTG.priorCodes');
  let prior: { code: string; year: number; id: Evidence | undefined } | undefined;
  for (const code of priorCodes) {
    for (const a of ev.awardsOf(code)) {
      if (a.year < from && !ev.isIgnoredKind(a) && ev.counts(a.year) && (!prior || a.year > prior.year)) prior = { code, year: a.year, id: a.id };
    }
  }
  const codes = priorCodes.map((c) => ev.awardName(c)).join(', ');
  if (prior) ev.push(rule, 'PASS', 'elig.bkttg.prior.pass', { award: ev.awardName(prior.code), year: prior.year }, prior.id === undefined ? [] : [prior.id]);
  else ev.push(rule, 'FAIL', 'elig.bkttg.prior.fail', { codes, from });

  const excellent: number[] = [];
  const lacking: number[] = [];
  const missing: number[] = [];
  const evidence: Evidence[] = [];
  for (const y of years(from, ev.year)) {
    const r = ev.rating(y);
    if (!ev.counts(y)) lacking.push(y);
    else if (!r) missing.push(y);
    else if (r.rating === 'HTXSNV') {
      excellent.push(y);
      if (r.id !== undefined) evidence.push(r.id);
    } else lacking.push(y);
  }
  const params = { n: pad2(m), have: have(ev, excellent), lacking: yearList([...lacking, ...missing].sort((a, b) => a - b)), from, to: ev.year };
  if (lacking.length > 0) ev.push(rule, 'FAIL', 'elig.bkttg.years.fail', params, evidence);
  else if (missing.length > 0) ev.push(rule, 'MISSING', 'elig.bkttg.years.missing', params, evidence);
  else ev.push(rule, 'PASS', 'elig.bkttg.years.pass', params, evidence);

  const works = ev.worksIn(from, ev.year, 'GRASSROOTS');
  const wparams = { k: pad2(k), count: works.length, from, to: ev.year };
  ev.push(rule, works.length >= k ? 'PASS' : 'FAIL', works.length >= k ? 'elig.bkttg.works.pass' : 'elig.bkttg.works.fail', wparams, ids(works));
}

// Union forms with their own criteria: Kỷ niệm chương and Bằng Lao động sáng tạo. Both are the
// "probable shape" of older union rules (RULES.md §4), never verified.
import type { Evaluation, Evidence } from '../context';
import { ids, ratingAtLeast } from '../context';
import { yearOf } from '../dates';
import { money } from '../format';
import type { RuleDefinition } from '../types';

const KNC_YEARS: Record<string, string> = {
  UNION_CADRE: 'KNC_CD.years.unionCadre',
  UNION_PUBLIC_SERVANT: 'KNC_CD.years.unionPublicServant',
  OUTSIDE_CONTRIBUTOR: 'KNC_CD.years.outsideContributor',
};

export function kncYears(ev: Evaluation, rule: RuleDefinition): void {
  const p = ev.person;
  const category = p?.unionWorkCategory;
  const years = p?.unionWorkYears;
  if (category === undefined || years === undefined) {
    ev.push(rule, 'MISSING', 'elig.knc.years.missing', {});
    return;
  }
  const required = ev.num(KNC_YEARS[category] ?? 'KNC_CD.years.unionCadre');
  const params = { years, required: String(required).padStart(2, '0'), category: ev.t(`elig.unionWork.${category}`) };
  ev.push(rule, years >= required ? 'PASS' : 'FAIL', years >= required ? 'elig.knc.years.pass' : 'elig.knc.years.fail', params);
}

export function kncOnce(ev: Evaluation, rule: RuleDefinition): void {
  const held = ev.awardsOf('KNC_CD');
  const first = held[0];
  if (first) ev.push(rule, 'FAIL', 'elig.knc.once.fail', { year: first.year }, ids(held));
  else ev.push(rule, 'PASS', 'elig.knc.once.pass', {});
}

export function kncPriorYears(ev: Evaluation, rule: RuleDefinition): void {
  if (ev.person?.unionWorkCategory !== 'UNION_CADRE') return;
  const n = ev.num('KNC_CD.priorYearsCompleted');
  if (n <= 0) return;
  const from = ev.year - n;
  const to = ev.year - 1;
  const lacking: number[] = [];
  const missing: number[] = [];
  const evidence: Evidence[] = [];
  for (let y = from; y <= to; y++) {
    const r = ev.rating(y);
    if (!r) missing.push(y);
    else if (!ratingAtLeast(r.rating, 'HTNV')) lacking.push(y);
    else if (r.id !== undefined) evidence.push(r.id);
  }
  const params = { n: String(n).padStart(2, '0'), from, to, years: [...lacking, ...missing].sort((a, b) => a - b).join(', ') };
  if (lacking.length > 0) ev.push(rule, 'FAIL', 'elig.knc.prior.fail', params, evidence);
  else if (missing.length > 0) ev.push(rule, 'MISSING', 'elig.knc.prior.missing', params, evidence);
  else ev.push(rule, 'PASS', 'elig.knc.prior.pass', params, evidence);
}

/**
 * Bằng Lao động sáng tạo (1564/QĐ-TLĐ Điều 16, old): benefit of an initiative recognised in Y —
 * leaders ≥ 200 M; university-educated ≥ 150 M; others ≥ 80 M for one solution or ≥ 120 M summed
 * over the 3 years ending at Y. A person whose `isLeader` is unknown is treated as not a leader.
 */
export function bangLdstBenefit(ev: Evaluation, rule: RuleDefinition): void {
  const p = ev.person;
  if (!p) return;
  const leader = p.isLeader === true;
  if (!leader && p.educationLevel === undefined) {
    ev.push(rule, 'MISSING', 'elig.ldst.education.missing', {});
    return;
  }
  const valued = ev.works().filter((w) => w.kind === 'INITIATIVE' && w.applied && w.benefitValueVnd !== undefined);
  const inYear = valued.filter((w) => w.year === ev.year);
  const best = inYear.reduce((m, w) => Math.max(m, w.benefitValueVnd ?? 0), 0);
  const bestWork = inYear.find((w) => (w.benefitValueVnd ?? 0) === best);
  const evidenceOf = (ws: typeof valued): Evidence[] => ids(ws);
  const single = ev.num(leader ? 'BANG_LDST.leaderMinVnd' : p.educationLevel === 'UNIVERSITY_OR_ABOVE' ? 'BANG_LDST.universityMinVnd' : 'BANG_LDST.collegeMinVnd');
  const group = ev.t(leader ? 'elig.ldst.group.leader' : `elig.ldst.group.${p.educationLevel}`);
  if (bestWork && best >= single) {
    ev.push(rule, 'PASS', 'elig.ldst.single.pass', { year: ev.year, value: money(ev.locale, best), required: money(ev.locale, single), group }, evidenceOf([bestWork]));
    return;
  }
  if (!leader && p.educationLevel === 'COLLEGE_OR_BELOW') {
    const n = ev.num('BANG_LDST.cumulativeYears');
    const from = ev.year - n + 1;
    const window = valued.filter((w) => w.year >= from && w.year <= ev.year);
    const sum = window.reduce((s, w) => s + (w.benefitValueVnd ?? 0), 0);
    const cumulative = ev.num('BANG_LDST.collegeCumulativeVnd');
    const params = { from, to: ev.year, n: String(n).padStart(2, '0'), value: money(ev.locale, sum), required: money(ev.locale, cumulative), single: money(ev.locale, single), group };
    if (sum >= cumulative && window.length > 0) {
      ev.push(rule, 'PASS', 'elig.ldst.cumulative.pass', params, evidenceOf(window));
      return;
    }
    if (window.length === 0 && hasUnvalued(ev, from)) ev.push(rule, 'MISSING', 'elig.ldst.value.missing', { year: ev.year });
    else ev.push(rule, 'FAIL', 'elig.ldst.cumulative.fail', params, evidenceOf(window));
    return;
  }
  if (inYear.length === 0 && hasUnvalued(ev, ev.year)) {
    ev.push(rule, 'MISSING', 'elig.ldst.value.missing', { year: ev.year });
    return;
  }
  ev.push(rule, 'FAIL', 'elig.ldst.single.fail', { year: ev.year, value: money(ev.locale, best), required: money(ev.locale, single), group }, evidenceOf(inYear));
}

/** An applied initiative recognised from `fromYear` whose benefit value was not recorded. */
function hasUnvalued(ev: Evaluation, fromYear: number): boolean {
  return (ev.person?.initiatives ?? []).some((i) => i.benefitValueVnd === undefined && i.applied !== false && yearOf(i.recognisedOn) >= fromYear && i.recognisedOn <= ev.ref && yearOf(i.recognisedOn) <= ev.year);
}

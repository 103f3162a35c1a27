// Individual titles: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, and the union's rating-based forms.
// Each criterion is a pure check, so chains can ask "did this person meet CSTĐCS in year X?".
import type { Check, Evaluation, Evidence } from '../context';
import { compareKeys, disciplineRank, ids, ratingAtLeast } from '../context';
import { daysInYear, latestStartFor } from '../dates';
import { percent } from '../format';
import type { RuleDefinition } from '../types';

export function checkRating(ev: Evaluation, year: number, min: string): Check {
  const found = ev.rating(year);
  const unit = ev.unit !== undefined;
  if (!found) return { outcome: 'MISSING', key: unit ? 'elig.unitRating.missing' : 'elig.rating.missing', params: { year }, evidence: [] };
  const params = { year, rating: ev.ratingLabel(found.rating), required: ev.ratingLabel(min) };
  const evidence = found.id === undefined ? [] : [found.id];
  return ratingAtLeast(found.rating, min)
    ? { outcome: 'PASS', key: unit ? 'elig.unitRating.pass' : 'elig.rating.pass', params, evidence }
    : { outcome: 'FAIL', key: unit ? 'elig.unitRating.fail' : 'elig.rating.fail', params, evidence };
}

export function checkService(ev: Evaluation, year: number): Check {
  const months = ev.num('LDTT.minServiceMonths');
  const start = ev.person?.serviceStartDate;
  if (start === undefined) return { outcome: 'MISSING', key: 'elig.ldtt.service.missing', params: { year }, evidence: [] };
  const latest = latestStartFor(year, months);
  const params = { year, months: months < 10 ? `0${months}` : String(months), start: ev.date(start), latest: ev.date(latest) };
  return start <= latest
    ? { outcome: 'PASS', key: 'elig.ldtt.service.pass', params, evidence: [] }
    : { outcome: 'FAIL', key: 'elig.ldtt.service.fail', params, evidence: [] };
}

function disciplineKey(d: { from: string; level: string; to?: string | undefined; id?: Evidence | undefined }): string {
  return `${d.from}|${9 - disciplineRank(d.level)}|${d.to ?? '9999-12-31'}|${String(d.id ?? '')}`;
}

export function checkDiscipline(ev: Evaluation, year: number): Check {
  const min = disciplineRank(ev.str('LDTT.discipline.minLevel'));
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const hits = (ev.req.candidate.disciplines ?? [])
    .filter((d) => disciplineRank(d.level) >= min && d.from <= end && (d.to === undefined || d.to >= start))
    .sort((a, b) => compareKeys(disciplineKey(a), disciplineKey(b)));
  const minLabel = ev.t(`elig.discipline.${ev.str('LDTT.discipline.minLevel')}`);
  const first = hits[0];
  if (!first) return { outcome: 'PASS', key: 'elig.ldtt.discipline.pass', params: { year, level: minLabel }, evidence: [] };
  const params = { year, level: ev.t(`elig.discipline.${first.level}`), from: ev.date(first.from), to: first.to ? ev.date(first.to) : '' };
  return { outcome: 'FAIL', key: first.to ? 'elig.ldtt.discipline.fail' : 'elig.ldtt.discipline.failOpen', params, evidence: ids(hits) };
}

/** Calendar days of absence in `year`, maternity leave excepted; null when the rule is off. */
export function checkAbsence(ev: Evaluation, year: number): Check | null {
  const max = ev.numOrNull('LDTT.maxAbsenceDays');
  if (max === null) return null;
  let days = 0;
  const used: Evidence[] = [];
  for (const a of ev.person?.absences ?? []) {
    if (a.reason === 'MATERNITY') continue;
    const d = daysInYear(a.from, a.to, year);
    if (d > 0) {
      days += d;
      if (a.id !== undefined) used.push(a.id);
    }
  }
  const params = { year, days, max };
  return days > max
    ? { outcome: 'FAIL', key: 'elig.ldtt.absence.fail', params, evidence: used }
    : { outcome: 'PASS', key: 'elig.ldtt.absence.pass', params, evidence: used };
}

/** The second half of CSTĐCS (Luật 2022 Điều 23): HTXSNV, or a grassroots initiative, or research. */
export function checkAchievement(ev: Evaluation, year: number): Check {
  const excellentSuffices = ev.bool('CSTD_CS.excellentRatingSuffices');
  const found = ev.rating(year);
  if (excellentSuffices && found?.rating === 'HTXSNV') {
    return { outcome: 'PASS', key: 'elig.cstdcs.achievement.rating', params: { year }, evidence: found.id === undefined ? [] : [found.id] };
  }
  const works = ev.worksIn(year, year, ev.str('CSTD_CS.minInitiativeScope'));
  const work = works.find((w) => w.kind === 'INITIATIVE') ?? works[0];
  if (work) {
    const params = { year, date: ev.date(work.date), scope: ev.t(`elig.scope.${work.scope}`) };
    const key = work.kind === 'INITIATIVE' ? 'elig.cstdcs.achievement.initiative' : 'elig.cstdcs.achievement.research';
    return { outcome: 'PASS', key, params, evidence: work.id === undefined ? [] : [work.id] };
  }
  if (!excellentSuffices) return { outcome: 'FAIL', key: 'elig.cstdcs.achievement.failInitiative', params: { year }, evidence: [] };
  if (!found) return { outcome: 'MISSING', key: 'elig.cstdcs.achievement.missing', params: { year }, evidence: [] };
  return { outcome: 'FAIL', key: 'elig.cstdcs.achievement.fail', params: { year }, evidence: found.id === undefined ? [] : [found.id] };
}

/** Does the person meet every CSTĐCS criterion for `year`? (For years without a decision yet.) */
export function meetsCstdcs(ev: Evaluation, year: number): Check['outcome'] {
  const checks = [checkRating(ev, year, ev.str('LDTT.minRating')), checkService(ev, year), checkDiscipline(ev, year), checkAbsence(ev, year), checkAchievement(ev, year)];
  let missing = false;
  for (const c of checks) {
    if (c?.outcome === 'FAIL') return 'FAIL';
    if (c?.outcome === 'MISSING') missing = true;
  }
  return missing ? 'MISSING' : 'PASS';
}

export function ldttRating(ev: Evaluation, rule: RuleDefinition): void {
  ev.pushCheck(rule, checkRating(ev, ev.year, ev.str('LDTT.minRating')));
}
export function ldttService(ev: Evaluation, rule: RuleDefinition): void {
  ev.pushCheck(rule, checkService(ev, ev.year));
}
export function ldttDiscipline(ev: Evaluation, rule: RuleDefinition): void {
  ev.pushCheck(rule, checkDiscipline(ev, ev.year));
}
export function ldttAbsence(ev: Evaluation, rule: RuleDefinition): void {
  const check = checkAbsence(ev, ev.year);
  if (check) ev.pushCheck(rule, check);
}
export function cstdcsAchievement(ev: Evaluation, rule: RuleDefinition): void {
  ev.pushCheck(rule, checkAchievement(ev, ev.year));
}

/** The quota is checked per deciding unit, not per candidate: say what it is. */
export function cstdcsQuota(ev: Evaluation, rule: RuleDefinition): void {
  const share = ev.numOrNull('CSTD_CS.quota.maxShare');
  if (share === null) ev.push(rule, 'INFO', 'elig.cstdcs.quota.none', {});
  else ev.push(rule, 'INFO', 'elig.cstdcs.quota.info', { share: percent(ev.locale, share), rounding: ev.t(`elig.rounding.${ev.str('CSTD_CS.quota.rounding')}`) });
}

export function ratingRule(paramKey: string) {
  return (ev: Evaluation, rule: RuleDefinition): void => {
    ev.pushCheck(rule, checkRating(ev, ev.year, ev.str(paramKey)));
  };
}

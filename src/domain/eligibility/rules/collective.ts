// Collective titles: Tập thể lao động tiên tiến / xuất sắc, Cờ thi đua, and the union's rating-based
// titles. Shares compare with a tolerance of 1e-9 so that 7/10 is exactly 70 %.
import type { Evaluation } from '../context';
import { compareKeys, ids } from '../context';
import { percent } from '../format';
import type { RuleDefinition } from '../types';
import { checkRating } from './individual';

const EPS = 1e-9;

function statsFor(ev: Evaluation, rule: RuleDefinition) {
  // Two figures for one year would be a data error; pick one deterministically, whatever the order.
  let stats: NonNullable<typeof ev.unit>['stats'][number] | undefined;
  for (const s of ev.unit?.stats ?? []) if (s.year === ev.year && (!stats || compareKeys(JSON.stringify(s), JSON.stringify(stats)) < 0)) stats = s;
  if (!stats && !ev.statsMissingSaid) {
    ev.statsMissingSaid = true;
    ev.push(rule, 'MISSING', 'elig.stats.missing', { year: ev.year });
  }
  return stats;
}

export function unitRating(paramKey: string) {
  return (ev: Evaluation, rule: RuleDefinition): void => {
    ev.pushCheck(rule, checkRating(ev, ev.year, ev.str(paramKey)));
  };
}

/** Share of LĐTT among members: strictly above `min` (TTLĐTT) or at least `min` (TTLĐXS). */
function ldttShare(paramKey: string, strict: boolean) {
  return (ev: Evaluation, rule: RuleDefinition): void => {
    const stats = statsFor(ev, rule);
    if (!stats) return;
    const min = ev.num(paramKey);
    const share = stats.members > 0 ? stats.ldtt / stats.members : 0;
    const ok = stats.members > 0 && (strict ? share > min + EPS : share >= min - EPS);
    const params = { year: ev.year, ldtt: stats.ldtt, members: stats.members, share: percent(ev.locale, share), required: percent(ev.locale, min) };
    const kind = strict ? 'above' : 'atLeast';
    ev.push(rule, ok ? 'PASS' : 'FAIL', `elig.ldttShare.${kind}.${ok ? 'pass' : 'fail'}`, params);
  };
}

export const ttldttShare = ldttShare('TTLDTT.minLdttShare', true);
export const ttldxsShare = ldttShare('TTLDXS.minLdttShare', false);

export function ttldttDiscipline(ev: Evaluation, rule: RuleDefinition): void {
  const stats = statsFor(ev, rule);
  if (!stats) return;
  const max = ev.num('TTLDTT.maxDisciplined');
  const params = { year: ev.year, count: stats.disciplinedWarningOrAbove, max };
  const ok = stats.disciplinedWarningOrAbove <= max;
  ev.push(rule, ok ? 'PASS' : 'FAIL', ok ? 'elig.unitDiscipline.pass' : 'elig.unitDiscipline.fail', params);
}

export function ttldxsCompleted(ev: Evaluation, rule: RuleDefinition): void {
  const stats = statsFor(ev, rule);
  if (!stats) return;
  const min = ev.num('TTLDXS.minCompletedShare');
  const share = stats.members > 0 ? stats.completed / stats.members : 0;
  const ok = stats.members > 0 && share >= min - EPS;
  const params = { year: ev.year, completed: stats.completed, members: stats.members, share: percent(ev.locale, share), required: percent(ev.locale, min) };
  ev.push(rule, ok ? 'PASS' : 'FAIL', ok ? 'elig.completed.pass' : 'elig.completed.fail', params);
}

export function ttldxsCstdcs(ev: Evaluation, rule: RuleDefinition): void {
  const stats = statsFor(ev, rule);
  if (!stats) return;
  const min = ev.num('TTLDXS.minCstdcs');
  const ok = stats.cstdcs >= min;
  ev.push(rule, ok ? 'PASS' : 'FAIL', ok ? 'elig.unitCstdcs.pass' : 'elig.unitCstdcs.fail', { year: ev.year, count: stats.cstdcs, min: String(min).padStart(2, '0') });
}

export function clusterLead(paramKey: string) {
  return (ev: Evaluation, rule: RuleDefinition): void => {
    const levels = ev.codes(paramKey);
    const leads = (ev.unit?.clusterLeads ?? [])
      .filter((c) => c.year === ev.year && levels.includes(c.level ?? 'PROVINCE'))
      .sort((a, b) => compareKeys(`${a.level ?? ''}|${a.cluster ?? ''}|${String(a.id ?? '')}`, `${b.level ?? ''}|${b.cluster ?? ''}|${String(b.id ?? '')}`));
    const levelText = levels.map((l) => ev.t(`elig.clusterLevel.${l}`)).join(', ');
    const first = leads[0];
    if (first) ev.push(rule, 'PASS', 'elig.cluster.pass', { year: ev.year, cluster: first.cluster ? `: ${first.cluster}` : '', level: ev.t(`elig.clusterLevel.${first.level ?? 'PROVINCE'}`) }, ids(leads));
    else ev.push(rule, 'FAIL', 'elig.cluster.fail', { year: ev.year, levels: levelText });
  };
}

/** Cờ thi đua Chính phủ goes to the outstanding among holders of a bộ/TLĐ flag (Luật 2022 Điều 25). */
export function cpFlag(ev: Evaluation, rule: RuleDefinition): void {
  const codes = ev.codes('CO_THI_DUA_CP.flagCodes');
  const held = codes.flatMap((c) => ev.awardsOf(c).filter((a) => a.year === ev.year));
  const award = codes.map((c) => ev.awardName(c)).join(', ');
  const first = held[0];
  if (first) ev.push(rule, 'PASS', 'elig.cpFlag.pass', { year: ev.year, award: ev.awardName(first.code) }, ids(held));
  else ev.push(rule, 'INFO', 'elig.cpFlag.provisional', { year: ev.year, award });
  ev.push(rule, 'INFO', 'elig.cpFlag.council', {});
}

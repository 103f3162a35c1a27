// Rules that apply to every target: pending cases, dissolved units, duplicates, the union's
// "overall vs thematic" bar, registration, and the two ND 152/2025 filters on chain evidence.
import type { AwardFact } from '../../../contracts/eligibility';
import type { Evaluation } from '../context';
import { compareKeys, ids } from '../context';
import { nextDay } from '../dates';
import type { ParamValue, RuleDefinition } from '../types';
import { windowFor } from '../window';

/** Targets whose criteria count earlier achievements (chains), and the award codes they count. */
export function chainCodes(ev: Evaluation): string[] {
  return chainCodesFor(ev.target, ev.params);
}

/** The same from the target and resolved parameters (the batch loader reads only these codes and a few more). */
export function chainCodesFor(target: string, params: Readonly<Record<string, ParamValue>>): string[] {
  switch (target) {
    case 'CSTD_BO_TINH':
    case 'BK_BO_TINH':
    case 'BK_TLD':
    case 'BK_LDLD':
      return ['CSTD_CS'];
    case 'CSTD_TQ':
      return ['CSTD_BO_TINH'];
    case 'BK_TTG': {
      const v = params['BK_TTG.priorCodes'];
      return typeof v === 'string' && v !== '' ? v.split(',') : [];
    }
    default:
      return [];
  }
}

export function pending(ev: Evaluation, rule: RuleDefinition): void {
  const open = (ev.req.candidate.pendingCases ?? [])
    .filter((c) => c.openedOn <= ev.ref && (c.closedOn === undefined || c.closedOn > ev.ref))
    .sort((a, b) => compareKeys(`${a.openedOn}|${a.kind}|${a.closedOn ?? ''}|${String(a.id ?? '')}`, `${b.openedOn}|${b.kind}|${b.closedOn ?? ''}|${String(b.id ?? '')}`));
  const first = open[0];
  if (!first) {
    ev.push(rule, 'PASS', 'elig.pending.pass', { date: ev.date(ev.ref) });
    return;
  }
  ev.push(rule, 'FAIL', 'elig.pending.fail', { kind: ev.t(`elig.pendingKind.${first.kind}`), opened: ev.date(first.openedOn), count: open.length }, ids(open));
}

export function dissolved(ev: Evaluation, rule: RuleDefinition): void {
  const unit = ev.unit;
  if (!unit) return;
  const status = unit.status ?? 'ACTIVE';
  if (status === 'ACTIVE') {
    ev.push(rule, 'PASS', 'elig.dissolved.pass', { date: ev.date(ev.ref) });
  } else if (unit.endedOn === undefined) {
    ev.push(rule, 'MISSING', 'elig.dissolved.noDate', { status: ev.t(`elig.orgStatus.${status}`) });
  } else if (unit.endedOn <= ev.ref) {
    ev.push(rule, 'FAIL', 'elig.dissolved.fail', { status: ev.t(`elig.orgStatus.${status}`), date: ev.date(unit.endedOn) });
  } else {
    ev.push(rule, 'PASS', 'elig.dissolved.pass', { date: ev.date(ev.ref) });
  }
}

export function duplicate(ev: Evaluation, rule: RuleDefinition): void {
  const same = ev.awardsOf(ev.target).filter((a) => a.year === ev.year);
  const award = ev.awardName(ev.target);
  const first = same[0];
  if (!first) {
    ev.push(rule, 'PASS', 'elig.duplicate.pass', { award, year: ev.year });
    return;
  }
  const params = { award, year: ev.year, decision: first.decisionNumber ?? '' };
  ev.push(rule, 'FAIL', first.decisionNumber ? 'elig.duplicate.fail' : 'elig.duplicate.failNoDecision', params, ids(same));
}

export function meritVsThematic(ev: Evaluation, rule: RuleDefinition): void {
  if (!ev.bool('COMMON.meritVsThematic.enabled')) return;
  const def = ev.catalogue.get(ev.target);
  if (!def || def.kind !== 'MERIT') return;
  const clash: AwardFact[] = [];
  for (const a of ev.req.candidate.awards ?? []) {
    if (a.year !== ev.year || a.code === ev.target || ev.kindOf(a) !== 'THEMATIC') continue;
    if (ev.catalogue.get(a.code)?.level === def.level) clash.push(a);
  }
  if (clash.length === 0) return;
  clash.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const first = clash[0] as AwardFact;
  ev.push(rule, 'FAIL', 'elig.meritVsThematic.fail', { year: ev.year, award: ev.awardName(first.code) }, ids(clash));
}

export function registration(ev: Evaluation, rule: RuleDefinition): void {
  if (!ev.bool('COMMON.registration.required')) return;
  const found = (ev.req.candidate.registrations ?? []).filter((r) => r.year === ev.year && r.code === ev.target);
  const params = { award: ev.awardName(ev.target), year: ev.year };
  if (found.length > 0) ev.push(rule, 'PASS', 'elig.registration.pass', params, ids(found));
  else ev.push(rule, 'FAIL', 'elig.registration.fail', params);
}

export function notCounted(ev: Evaluation, rule: RuleDefinition): void {
  if (!ev.ignoreThematic) return;
  // Only awards the chain could have counted: those inside the target's history window.
  const window = windowFor(ev.target, ev.params);
  const from = ev.year - window.years + 1;
  const ignored: AwardFact[] = [];
  for (const code of chainCodes(ev)) {
    const anyYear = window.allYearCodes.includes(code);
    for (const a of ev.awardsOf(code)) if (a.year <= ev.year && (anyYear || a.year >= from) && ev.isIgnoredKind(a)) ignored.push(a);
  }
  if (ignored.length === 0) return;
  const awards = ignored.map((a) => `${ev.awardName(a.code)} ${a.year}`).join(', ');
  ev.push(rule, 'INFO', 'elig.notCounted.info', { awards }, ids(ignored));
}

/**
 * The first day achievements count from after discipline (ND 152/2025 Điều 4): the day after the
 * latest end of a discipline that started by the reference date; an open discipline blocks all.
 */
export function computeCountFrom(ev: Evaluation): string | null {
  let latest: string | null = null;
  for (const d of ev.req.candidate.disciplines ?? []) {
    if (d.from > ev.ref) continue;
    const from = d.to === undefined ? '9999-12-31' : nextDay(d.to);
    if (latest === null || from > latest) latest = from;
  }
  return latest;
}

export function disciplineReset(ev: Evaluation, rule: RuleDefinition): void {
  if (ev.countFrom === null || chainCodes(ev).length === 0) return;
  const disciplines = (ev.req.candidate.disciplines ?? []).filter((d) => d.from <= ev.ref);
  if (ev.countFrom === '9999-12-31') {
    const open = disciplines.filter((d) => d.to === undefined).sort((a, b) => compareKeys(a.from, b.from));
    ev.push(rule, 'INFO', 'elig.disciplineReset.open', { from: ev.date((open[0] ?? disciplines[0])?.from ?? ev.ref) }, ids(open));
    return;
  }
  ev.push(rule, 'INFO', 'elig.disciplineReset.info', { date: ev.date(ev.countFrom) }, ids(disciplines));
}

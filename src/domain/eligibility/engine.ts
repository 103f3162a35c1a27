// evaluate(): pick the packs in force on the reference date, run the rules that apply to the
// target, and fold their reasons into a status. Per-target plans are cached with the resolved
// parameters, so a batch of candidates pays only for the rules themselves.
import type { EvaluateRequest, EvaluationResult, ReasonDto } from '../../contracts/eligibility';
import type { EligibilityStatus, Locale } from '../../contracts/enums';
import type { AwardDefinition } from '../catalogue/awards';
import { DEFAULT_AWARDS } from '../catalogue/awards';
import { Evaluation } from './context';
import { render } from './format';
import type { Resolved } from './parameters';
import { resolve, withOverrides } from './parameters';
import { computeCountFrom } from './rules/common';
import type { RuleImpl } from './rules';
import { RULE_IMPLS } from './rules';
import type { EvaluateOptions, ParamValue, RuleDefinition } from './types';

interface Step {
  rule: RuleDefinition;
  impl: RuleImpl;
}

interface Plan {
  /** Common rules, by subject. */
  common: { INDIVIDUAL: Step[]; COLLECTIVE: Step[] };
  specific: Step[];
  paramKeys: string[];
  hasNotCounted: boolean;
  hasDisciplineReset: boolean;
}

const SUBJECT_RULE: RuleDefinition = {
  id: 'COMMON.subject',
  targets: ['*'],
  title: 'elig.rule.COMMON.subject',
  citation: { document: 'Luật Thi đua, khen thưởng số 06/2022/QH15', article: 'Điều 7' },
  verified: true,
  params: [],
};
const NO_RULES: RuleDefinition = {
  id: 'COMMON.noRules',
  targets: ['*'],
  title: 'elig.rule.COMMON.noRules',
  citation: { document: 'Vinh Danh — danh mục quy tắc xét khen thưởng', article: null },
  verified: true,
  params: [],
};

function planFor(resolved: Resolved, target: string): Plan {
  const cached = resolved.plans.get(target) as Plan | undefined;
  if (cached) return cached;
  const plan: Plan = { common: { INDIVIDUAL: [], COLLECTIVE: [] }, specific: [], paramKeys: [], hasNotCounted: false, hasDisciplineReset: false };
  const keys = new Set<string>();
  for (const pack of resolved.packs) {
    for (const rule of pack.rules) {
      const common = rule.targets.includes('*');
      if (!common && !rule.targets.includes(target)) continue;
      const impl = RULE_IMPLS[rule.id];
      if (!impl) throw new Error(`No implementation for rule ${rule.id}`);
      const step = { rule, impl };
      if (common) {
        if (rule.subject !== 'COLLECTIVE') plan.common.INDIVIDUAL.push(step);
        if (rule.subject !== 'INDIVIDUAL') plan.common.COLLECTIVE.push(step);
      } else plan.specific.push(step);
      if (rule.id === 'COMMON.notCounted') plan.hasNotCounted = true;
      if (rule.id === 'COMMON.disciplineReset') plan.hasDisciplineReset = true;
      for (const p of rule.params) keys.add(p.key);
    }
  }
  plan.paramKeys = [...keys];
  resolved.plans.set(target, plan);
  return plan;
}

const catalogueMaps = new WeakMap<readonly AwardDefinition[], ReadonlyMap<string, AwardDefinition>>();
function catalogueMap(catalogue: readonly AwardDefinition[]): ReadonlyMap<string, AwardDefinition> {
  let map = catalogueMaps.get(catalogue);
  if (!map) {
    map = new Map(catalogue.map((a) => [a.code, a]));
    catalogueMaps.set(catalogue, map);
  }
  return map;
}

function statusOf(reasons: readonly ReasonDto[]): EligibilityStatus {
  let missing = false;
  for (const r of reasons) {
    if (r.outcome === 'FAIL') return 'NOT_ELIGIBLE';
    if (r.outcome === 'MISSING') missing = true;
  }
  return missing ? 'MISSING_EVIDENCE' : 'ELIGIBLE';
}

/** `${year}-12-31`: the default reference date, whose rules apply to a nomination for `year`. */
export function defaultReferenceDate(year: number): string {
  return `${year}-12-31`;
}

/**
 * Judge one candidate for one award. The request is trusted to be valid (the caller parsed it with
 * `evaluateRequest`); nothing here throws on well-formed facts.
 */
export function evaluate(req: EvaluateRequest, opts: EvaluateOptions = {}): EvaluationResult {
  const locale: Locale = opts.locale ?? 'vi';
  const ref = req.referenceDate ?? defaultReferenceDate(req.year);
  const resolved = resolve(ref, opts.changes);
  const params = withOverrides(resolved, req.parameters as Record<string, ParamValue> | undefined);
  const catalogue = catalogueMap(opts.catalogue ?? DEFAULT_AWARDS);
  const plan = planFor(resolved, req.target);
  const ev = new Evaluation(req, ref, params, locale, catalogue, opts.texts !== false);
  const subject = req.candidate.subject;
  const def = catalogue.get(req.target);

  if (def && def.subject !== subject) {
    const key = def.subject === 'INDIVIDUAL' ? 'elig.subject.individualOnly' : 'elig.subject.collectiveOnly';
    ev.push(SUBJECT_RULE, 'FAIL', key, { award: ev.awardName(req.target) });
  } else {
    if (plan.hasNotCounted && ev.bool('COMMON.notCounted.enabled')) ev.ignoreThematic = true;
    if (plan.hasDisciplineReset && subject === 'INDIVIDUAL' && ev.bool('COMMON.disciplineReset.enabled')) ev.countFrom = computeCountFrom(ev);
    for (const step of plan.common[subject]) step.impl(ev, step.rule);
    if (plan.specific.length === 0) ev.push(NO_RULES, 'MISSING', 'elig.noRules', { award: ev.awardName(req.target) });
    for (const step of plan.specific) step.impl(ev, step.rule);
  }

  const parameters: Record<string, ParamValue> = {};
  for (const key of plan.paramKeys) parameters[key] = params[key] ?? null;
  return {
    target: req.target,
    year: req.year,
    referenceDate: ref,
    status: statusOf(ev.reasons),
    rulePacks: resolved.packs.map((p) => ({ id: p.id, name: render(locale, p.nameKey) })),
    reasons: ev.reasons,
    parameters,
  };
}

/** The text of a reason evaluated with `texts: false`, rendered on demand. */
export function reasonText(reason: Pick<ReasonDto, 'messageKey' | 'params' | 'text'>, locale: Locale = 'vi'): string {
  return reason.text !== '' ? reason.text : render(locale, reason.messageKey, reason.params);
}

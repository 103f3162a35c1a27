// The eligibility engine: pure functions from facts to a verdict with reasons. The server, the CLI
// and the browser call only what is exported here. See docs/eligibility.md.
import { RULE_IMPLS } from './rules';
import { RULE_PACKS } from './packs';

export type { EvaluateOptions, ParamDefinition, ParamType, ParamValue, ParameterChange, Quota, QuotaRounding, RuleDefinition, RulePack, Citation } from './types';
export { evaluate, defaultReferenceDate, reasonText } from './engine';
export { RULE_PACKS, packsInForce } from './packs';
export { resolveParameters, describePacks, findParameter, validateParameterValue } from './parameters';
export { quotaFor, quotaAllowed } from './quota';
export { historyWindow, windowedFacts, type HistoryWindow } from './window';

let targets: string[] | undefined;

/** Award codes that have rules of their own in some pack (other codes answer "no rules"). */
export function supportedTargets(): string[] {
  if (!targets) {
    const set = new Set<string>();
    for (const pack of RULE_PACKS) for (const rule of pack.rules) for (const t of rule.targets) if (t !== '*' && RULE_IMPLS[rule.id]) set.add(t);
    targets = [...set].sort();
  }
  return [...targets];
}

// Scoring one sheet (phiếu chấm điểm) against a template: validate each entry, total the sections with
// their caps, and list the criteria scored below a share of their maximum (for the classification's
// extra condition). Pure and allocation-light: the server scores thousands of sheets per request.
import { msg, type ScoringMessage } from './messages';
import { fromUnits, toUnits } from './points';
import { applicableCriteria, hasVariantCriteria, validateTemplate, type Criterion, type ScorecardTemplate, type SectionKind, type UnitVariant } from './template';

export type SheetEntries = ReadonlyMap<string, number | null>;

export interface CriterionResult {
  code: string;
  sectionCode: string;
  maxPoints: number;
  /** The entry if it is valid; null when missing or rejected (then it counts as 0 and `problem` says why). */
  points: number | null;
  problem?: ScoringMessage;
}

export interface SectionResult {
  code: string;
  kind: SectionKind;
  maxPoints: number;
  /** Sum of the accepted entries before the cap. */
  rawPoints: number;
  /** min(rawPoints, maxPoints); for a DEDUCTION section this is the amount subtracted. */
  points: number;
}

export interface SheetResult {
  templateCode: string;
  templateVersion: number;
  variant: UnitVariant | null;
  criteria: CriterionResult[];
  sections: SectionResult[];
  regularTotal: number;
  bonusTotal: number;
  deductionTotal: number;
  /** clamp(regular + bonus − deduction, 0, template total). */
  total: number;
  maxTotal: number;
  /** Entry problems, unknown or inapplicable codes, a missing unit type, an invalid template. */
  problems: ScoringMessage[];
  /** No problem at all: every applicable criterion has a valid entry. */
  complete: boolean;
  /** REGULAR criteria whose points (missing = 0) are strictly below `belowShare` × their maximum. */
  criteriaBelowShare: string[];
}

export interface ScoreOptions {
  /** Share of a criterion's maximum below which it is listed (default 0.5; null = list nothing). */
  belowShare?: number | null;
}

interface PlanItem {
  criterion: Criterion;
  section: number;
  max: number;
  step: number;
  regular: boolean;
}
interface Plan {
  items: PlanItem[];
  codes: Set<string>;
  applicable: Set<string>;
  templateProblems: boolean;
  needsVariant: boolean;
}

// Templates are immutable once published (a change is a new version), so a plan per object is safe.
const plans = new WeakMap<ScorecardTemplate, Map<UnitVariant | null, Plan>>();

function planFor(t: ScorecardTemplate, variant: UnitVariant | null): Plan {
  let byVariant = plans.get(t);
  if (!byVariant) plans.set(t, (byVariant = new Map()));
  const cached = byVariant.get(variant);
  if (cached) return cached;
  const sectionIndex = new Map(t.sections.map((s, i) => [s, i]));
  const items = applicableCriteria(t, variant).map(({ section, criterion }) => ({
    criterion,
    section: sectionIndex.get(section)!,
    max: toUnits(criterion.maxPoints) ?? 0,
    step: toUnits(criterion.step) ?? 0,
    regular: section.kind === 'REGULAR',
  }));
  const plan: Plan = {
    items,
    codes: new Set(t.sections.flatMap((s) => s.criteria.map((c) => c.code))),
    applicable: new Set(items.map((i) => i.criterion.code)),
    templateProblems: validateTemplate(t).length > 0,
    needsVariant: !t.unitVariant && variant === null && hasVariantCriteria(t),
  };
  byVariant.set(variant, plan);
  return plan;
}

function checkEntry(item: PlanItem, value: number | null | undefined): { units: number | null; problem?: ScoringMessage } {
  const c = item.criterion;
  if (value === null || value === undefined) return { units: null, problem: msg('scoring.sheet.missing', { criterion: c.code }) };
  const units = toUnits(value);
  if (units !== null && units < 0) return { units: null, problem: msg('scoring.sheet.negative', { criterion: c.code, points: value }) };
  if (units !== null && units > item.max) return { units: null, problem: msg('scoring.sheet.aboveMax', { criterion: c.code, points: value, max: c.maxPoints }) };
  if (units === null || item.step <= 0 || units % item.step !== 0) return { units: null, problem: msg('scoring.sheet.offStep', { criterion: c.code, points: value, step: c.step }) };
  return { units };
}

/** Score one sheet. `variant` is the unit type of the scored unit (ignored when the template has its own). */
export function scoreSheet(t: ScorecardTemplate, entries: SheetEntries, variant: UnitVariant | null = null, options: ScoreOptions = {}): SheetResult {
  const effective = t.unitVariant ?? variant;
  const plan = planFor(t, effective);
  const share = options.belowShare === undefined ? 0.5 : options.belowShare;
  // Compare points < share × max exactly: share in thousandths, points and max in hundredths.
  const shareMilli = share === null ? null : Math.round(share * 1000);
  const problems: ScoringMessage[] = [];
  if (plan.templateProblems) problems.push(msg('scoring.sheet.templateInvalid', { template: t.code, version: t.version }));
  if (plan.needsVariant) problems.push(msg('scoring.sheet.variantRequired', { template: t.code }));

  const raw = new Array<number>(t.sections.length).fill(0);
  const criteria: CriterionResult[] = [];
  const below: string[] = [];
  for (const item of plan.items) {
    const { units, problem } = checkEntry(item, entries.get(item.criterion.code));
    if (units !== null) raw[item.section]! += units;
    if (problem) problems.push(problem);
    const r: CriterionResult = { code: item.criterion.code, sectionCode: t.sections[item.section]!.code, maxPoints: item.criterion.maxPoints, points: units === null ? null : fromUnits(units) };
    if (problem) r.problem = problem;
    criteria.push(r);
    if (item.regular && shareMilli !== null && (units ?? 0) * 1000 < shareMilli * item.max) below.push(item.criterion.code);
  }
  // Sorted so that the problems do not depend on the order the entries were given in.
  for (const code of [...entries.keys()].filter((k) => !plan.applicable.has(k)).sort()) {
    problems.push(plan.codes.has(code) ? msg('scoring.sheet.notApplicable', { criterion: code, variant: effective ?? 'ALL' }) : msg('scoring.sheet.unknownCriterion', { criterion: code }));
  }

  let regular = 0;
  let bonus = 0;
  let deduction = 0;
  const sections: SectionResult[] = t.sections.map((s, i) => {
    const max = toUnits(s.maxPoints) ?? 0;
    const capped = Math.min(raw[i]!, max);
    if (s.kind === 'REGULAR') regular += capped;
    else if (s.kind === 'BONUS') bonus += capped;
    else deduction += capped;
    return { code: s.code, kind: s.kind, maxPoints: s.maxPoints, rawPoints: fromUnits(raw[i]!), points: fromUnits(capped) };
  });
  const maxTotal = toUnits(t.totalPoints) ?? 0;
  const total = Math.max(0, Math.min(maxTotal, regular + bonus - deduction));
  return {
    templateCode: t.code,
    templateVersion: t.version,
    variant: effective,
    criteria,
    sections,
    regularTotal: fromUnits(regular),
    bonusTotal: fromUnits(bonus),
    deductionTotal: fromUnits(deduction),
    total: fromUnits(total),
    maxTotal: fromUnits(maxTotal),
    problems,
    complete: problems.length === 0,
    criteriaBelowShare: below,
  };
}

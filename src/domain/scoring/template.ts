// Scorecard templates (mẫu bảng chấm điểm): sections of criteria with maximum points, bonus and
// deduction sections, scoring guidance, required evidence, decimal steps and unit-type variants.
// A template is identified by (code, version) and is immutable once used: a change is a new version.
import { msg, type ScoringMessage } from './messages';
import { toUnits } from './points';

export type UnitVariant = 'STATE' | 'ENTERPRISE';
export const UNIT_VARIANTS: readonly UnitVariant[] = ['STATE', 'ENTERPRISE'];
export type SectionKind = 'REGULAR' | 'BONUS' | 'DEDUCTION';
/** Who scores a sheet of this template, in order (e.g. member: tự chấm, then tổ công đoàn chấm). */
export type ScoringStage = 'SELF' | 'GROUP' | 'UPPER' | 'COUNCIL';

export interface Criterion {
  code: string;
  text: string;
  maxPoints: number;
  /** Smallest increment a scorer may give (0.25, 0.5, 1 …); must divide maxPoints. */
  step: number;
  guidance?: string;
  /** What evidence is required (minh chứng). */
  evidence?: string;
  evidenceRequired: boolean;
  /** Only for these unit types; absent or empty = for every unit type. */
  variants?: readonly UnitVariant[];
}

export interface Section {
  code: string;
  title: string;
  kind: SectionKind;
  /** REGULAR: the section's points; BONUS: cap on the bonus; DEDUCTION: cap on what is subtracted. */
  maxPoints: number;
  /**
   * How the criteria maxima relate to maxPoints. 'EQUAL' (default for REGULAR): they sum to it, for
   * every unit type. 'CAPPED' (default for BONUS and DEDUCTION): they may sum to more, the section
   * total is capped at maxPoints (but never to less, or the cap could not be reached).
   */
  criteriaSum?: 'EQUAL' | 'CAPPED';
  criteria: readonly Criterion[];
}

export interface ScorecardTemplate {
  code: string;
  version: number;
  nameVi: string;
  nameEn?: string;
  subject: 'UNIT' | 'PERSON';
  /** Set when the whole template is for one unit type; null/absent when criteria carry variants. */
  unitVariant?: UnitVariant | null;
  /** Organisation kinds a round scores when it names no units (unit templates); absent = CDCS, NGHIEP_DOAN. */
  unitKinds?: readonly string[];
  /** Maximum grand total; REGULAR + BONUS section maxima sum to it (e.g. 40 + 40 + 15 + 5 = 100). */
  totalPoints: number;
  stages?: readonly ScoringStage[];
  /** Where the content comes from, and what is assumed (shown to administrators). */
  source?: string;
  sections: readonly Section[];
}

export type TemplateProblem = ScoringMessage;

/** Does the criterion apply to a unit of this type (null = type unknown: only common criteria)? */
export function criterionApplies(c: Criterion, variant: UnitVariant | null): boolean {
  if (!c.variants || c.variants.length === 0) return true;
  return variant !== null && c.variants.includes(variant);
}

/** True when some criterion depends on the unit type, so a sheet must say which type it scores. */
export function hasVariantCriteria(t: ScorecardTemplate): boolean {
  return t.sections.some((s) => s.criteria.some((c) => (c.variants?.length ?? 0) > 0));
}

/** Unit types for which the section sums are checked: the template's own, both, or "any". */
export function variantsToCheck(t: ScorecardTemplate): (UnitVariant | null)[] {
  if (t.unitVariant) return [t.unitVariant];
  return hasVariantCriteria(t) ? [...UNIT_VARIANTS] : [null];
}

export const sectionSumRule = (s: Section): 'EQUAL' | 'CAPPED' => s.criteriaSum ?? (s.kind === 'REGULAR' ? 'EQUAL' : 'CAPPED');

const positiveUnits = (x: number): number | null => {
  const u = toUnits(x);
  return u !== null && u > 0 ? u : null;
};

/** Every problem of a template; [] means it can be published and used for scoring. */
export function validateTemplate(t: ScorecardTemplate): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!t.code.trim()) out.push(msg('scoring.template.codeMissing'));
  if (!Number.isInteger(t.version) || t.version < 1) out.push(msg('scoring.template.versionInvalid', { version: t.version }));
  if (t.subject === 'PERSON' && t.unitVariant) out.push(msg('scoring.template.personWithVariant'));
  if (t.sections.length === 0) out.push(msg('scoring.template.noSections'));
  const total = positiveUnits(t.totalPoints);
  if (total === null) out.push(msg('scoring.template.totalInvalid', { total: t.totalPoints }));

  const sectionCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  const variants = variantsToCheck(t);
  let declared = 0;
  for (const s of t.sections) {
    if (sectionCodes.has(s.code)) out.push(msg('scoring.section.duplicateCode', { section: s.code }));
    sectionCodes.add(s.code);
    const max = positiveUnits(s.maxPoints);
    if (max === null) out.push(msg('scoring.section.maxInvalid', { section: s.code, max: s.maxPoints }));
    else if (s.kind !== 'DEDUCTION') declared += max;
    if (s.criteria.length === 0) out.push(msg('scoring.section.empty', { section: s.code }));

    for (const c of s.criteria) {
      if (criterionCodes.has(c.code)) out.push(msg('scoring.criterion.duplicateCode', { criterion: c.code }));
      criterionCodes.add(c.code);
      const cmax = positiveUnits(c.maxPoints);
      const step = positiveUnits(c.step);
      if (cmax === null) out.push(msg('scoring.criterion.maxInvalid', { criterion: c.code, max: c.maxPoints }));
      if (step === null) out.push(msg('scoring.criterion.stepInvalid', { criterion: c.code, step: c.step }));
      if (cmax !== null && step !== null && cmax % step !== 0) out.push(msg('scoring.criterion.stepNotDividing', { criterion: c.code, step: c.step, max: c.maxPoints }));
      if (cmax !== null && max !== null && cmax > max) out.push(msg('scoring.criterion.maxAboveSection', { criterion: c.code, max: c.maxPoints, section: s.code, sectionMax: s.maxPoints }));
      if (!variants.some((v) => criterionApplies(c, v))) out.push(msg('scoring.criterion.variantUnreachable', { criterion: c.code }));
    }

    if (max === null || s.criteria.length === 0) continue;
    for (const v of variants) {
      let sum = 0;
      for (const c of s.criteria) if (criterionApplies(c, v)) sum += positiveUnits(c.maxPoints) ?? 0;
      const variant = v ?? 'ALL';
      if (sectionSumRule(s) === 'EQUAL' && sum !== max) out.push(msg('scoring.section.sumMismatch', { section: s.code, variant, sum: sum / 100, max: s.maxPoints }));
      if (sectionSumRule(s) === 'CAPPED' && sum < max) out.push(msg('scoring.section.capUnreachable', { section: s.code, variant, sum: sum / 100, max: s.maxPoints }));
    }
  }
  if (total !== null && t.sections.length > 0 && declared !== total) out.push(msg('scoring.template.totalMismatch', { total: t.totalPoints, sum: declared / 100 }));
  return out;
}

/** The criteria a unit of this type is scored on, in template order, with their section. */
export function applicableCriteria(t: ScorecardTemplate, variant: UnitVariant | null): { section: Section; criterion: Criterion }[] {
  const v = t.unitVariant ?? variant;
  const out: { section: Section; criterion: Criterion }[] = [];
  for (const section of t.sections) for (const criterion of section.criteria) if (criterionApplies(criterion, v)) out.push({ section, criterion });
  return out;
}

/** "CODE@version": the identity of a template version (a sheet records which one it was scored on). */
export const templateKey = (t: Pick<ScorecardTemplate, 'code' | 'version'>): string => `${t.code}@${t.version}`;

/** Deep-freeze a template: a published version is never edited in place (scoring caches rely on it). */
export function freezeTemplate<T extends ScorecardTemplate>(t: T): T {
  for (const s of t.sections) {
    for (const c of s.criteria) {
      if (c.variants) Object.freeze(c.variants);
      Object.freeze(c);
    }
    Object.freeze(s.criteria);
    Object.freeze(s);
  }
  if (t.stages) Object.freeze(t.stages);
  Object.freeze(t.sections);
  return Object.freeze(t);
}

/** Start the next version of a template: an unfrozen deep copy with version + 1, to edit and validate. */
export function reviseTemplate(t: ScorecardTemplate): ScorecardTemplate {
  return { ...structuredClone(t), version: t.version + 1 };
}

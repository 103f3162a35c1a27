// Shapes of rule packs, rules and parameters. A pack is metadata (what the rules are, where they come
// from, which parameters they read); the behaviour lives in ./rules, keyed by rule id.
import type { AwardDefinition } from '../catalogue/awards';

export type ParamValue = number | boolean | string | null;
export type ParamType = 'integer' | 'number' | 'share' | 'boolean' | 'enum' | 'codes';

export interface ParamDefinition {
  key: string;
  type: ParamType;
  defaultValue: ParamValue;
  /** Inclusive bounds for integer, number and share. */
  min?: number;
  max?: number;
  /** Allowed values of an enum. */
  values?: readonly string[];
  /** True when null ("off") is an accepted value. */
  nullable?: boolean;
}

export interface Citation {
  document: string;
  article: string | null;
}

export interface RuleDefinition {
  id: string;
  /** Award codes the rule judges; `*` = every target (common rules). */
  targets: readonly string[];
  /** Common rules that only make sense for one kind of subject. */
  subject?: 'INDIVIDUAL' | 'COLLECTIVE';
  /** Catalogue key of the rule title. */
  title: string;
  citation: Citation;
  /** True only where ../shared/domain/RULES.md tags the rule [confirmed] for this pack's texts. */
  verified: boolean;
  params: readonly ParamDefinition[];
}

export interface RulePack {
  id: string;
  kind: 'STATE' | 'UNION';
  /** Catalogue key of the pack name. */
  nameKey: string;
  validFrom: string;
  validTo: string | null;
  sources: readonly string[];
  rules: readonly RuleDefinition[];
}

/** An administrator's change of a parameter, stored in the database. */
export interface ParameterChange {
  packId: string;
  key: string;
  value: ParamValue;
  effectiveFrom: string;
}

export interface EvaluateOptions {
  locale?: 'vi' | 'en';
  changes?: readonly ParameterChange[];
  catalogue?: readonly AwardDefinition[];
  /**
   * Render each reason's `text` (default true). A batch that shows one line per candidate turns it
   * off and renders only the reason it shows (`reasonText`); statuses and reasons are unchanged.
   */
  texts?: boolean;
}

export type QuotaRounding = 'FLOOR' | 'ROUND' | 'CEIL';
export interface Quota {
  baseTarget: string;
  maxShare: number;
  rounding: QuotaRounding;
}

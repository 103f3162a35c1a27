// Parameter resolution: default → latest administrator change in force on the reference date →
// what-if override. Resolution is memoised per (date, changes array) because the server evaluates
// many candidates against the same date and the same list of changes.
import type { Locale } from '../../contracts/enums';
import type { RulePackDto } from '../../contracts/eligibility';
import { render } from './format';
import { RULE_PACKS, packsInForce } from './packs';
import type { ParamDefinition, ParamValue, ParameterChange, RulePack } from './types';

export interface Resolved {
  date: string;
  packs: RulePack[];
  params: Record<string, ParamValue>;
  /** key → effectiveFrom of the change in force, for keys whose value is not the default. */
  changedFrom: Map<string, string>;
  /** Per-target plans, filled lazily by the engine. */
  plans: Map<string, unknown>;
}

const definitions = new Map<string, ParamDefinition>();
for (const pack of RULE_PACKS) {
  for (const rule of pack.rules) for (const def of rule.params) definitions.set(`${pack.id}|${def.key}`, def);
}

/** The definition of a parameter of a pack: the server validates administrators' changes with it. */
export function findParameter(packId: string, key: string): ParamDefinition | undefined {
  return definitions.get(`${packId}|${key}`);
}

const CODES = /^[A-Z0-9_]+(,[A-Z0-9_]+)*$/;

export function validateParameterValue(def: ParamDefinition, value: ParamValue): boolean {
  if (value === null) return def.nullable === true;
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (def.values ?? []).includes(value);
    case 'codes':
      return typeof value === 'string' && (value === '' || CODES.test(value));
    case 'integer':
    case 'number':
    case 'share': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (def.type === 'integer' && !Number.isInteger(value)) return false;
      const min = def.type === 'share' ? Math.max(0, def.min ?? 0) : def.min;
      const max = def.type === 'share' ? Math.min(1, def.max ?? 1) : def.max;
      return (min === undefined || value >= min) && (max === undefined || value <= max);
    }
  }
}

function build(date: string, changes: readonly ParameterChange[] | undefined): Resolved {
  const packs = packsInForce(date);
  const params: Record<string, ParamValue> = {};
  const changedFrom = new Map<string, string>();
  for (const pack of packs) {
    for (const rule of pack.rules) for (const def of rule.params) params[def.key] = def.defaultValue;
  }
  if (changes) {
    const best = new Map<string, ParameterChange>();
    for (const change of changes) {
      if (change.effectiveFrom > date) continue;
      const pack = packs.find((p) => p.id === change.packId);
      const def = pack && findParameter(pack.id, change.key);
      if (!def || !validateParameterValue(def, change.value)) continue;
      const current = best.get(change.key);
      // Ties keep the later entry of the list (the server lists changes in the order they were made).
      if (!current || change.effectiveFrom >= current.effectiveFrom) best.set(change.key, change);
    }
    for (const [key, change] of best) {
      params[key] = change.value;
      changedFrom.set(key, change.effectiveFrom);
    }
  }
  return { date, packs, params, changedFrom, plans: new Map() };
}

const NO_CHANGES: readonly ParameterChange[] = [];
const cache = new WeakMap<readonly ParameterChange[], Map<string, Resolved>>();
const MAX_DATES = 512;

/** Memoised by reference date and by the identity of the `changes` array. */
export function resolve(date: string, changes?: readonly ParameterChange[]): Resolved {
  const keyList = changes ?? NO_CHANGES;
  let byDate = cache.get(keyList);
  if (!byDate) {
    byDate = new Map();
    cache.set(keyList, byDate);
  }
  let resolved = byDate.get(date);
  if (!resolved) {
    if (byDate.size >= MAX_DATES) byDate.clear();
    resolved = build(date, changes);
    byDate.set(date, resolved);
  }
  return resolved;
}

/** Apply what-if overrides (bare keys); unknown keys and invalid values are ignored. */
export function withOverrides(resolved: Resolved, whatIf: Record<string, ParamValue> | undefined): Record<string, ParamValue> {
  if (!whatIf) return resolved.params;
  let params: Record<string, ParamValue> | undefined;
  for (const key of Object.keys(whatIf)) {
    if (!(key in resolved.params)) continue;
    const value = whatIf[key] as ParamValue;
    const def = resolved.packs.map((p) => findParameter(p.id, key)).find((d) => d !== undefined);
    if (!def || !validateParameterValue(def, value)) continue;
    params ??= { ...resolved.params };
    params[key] = value;
  }
  return params ?? resolved.params;
}

/** Flat map key → value for the packs in force on `date`. */
export function resolveParameters(
  date: string,
  changes?: readonly ParameterChange[],
  whatIf?: Record<string, ParamValue>,
): Record<string, ParamValue> {
  return { ...withOverrides(resolve(date, changes), whatIf) };
}

/** The packs in force on `date` as the "rules" page shows them. */
export function describePacks(date: string, changes?: readonly ParameterChange[], locale: Locale = 'vi'): RulePackDto[] {
  const resolved = resolve(date, changes);
  return resolved.packs.map((pack) => ({
    id: pack.id,
    name: render(locale, pack.nameKey),
    validFrom: pack.validFrom,
    validTo: pack.validTo,
    sources: [...pack.sources],
    rules: pack.rules.map((rule) => ({
      id: rule.id,
      title: render(locale, rule.title),
      targets: [...rule.targets],
      citation: { ...rule.citation },
      verified: rule.verified,
      params: rule.params.map((def) => ({
        key: def.key,
        value: resolved.params[def.key] ?? null,
        defaultValue: def.defaultValue,
        type: def.type,
        changedFrom: resolved.changedFrom.get(def.key) ?? null,
      })),
    })),
  }));
}

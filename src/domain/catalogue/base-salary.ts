// Mức lương cơ sở (statutory base salary), effective-dated. Reward money = coefficient × base salary.
// Sources: ../shared/domain/RULES.md §14.2 (ND 24/2023, ND 73/2024, ND 161/2026).

export interface BaseSalaryStep {
  effectiveFrom: string; // ISO date
  amountVnd: number;
  source: string;
}

export const DEFAULT_BASE_SALARIES: readonly BaseSalaryStep[] = [
  { effectiveFrom: '2023-07-01', amountVnd: 1_800_000, source: 'Nghị định 24/2023/NĐ-CP' },
  { effectiveFrom: '2024-07-01', amountVnd: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP' },
  { effectiveFrom: '2026-07-01', amountVnd: 2_530_000, source: 'Nghị định 161/2026/NĐ-CP' },
];

/** The step in force on `date` (ISO), or undefined before the first step. */
export function baseSalaryOn(date: string, steps: readonly BaseSalaryStep[] = DEFAULT_BASE_SALARIES): BaseSalaryStep | undefined {
  let found: BaseSalaryStep | undefined;
  for (const step of steps) {
    if (step.effectiveFrom <= date && (!found || step.effectiveFrom > found.effectiveFrom)) found = step;
  }
  return found;
}

export const MONEY_ROUNDINGS = ['NONE', 'UP_TO_THOUSAND', 'UP_TO_TEN_THOUSAND'] as const;
export type MoneyRounding = (typeof MONEY_ROUNDINGS)[number];

/**
 * Reward money in whole đồng. Older decrees rounded the product up to the next ten thousand đồng;
 * whether ND 152/2025 keeps that is uncertain, so the rounding is a rule-pack parameter.
 * Integer arithmetic: the coefficient is taken in hundredths to avoid binary-float error.
 */
export function rewardAmount(coefficient: number, baseSalaryVnd: number, rounding: MoneyRounding): number {
  const hundredths = Math.round(coefficient * 100);
  const raw = (hundredths * baseSalaryVnd) / 100;
  const exact = Math.ceil(raw - 1e-9);
  if (rounding === 'NONE') return exact;
  const unit = rounding === 'UP_TO_THOUSAND' ? 1_000 : 10_000;
  return Math.ceil(exact / unit) * unit;
}

/** An organisation's rate for an award without a State coefficient: a coefficient or a fixed amount. */
export interface RateValue {
  coefficient: number | null;
  amountVnd: number | null;
}

/**
 * The money of one decision line. The State coefficient wins when the award has one (the law fixes
 * it); otherwise the organisation's rate applies: a coefficient × base salary (rounded like the
 * State money) or a fixed amount (paid as set). No coefficient, no rate, or no base salary for a
 * coefficient: no money.
 */
export function lineMoney(stateCoefficient: number | null, rate: RateValue | null, baseSalaryVnd: number | null, rounding: MoneyRounding): { coefficient: number | null; amountVnd: number | null } {
  const coefficient = stateCoefficient ?? rate?.coefficient ?? null;
  if (coefficient !== null) return { coefficient, amountVnd: baseSalaryVnd === null ? null : rewardAmount(coefficient, baseSalaryVnd, rounding) };
  return { coefficient: null, amountVnd: rate?.amountVnd ?? null };
}

/** Whether a line needs the base salary to be priced. */
export const needsBaseSalary = (stateCoefficient: number | null, rate: RateValue | null): boolean => stateCoefficient !== null || (rate?.coefficient ?? null) !== null;

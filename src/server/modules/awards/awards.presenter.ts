import type { AwardItem, BaseSalaryItem } from '../../../contracts/awards';
import { baseSalaryOn, rewardAmount, type BaseSalaryStep } from '../../../domain/catalogue/base-salary';
import type { AuthActor } from '../../lib/actor';
import { catalogAbilities } from './awards.policy';
import type { AwardRow, BaseSalaryRow } from './awards.repository';

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function presentAward(actor: AuthActor, a: AwardRow, steps: readonly BaseSalaryStep[], today = todayIso()): AwardItem {
  const base = baseSalaryOn(today, steps);
  const coefficient = a.coefficient === null ? null : Number(a.coefficient);
  return {
    code: a.code,
    nameVi: a.name_vi,
    nameEn: a.name_en,
    category: a.category,
    subject: a.subject,
    kind: a.kind,
    level: a.level,
    grantingOrgKinds: a.granting_org_kinds,
    coefficient,
    uncertain: a.uncertain,
    sortOrder: Number(a.sort_order),
    active: a.active,
    description: a.description,
    version: Number(a.version),
    rewardVnd: coefficient === null || !base ? null : rewardAmount(coefficient, base.amountVnd, 'NONE'),
    abilities: catalogAbilities(actor),
  };
}

export function presentBaseSalary(s: BaseSalaryRow, currentId: number | null): BaseSalaryItem {
  return {
    id: Number(s.id),
    effectiveFrom: s.effective_from,
    amountVnd: Number(s.amount_vnd),
    source: s.source,
    status: s.status,
    supersededBy: s.superseded_by === null ? null : Number(s.superseded_by),
    reason: s.reason,
    createdAt: s.created_at,
    current: Number(s.id) === currentId,
  };
}

import type { OrgSummary } from '../../../contracts/organisations';
import type { Sector, OrgStatus } from '../../../contracts/enums';
import type { AuthActor } from '../../lib/actor';
import { orgAbilities } from '../../lib/policy';
import type { OrgRow } from './organisations.repository';

export function presentOrgSummary(actor: AuthActor, o: OrgRow): OrgSummary {
  return {
    id: Number(o.id),
    code: o.code,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    sector: o.sector as Sector | null,
    parentId: o.parent_id === null ? null : Number(o.parent_id),
    status: o.status as OrgStatus,
    validFrom: o.valid_from,
    validTo: o.valid_to,
    childCount: Number(o.child_count),
    memberCount: Number(o.member_count),
    abilities: orgAbilities(actor, o),
  };
}

import type { MemberDetail, MemberListItem } from '../../../contracts/members';
import type { AuthActor } from '../../lib/actor';
import { memberAbilities, memberPolicy } from '../../lib/policy';
import type { MemberRow } from './members.repository';

const subject = (m: MemberRow) => ({ id: Number(m.id), orgPath: m.org_path, status: m.status });

export function presentMemberItem(actor: AuthActor, m: MemberRow): MemberListItem {
  return {
    id: Number(m.id),
    memberCode: m.member_code,
    fullName: m.full_name,
    gender: m.gender,
    birthDate: m.birth_date,
    position: m.position,
    isLeader: m.is_leader,
    isDirectWorker: m.is_direct_worker,
    status: m.status,
    orgId: m.org_id === null ? null : Number(m.org_id),
    orgName: m.org_name,
    abilities: memberAbilities(actor, subject(m)),
  };
}

export function presentMemberDetail(
  actor: AuthActor,
  m: MemberRow,
  memberships: MemberDetail['memberships'],
  offices: MemberDetail['offices'],
): MemberDetail {
  const personal = memberPolicy.readPersonal(actor, subject(m));
  return {
    ...presentMemberItem(actor, m),
    cccd: personal ? m.cccd : null,
    phone: personal ? m.phone : null,
    email: personal ? m.email : null,
    ethnicity: m.ethnicity,
    joinedUnionOn: m.joined_union_on,
    serviceStartDate: m.service_start_date,
    educationLevel: m.education_level,
    unionWorkCategory: m.union_work_category,
    unionWorkYearsBefore: m.union_work_years_before === null ? null : Number(m.union_work_years_before),
    memberships,
    offices,
  };
}

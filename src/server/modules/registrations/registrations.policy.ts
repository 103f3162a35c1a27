// Who may do what with a registration. The unit's managers (and the member for themself) register,
// correct and withdraw until the superior approves; a manager of an organisation strictly above the
// unit reviews. Reading follows the unit's subtree; a member reads their own.
import type { AuthActor } from '../../lib/actor';
import { covers, coversStrictly, MANAGE_ROLES, READ_ROLES } from '../../lib/policy';
import type { RegistrationRow } from './registrations.repository';

const holds = (a: AuthActor, roles: readonly string[], path: string, strict: boolean) =>
  a.roles.some((r) => roles.includes(r.role) && (strict ? coversStrictly(r.orgPath, path) : covers(r.orgPath, path)));

type Subject = Pick<RegistrationRow, 'person_id' | 'unit_path'>;
const isOwn = (a: AuthActor, r: Pick<RegistrationRow, 'person_id'>) => r.person_id !== null && a.personId !== null && Number(r.person_id) === a.personId;

export const registrationPolicy = {
  read: (a: AuthActor, r: Subject) => isOwn(a, r) || holds(a, READ_ROLES, r.unit_path, false),
  /** Register, correct, withdraw: managers of the unit, or the member for their own registration. */
  write: (a: AuthActor, r: Subject) => isOwn(a, r) || holds(a, MANAGE_ROLES, r.unit_path, false),
  /** Approve or return: a manager of an organisation strictly above the unit. */
  review: (a: AuthActor, r: Subject) => holds(a, MANAGE_ROLES, r.unit_path, true),
};

export function registrationAbilities(a: AuthActor, r: RegistrationRow): string[] {
  if (r.status !== 'ACTIVE') return [];
  const out: string[] = [];
  const reviews = registrationPolicy.review(a, r);
  if (r.review_status === 'SUBMITTED' && reviews) out.push('registration.approve', 'registration.return');
  if (r.review_status !== 'APPROVED' && registrationPolicy.write(a, r)) out.push('registration.update', 'registration.withdraw');
  else if (r.review_status === 'APPROVED' && reviews) out.push('registration.withdraw');
  return out;
}

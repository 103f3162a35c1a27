// Who may read and keep records. Reading follows the subject: a person's records are read by whoever
// may read the person (the person included), a unit's by whoever may read the unit. Keeping them
// needs a managing role (TDKT_OFFICER, CDCS_OFFICER, SYSTEM_ADMIN) over the subject's current unit.
import type { AuthActor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { covers, ensure, MANAGE_ROLES, memberPolicy, orgPolicy, scopePaths } from '../../lib/policy';

export type RecordSubject =
  | { type: 'PERSON'; personId: number; orgId: number | null; path: string | null; status: string }
  | { type: 'UNIT'; orgId: number; path: string; status: string };

export const recordPolicy = {
  read: (a: AuthActor, s: RecordSubject) =>
    s.type === 'PERSON' ? memberPolicy.read(a, { id: s.personId, orgPath: s.path, status: s.status }) : orgPolicy.read(a, { path: s.path, status: s.status }),
  write: (a: AuthActor, s: RecordSubject) => s.path !== null && scopePaths(a, MANAGE_ROLES).some((p) => covers(p, s.path!)),
};

/** 404 when the subject is out of reading scope, 403 when it is visible but not writable. */
export function authorizeWrite(a: AuthActor, s: RecordSubject): void {
  ensure(recordPolicy.read(a, s));
  if (!recordPolicy.write(a, s)) throw new AppError('FORBIDDEN');
}

export function recordAbilities(a: AuthActor, s: RecordSubject, r: { status: string; kind: string; closedOn?: unknown }): string[] {
  if (r.status !== 'ACTIVE' || !recordPolicy.write(a, s)) return [];
  const out = ['revoke', 'supersede'];
  if (r.kind === 'PENDING_CASE' && !r.closedOn) out.push('close');
  return out;
}

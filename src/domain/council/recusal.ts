// Conflict of interest: which council members do not vote on a nomination, and why. A member is
// recused when they are the nominee (SELF), work in the nominated person's unit or in the nominated
// unit (SAME_UNIT), work in the unit directly above it when that unit is itself below the council's
// organisation (SUPERIOR: e.g. a district federation's chair on the provincial council voting on one
// of that district's grassroots unions), or declared a relation with the person or unit (DECLARED).
// Members working in the council's own organisation are not recused for being above every nominee:
// that is where every council member works.

export type RecusalReason = 'SELF' | 'SAME_UNIT' | 'SUPERIOR' | 'DECLARED';

export interface CouncilSeat {
  memberId: number;
  personId: number;
  /** Path of the member's current unit; null when the person has none. */
  orgPath: string | null;
  declared: { personId: number | null; orgId: number | null }[];
}

export interface NomineeInfo {
  personId: number | null;
  subjectOrgId: number | null;
  /** The person's unit, or the nominated unit. */
  unitId: number | null;
  /** Path of the person's unit, or of the nominated unit. */
  subjectPath: string;
  councilOrgPath: string;
}

/** "/1/5/23/" → "/1/5/"; the root has no parent. */
export function parentPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
}

export function recusalReason(seat: CouncilSeat, nominee: NomineeInfo): RecusalReason | null {
  if (nominee.personId !== null && seat.personId === nominee.personId) return 'SELF';
  if (seat.orgPath !== null) {
    const same = nominee.personId !== null ? seat.orgPath === nominee.subjectPath : seat.orgPath.startsWith(nominee.subjectPath);
    if (same) return 'SAME_UNIT';
    const parent = parentPath(nominee.subjectPath);
    if (parent !== null && seat.orgPath === parent && parent !== nominee.councilOrgPath && parent.startsWith(nominee.councilOrgPath)) return 'SUPERIOR';
  }
  const declared = seat.declared.some(
    (d) => (d.personId !== null && d.personId === nominee.personId) || (d.orgId !== null && (d.orgId === nominee.unitId || d.orgId === nominee.subjectOrgId)),
  );
  return declared ? 'DECLARED' : null;
}

export function recusals(seats: readonly CouncilSeat[], nominee: NomineeInfo): { memberId: number; reason: RecusalReason }[] {
  const out: { memberId: number; reason: RecusalReason }[] = [];
  for (const s of seats) {
    const reason = recusalReason(s, nominee);
    if (reason) out.push({ memberId: s.memberId, reason });
  }
  return out;
}

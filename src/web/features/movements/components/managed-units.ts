import type { Me } from '../../../../contracts/auth';

/** Roles that may launch movements for a unit (the server's MANAGE_ROLES). */
const MANAGE_ROLES = new Set(['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER']);

/** Units the user manages, each once: those a movement may be launched for. */
export function managedUnits(me: Me): { id: number; name: string }[] {
  const seen = new Set<number>();
  const out: { id: number; name: string }[] = [];
  for (const r of me.roles) {
    if (!MANAGE_ROLES.has(r.role) || seen.has(r.orgId)) continue;
    seen.add(r.orgId);
    out.push({ id: r.orgId, name: r.orgName });
  }
  return out;
}

// Cụm, khối thi đua: the head (cụm trưởng) and deputy (cụm phó) rotate among the member units each
// year in their rotation order; a unit that left the cluster is skipped.

export type ClusterRole = 'HEAD' | 'DEPUTY' | 'MEMBER';
export type ClusterLevel = 'UPPER' | 'PROVINCE' | 'CENTRAL';

export interface RotationMember {
  orgId: number;
  role: ClusterRole;
  rotationOrder: number;
  /** false for a unit that has left (ended, merged); it keeps its place only to find the next turn. */
  active?: boolean;
}

const byOrder = (a: RotationMember, b: RotationMember) => a.rotationOrder - b.rotationOrder || a.orgId - b.orgId;

/**
 * Next year's roles: the head passes to the next active unit after this year's head in rotation
 * order, the deputy to the one after that (both wrapping). Without a head this year, the first two
 * units take the roles. Units that left are dropped; one unit left alone is head without a deputy.
 */
export function rotate(members: readonly RotationMember[]): RotationMember[] {
  const ordered = [...members].sort(byOrder);
  const staying = ordered.filter((m) => m.active !== false);
  if (staying.length === 0) return [];
  const head = ordered.find((m) => m.role === 'HEAD');
  // First staying unit strictly after the current head (in the full order), wrapping to the start.
  let next = 0;
  if (head) {
    const after = staying.findIndex((m) => byOrder(m, head) > 0);
    next = after === -1 ? 0 : after;
  }
  const deputy = staying.length >= 2 ? (next + 1) % staying.length : -1;
  return staying.map((m, i) => ({ orgId: m.orgId, rotationOrder: m.rotationOrder, role: i === next ? 'HEAD' : i === deputy ? 'DEPUTY' : 'MEMBER' }));
}

/** Problems with a set of roles: more than one head or deputy, or duplicated units / rotation orders. */
export type RoleProblem =
  | { key: 'cluster.twoHeads' | 'cluster.twoDeputies' }
  | { key: 'cluster.duplicateMember'; orgId: number }
  | { key: 'cluster.duplicateOrder'; order: number };

export function roleProblems(members: readonly Pick<RotationMember, 'orgId' | 'role' | 'rotationOrder'>[]): RoleProblem[] {
  const out: RoleProblem[] = [];
  if (members.filter((m) => m.role === 'HEAD').length > 1) out.push({ key: 'cluster.twoHeads' });
  if (members.filter((m) => m.role === 'DEPUTY').length > 1) out.push({ key: 'cluster.twoDeputies' });
  const seen = new Set<number>();
  const orders = new Set<number>();
  for (const m of members) {
    if (seen.has(m.orgId)) out.push({ key: 'cluster.duplicateMember', orgId: m.orgId });
    if (orders.has(m.rotationOrder)) out.push({ key: 'cluster.duplicateOrder', order: m.rotationOrder });
    seen.add(m.orgId);
    orders.add(m.rotationOrder);
  }
  return out;
}

/**
 * Level of a cluster from the kind of its organiser, as the Cờ thi đua rules read it: the TLĐ's
 * clusters are CENTRAL (their leaders go to Cờ thi đua TLĐ, Luật 2022 Điều 26); those of a province
 * federation or a central sector union are PROVINCE (Cờ thi đua LĐLĐ tỉnh / CĐ ngành TW); those of a
 * district federation or another upper-level union are UPPER.
 */
export function defaultClusterLevel(organiserKind: string): ClusterLevel {
  if (organiserKind === 'TLD') return 'CENTRAL';
  if (organiserKind === 'LDLD_TINH' || organiserKind === 'CD_NGANH_TW') return 'PROVINCE';
  return 'UPPER';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Covenant signing date window: from 1 December of the year before to 31 December of the year. */
export function covenantWindow(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-01`, to: `${year}-12-31` };
}

/** Leader choosing window (bình xét, suy tôn at year end): the cluster year or the first quarter after. */
export function leaderWindow(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-03-31` };
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${pad(d)}/${pad(m)}/${y}`;
}

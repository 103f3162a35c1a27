// The one place that decides who may do what. Roles are granted on an organisation and cover its
// subtree (materialised paths: `/1/5/` covers `/1/5/23/`). Every route asks `can` or uses the
// scope helpers below to put the actor's subtree into its WHERE clause.
import type { Role } from '../../contracts/enums';
import type { AuthActor } from './actor';
import { notFound } from './errors';

export const READ_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'COUNCIL_MEMBER', 'CDCS_OFFICER', 'VIEWER'];
export const MANAGE_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER'];

export const covers = (ancestorPath: string, path: string) => path.startsWith(ancestorPath);
/** Strictly above: the actor's unit is an ancestor of, not the same as, the subject. */
export const coversStrictly = (ancestorPath: string, path: string) => path.length > ancestorPath.length && path.startsWith(ancestorPath);

/** Paths of the organisations on which the actor holds one of `roles`, without redundant descendants. */
export function scopePaths(actor: AuthActor, roles: readonly Role[]): string[] {
  const paths = actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.orgPath);
  return paths.filter((p) => !paths.some((q) => q !== p && covers(q, p))).sort();
}

function hasRoleCovering(actor: AuthActor, roles: readonly Role[], path: string, strict = false): boolean {
  return actor.roles.some((r) => roles.includes(r.role) && (strict ? coversStrictly(r.orgPath, path) : covers(r.orgPath, path)));
}
const isAdminOver = (actor: AuthActor, path: string) => hasRoleCovering(actor, ['SYSTEM_ADMIN'], path);

export interface OrgSubject {
  path: string;
  status: string;
}
export interface MemberSubject {
  id: number;
  orgPath: string | null;
  status: string;
}

export const orgPolicy = {
  read: (a: AuthActor, o: OrgSubject) =>
    hasRoleCovering(a, READ_ROLES, o.path) || a.roles.some((r) => r.role === 'MEMBER' && r.orgPath === o.path),
  /** Structural changes need a managing role above the unit (or administration of it). */
  manage: (a: AuthActor, o: OrgSubject) => o.status === 'ACTIVE' && (isAdminOver(a, o.path) || hasRoleCovering(a, MANAGE_ROLES, o.path, true)),
  createChild: (a: AuthActor, o: OrgSubject) => o.status === 'ACTIVE' && hasRoleCovering(a, MANAGE_ROLES, o.path),
  /** A unit may receive members, units or merges only from actors who manage it. */
  receive: (a: AuthActor, o: OrgSubject) => o.status === 'ACTIVE' && hasRoleCovering(a, MANAGE_ROLES, o.path),
  listMembers: (a: AuthActor, o: OrgSubject) => hasRoleCovering(a, READ_ROLES, o.path),
};

export function orgAbilities(a: AuthActor, o: OrgSubject): string[] {
  const out: string[] = [];
  if (orgPolicy.manage(a, o)) out.push('org.update', 'org.move', 'org.merge', 'org.end');
  if (orgPolicy.createChild(a, o)) out.push('org.createChild', 'member.create', 'member.import');
  if (orgPolicy.listMembers(a, o)) out.push('member.list');
  return out;
}

export const memberPolicy = {
  read: (a: AuthActor, m: MemberSubject) => a.personId === m.id || (m.orgPath !== null && hasRoleCovering(a, READ_ROLES, m.orgPath)),
  update: (a: AuthActor, m: MemberSubject) => m.orgPath !== null && hasRoleCovering(a, MANAGE_ROLES, m.orgPath),
  /** Personal data (CCCD, phone, email) only for those who maintain the record, and the person. */
  readPersonal: (a: AuthActor, m: MemberSubject) => a.personId === m.id || memberPolicy.update(a, m),
};

export function memberAbilities(a: AuthActor, m: MemberSubject): string[] {
  if (!memberPolicy.update(a, m)) return [];
  return m.status === 'ACTIVE' ? ['member.update', 'member.transfer', 'member.leave'] : ['member.update'];
}

export const userPolicy = {
  /** User administration: SYSTEM_ADMIN, and only for role assignments inside their subtree. */
  manageAny: (a: AuthActor) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN'),
  assignOn: (a: AuthActor, orgPath: string) => isAdminOver(a, orgPath),
};

export const auditPolicy = {
  readAny: (a: AuthActor) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN'),
};

export function globalAbilities(a: AuthActor): string[] {
  const out: string[] = [];
  if (userPolicy.manageAny(a)) out.push('users.manage');
  if (auditPolicy.readAny(a)) out.push('audit.read', 'mail.outbox');
  return out;
}

/** Out-of-scope data answers 404, exactly like missing data. */
export function ensure(allowed: boolean): void {
  if (!allowed) throw notFound();
}

import type { Me } from '../../../contracts/auth';
import type { AuthActor } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import { globalAbilities, READ_ROLES, scopePaths } from '../../lib/policy';

export function presentMe(_app: AppContext, actor: AuthActor): Me {
  const roots = scopePaths(actor, [...READ_ROLES, 'MEMBER']);
  const scopeRoots = roots.map((p) => actor.roles.find((r) => r.orgPath === p)!).map((r) => ({ id: r.orgId, name: r.orgName }));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    personId: actor.personId,
    roles: actor.roles.map((r) => ({ id: r.id, role: r.role, orgId: r.orgId, orgName: r.orgName })),
    scopeRoots,
    csrfToken: actor.csrfToken,
    abilities: globalAbilities(actor),
  };
}

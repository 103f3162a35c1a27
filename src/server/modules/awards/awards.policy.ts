// Who may change the award catalogue and the base salary: system administrators only. Everyone
// signed in may read them (they are the same for every unit).
import type { AuthActor } from '../../lib/actor';
import { AppError } from '../../lib/errors';

export const catalogPolicy = {
  manage: (a: AuthActor) => a.roles.some((r) => r.role === 'SYSTEM_ADMIN'),
};

export function catalogAbilities(a: AuthActor): string[] {
  return catalogPolicy.manage(a) ? ['award.update'] : [];
}

export function requireCatalogAdmin(a: AuthActor): void {
  if (!catalogPolicy.manage(a)) throw new AppError('FORBIDDEN', 'award.adminOnly');
}

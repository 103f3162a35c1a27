import type { Locale, Role } from '../../contracts/enums';

export interface RoleGrant {
  id: number;
  role: Role;
  orgId: number;
  orgPath: string;
  orgName: string;
}

/** The signed-in user as every policy and use case sees them. */
export interface AuthActor {
  userId: number;
  username: string;
  displayName: string;
  locale: Locale;
  personId: number | null;
  roles: RoleGrant[];
  csrfToken: string;
  sessionHash: string;
}

// Query keys shared across features so that a mutation in one place can refresh every list it affects
// (e.g. moving a member changes both member lists and organisation member counts).
export const queryKeys = {
  me: ['me'] as const,
  orgKinds: ['org-kinds'] as const,
  organisations: {
    all: ['organisations'] as const,
    detail: (id: number) => ['organisations', 'detail', id] as const,
    count: ['organisations', 'count'] as const,
    children: (id: number, includeInactive: boolean) => ['organisations', 'children', id, includeInactive] as const,
    search: (q: string, page: number, pageSize: number) => ['organisations', 'search', q, page, pageSize] as const,
  },
  members: {
    all: ['members'] as const,
    list: (filters: object) => ['members', 'list', filters] as const,
    count: ['members', 'count'] as const,
    detail: (id: number) => ['members', 'detail', id] as const,
  },
  imports: {
    detail: (id: number) => ['imports', id] as const,
  },
  users: {
    all: ['users'] as const,
    list: (filters: object) => ['users', 'list', filters] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (filters: object) => ['audit', 'list', filters] as const,
  },
};

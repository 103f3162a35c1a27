// Query keys of the records timelines. A record change also changes eligibility answers, so
// mutations refresh everything under `eligibility` too.
export const recordKeys = {
  all: ['records'] as const,
  member: (id: number, includeHistory: boolean) => ['records', 'member', id, includeHistory] as const,
  org: (id: number, includeHistory: boolean) => ['records', 'org', id, includeHistory] as const,
  /** Shared with the eligibility pages: the whole catalogue for pickers. */
  awardOptions: ['awards', 'options'] as const,
};

export const ELIGIBILITY_PREFIX = ['eligibility'] as const;

/** Whose records: a person (đoàn viên) or a unit (tập thể). */
export type RecordSubjectRef = { type: 'PERSON'; id: number } | { type: 'UNIT'; id: number };

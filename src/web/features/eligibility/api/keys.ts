// Query keys of the eligibility pages. Records and catalogue changes refresh every answer under
// `eligibility` (the records feature invalidates that prefix).
export const eligibilityKeys = {
  all: ['eligibility'] as const,
  batch: (params: object) => ['eligibility', 'batch', params] as const,
  member: (id: number, target: string, year: number) => ['eligibility', 'member', id, target, year] as const,
  facts: (id: number, year: number) => ['eligibility', 'facts', id, year] as const,
  rules: (date: string) => ['eligibility', 'rules', date] as const,
  parameters: ['eligibility', 'parameters'] as const,
  /** Shared with the catalogue pages: the whole catalogue, for pickers and the in-browser engine. */
  awardOptions: ['awards', 'options'] as const,
};

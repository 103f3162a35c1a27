// Query keys of the catalogue pages. Everything under `awards` (the eligibility pickers included)
// and every eligibility answer is refreshed after a catalogue change.
export const awardKeys = {
  all: ['awards'] as const,
  list: (filters: object) => ['awards', 'list', filters] as const,
  baseSalaries: ['base-salaries'] as const,
};

export const ELIGIBILITY_PREFIX = ['eligibility'] as const;

/** Query keys of the nominations feature: a change to one part refreshes the lists that show it. */
export const nominationKeys = {
  rounds: ['nomination-rounds'] as const,
  roundList: (filters: object) => ['nomination-rounds', 'list', filters] as const,
  round: (id: number) => ['nomination-rounds', 'detail', id] as const,
  nominations: ['nominations'] as const,
  nominationList: (filters: object) => ['nominations', 'list', filters] as const,
  nomination: (id: number) => ['nominations', 'detail', id] as const,
  whatIf: (roundId: number, orgId: number) => ['nominations', 'what-if', roundId, orgId] as const,
  submissions: ['submissions'] as const,
  submissionList: (filters: object) => ['submissions', 'list', filters] as const,
  submission: (id: number) => ['submissions', 'detail', id] as const,
};

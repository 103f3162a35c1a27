/** Query keys of the councils feature: a change to one part refreshes the lists that show it. */
export const councilKeys = {
  councils: ['councils'] as const,
  councilList: (filters: object) => ['councils', 'list', filters] as const,
  council: (id: number) => ['councils', 'detail', id] as const,
  waiting: (councilId: number, page: number) => ['councils', 'waiting', councilId, page] as const,
  meetings: ['council-meetings'] as const,
  meetingList: (filters: object) => ['council-meetings', 'list', filters] as const,
  meeting: (id: number) => ['council-meetings', 'detail', id] as const,
  items: (meetingId: number) => ['council-meetings', 'items', meetingId] as const,
  itemList: (meetingId: number, filters: object) => ['council-meetings', 'items', meetingId, filters] as const,
  verify: (meetingId: number) => ['council-meetings', 'verify', meetingId] as const,
};

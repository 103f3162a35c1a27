// Messages: Web pages of movements and the calendar.
export const webMovements = {
} as const;

// Dates as Vietnamese readers write them.

/** '2025-04-30' → '30/04/2025'. */
export const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

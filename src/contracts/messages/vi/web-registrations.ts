// Messages: Web pages of registrations.
export const webRegistrations = {
} as const;

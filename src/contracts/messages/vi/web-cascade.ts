// Messages: Web pages of the inbox, compliance table and outgoing register.
export const webCascade = {
} as const;

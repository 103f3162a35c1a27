// Messages: Emulation clusters and blocks (cụm, khối thi đua).
export const clusters = {
} as const;

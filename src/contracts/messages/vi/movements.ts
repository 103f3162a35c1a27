// Messages: Emulation movements (phong trào thi đua).
export const movements = {
} as const;

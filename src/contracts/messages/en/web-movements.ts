import type { webMovements as vi } from '../vi/web-movements';

export const webMovements: Record<keyof typeof vi, string> = {
};

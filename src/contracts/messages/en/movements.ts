import type { movements as vi } from '../vi/movements';

export const movements: Record<keyof typeof vi, string> = {
};

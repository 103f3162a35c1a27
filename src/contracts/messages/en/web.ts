import type { web as vi } from '../vi/web';
export const web: Record<keyof typeof vi, string> = {
};

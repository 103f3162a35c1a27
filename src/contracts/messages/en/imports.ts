import type { imports as vi } from '../vi/imports';
export const imports: Record<keyof typeof vi, string> = {
};

import type { registrations as vi } from '../vi/registrations';

export const registrations: Record<keyof typeof vi, string> = {
};

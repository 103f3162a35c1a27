import type { webRegistrations as vi } from '../vi/web-registrations';

export const webRegistrations: Record<keyof typeof vi, string> = {
};

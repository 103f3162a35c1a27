import type { webCascade as vi } from '../vi/web-cascade';

export const webCascade: Record<keyof typeof vi, string> = {
};

import type { clusters as vi } from '../vi/clusters';

export const clusters: Record<keyof typeof vi, string> = {
};

import type { webClusters as vi } from '../vi/web-clusters';

export const webClusters: Record<keyof typeof vi, string> = {
};

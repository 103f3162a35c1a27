// Messages: Web pages of clusters and blocks.
export const webClusters = {
} as const;

// Web texts of filters shared by several pages (components/ui/org-year-filter).
import type { webFilters as vi } from '../vi/web-filters';

export const webFilters: Record<keyof typeof vi, string> = {
  'web.filters.year': 'Year',
};

// Web texts of filters shared by several pages (components/ui/org-year-filter).
export const webFilters = {
  'web.filters.year': 'Năm',
} as const;

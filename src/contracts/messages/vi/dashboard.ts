// Server messages of the dashboard figures (issue 10).
export const dashboard = {
  'dashboard.share.NON_LEADER': 'Người lao động không giữ chức vụ lãnh đạo',
  'dashboard.share.DIRECT_WORKER': 'Công nhân lao động trực tiếp',
  'dashboard.share.WOMEN': 'Nữ',
} as const;

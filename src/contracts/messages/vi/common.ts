export const common = {
  'app.name': 'Vinh Danh',
  'app.tagline': 'Thi đua – khen thưởng trong tổ chức Công đoàn',
} as const;

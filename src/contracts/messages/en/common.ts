import type { common as vi } from '../vi/common';
export const common: Record<keyof typeof vi, string> = {
  'app.name': 'Vinh Danh',
  'app.tagline': 'Emulation and commendation in the trade union',
};

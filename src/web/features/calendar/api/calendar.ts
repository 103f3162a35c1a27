import { useQuery } from '@tanstack/react-query';
import type { CalendarDto } from '../../../../contracts/calendar';
import { api } from '../../../lib/api-client';

export function useCalendar(year: number, orgId?: number) {
  return useQuery({
    queryKey: ['calendar', year, orgId ?? null],
    queryFn: ({ signal }) => api.get<CalendarDto>('/calendar', { year, orgId }, signal),
  });
}

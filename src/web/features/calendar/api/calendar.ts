import { useQuery } from '@tanstack/react-query';
import type { CalendarDto } from '../../../../contracts/calendar';
import { api } from '../../../lib/api-client';

export function useCalendar(year: number) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => api.get<CalendarDto>('/calendar', { year }, signal),
  });
}

import { z } from 'zod';

/** `/lich?year=2024`. */
export const calendarSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type CalendarSearch = z.output<typeof calendarSearchSchema>;

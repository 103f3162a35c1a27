import { z } from 'zod';
import { CEREMONY_STATUSES } from '../../../../contracts/ceremonies';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/le-trao-tang?orgId=3&status=PLANNED&page=2`. */
export const ceremonySearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(CEREMONY_STATUSES),
  page: searchId,
});
export type CeremonySearch = z.output<typeof ceremonySearchSchema>;

/** `/le-trao-tang/:id?mode=attendance` opens the attendance mode (điểm danh). */
export const ceremonyPageSearchSchema = z.object({
  mode: searchEnum(['attendance'] as const),
});
export type CeremonyPageSearch = z.output<typeof ceremonyPageSearchSchema>;

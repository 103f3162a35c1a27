import { z } from 'zod';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '../../../../contracts/complaints';
import { searchBool, searchEnum, searchId } from '../../../lib/search-params';

/** `/khieu-nai?orgId=3&status=ACCEPTED&kind=DENUNCIATION&mine=true&page=2`. */
export const complaintSearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(COMPLAINT_STATUSES),
  kind: searchEnum(COMPLAINT_KINDS),
  /** "Của tôi": only those assigned to the reader. */
  mine: searchBool,
  page: searchId,
});
export type ComplaintSearch = z.output<typeof complaintSearchSchema>;

import { z } from 'zod';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '../../../../contracts/complaints';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/khieu-nai?orgId=3&status=ACCEPTED&kind=DENUNCIATION&page=2`. */
export const complaintSearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(COMPLAINT_STATUSES),
  kind: searchEnum(COMPLAINT_KINDS),
  page: searchId,
});
export type ComplaintSearch = z.output<typeof complaintSearchSchema>;

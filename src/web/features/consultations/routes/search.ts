import { z } from 'zod';
import { FEEDBACK_STATUSES } from '../../../../contracts/consultations';
import { searchEnum, searchId } from '../../../lib/search-params';

export const consultationListSearchSchema = z.object({ orgId: searchId, page: searchId });
export type ConsultationListSearch = z.output<typeof consultationListSearchSchema>;

export const consultationSearchSchema = z.object({ status: searchEnum(FEEDBACK_STATUSES), page: searchId });
export type ConsultationSearch = z.output<typeof consultationSearchSchema>;

export const publicConsultationSearchSchema = z.object({ page: searchId });

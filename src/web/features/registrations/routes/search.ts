import { z } from 'zod';
import { REGISTRATION_SUBJECTS, REVIEW_STATUSES } from '../../../../contracts/registrations';
import { LIMITS } from '../../../../contracts/limits';
import { searchEnum, searchId, searchText } from '../../../lib/search-params';

/** `/dang-ky?year=2026&reviewStatus=SUBMITTED&orgId=5&subject=PERSON&awardCode=LDTT&q=an&page=2`. */
export const registrationSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  orgId: searchId,
  movementId: searchId,
  reviewStatus: searchEnum(REVIEW_STATUSES),
  subject: searchEnum(REGISTRATION_SUBJECTS),
  awardCode: searchText(LIMITS.codeMax),
  q: searchText(LIMITS.nameMax),
  page: searchId,
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).optional().catch(undefined),
});
export type RegistrationSearch = z.output<typeof registrationSearchSchema>;

export function registrationListParams(s: RegistrationSearch) {
  return {
    year: s.year, orgId: s.orgId, movementId: s.movementId, reviewStatus: s.reviewStatus, subject: s.subject, awardCode: s.awardCode, q: s.q,
    page: s.page ?? 1, pageSize: s.pageSize ?? 25,
  };
}

/** `/dang-ky/moi?unitId=5&year=2026`. */
export const registrationFormSearchSchema = z.object({
  unitId: searchId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  movementId: searchId,
});
export type RegistrationFormSearch = z.output<typeof registrationFormSearchSchema>;

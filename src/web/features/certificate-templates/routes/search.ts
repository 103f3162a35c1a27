import { z } from 'zod';
import { CERTIFICATE_KINDS } from '../../../../contracts/certificate-templates';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/mau-giay-khen?orgId=3&kind=BANG_KHEN` (the user's own organisation and Giấy khen by default). */
export const certificateTemplateSearchSchema = z.object({
  orgId: searchId,
  kind: searchEnum(CERTIFICATE_KINDS),
});
export type CertificateTemplateSearch = z.output<typeof certificateTemplateSearchSchema>;

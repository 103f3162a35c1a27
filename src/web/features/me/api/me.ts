import { useQuery } from '@tanstack/react-query';
import type { MyAward, MyRecord } from '../../../../contracts/me';
import { api, downloadUrl } from '../../../lib/api-client';

export type { MyAward, MyRecord };

/** The logged-in member's own record (the proposals feature refreshes it after a proposal). */
export function useMyRecord() {
  return useQuery({
    queryKey: ['me', 'record'] as const,
    queryFn: ({ signal }) => api.get<MyRecord>('/me/record', undefined, signal),
  });
}

/** One certificate of the member's own awards, as a PDF the browser downloads. */
export const myCertificateUrl = (serial: string) => downloadUrl(`/me/certificates/${encodeURIComponent(serial)}.pdf`);

import { useQuery } from '@tanstack/react-query';
import { orgDetailQuery } from '../../../lib/org-lookups';

export { orgDetailQuery };

export function useOrg(id: number) {
  return useQuery(orgDetailQuery(id));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditItem } from '../../../../contracts/audit';
import { api, type Page } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { auditListParams } from '../routes/search';

export type AuditListParams = ReturnType<typeof auditListParams>;

export function listAudit(params: AuditListParams, signal?: AbortSignal): Promise<Page<AuditItem>> {
  return api.get<Page<AuditItem>>('/audit', params, signal);
}

export function auditQuery(params: AuditListParams) {
  return queryOptions({
    queryKey: queryKeys.audit.list(params),
    queryFn: ({ signal }) => listAudit(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(params: AuditListParams) {
  return useQuery(auditQuery(params));
}

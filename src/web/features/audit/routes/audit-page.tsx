import { Code, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import type { AuditItem } from '../../../../contracts/audit';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useAudit } from '../api/list-audit';
import { AuditFilters } from '../components/audit-filters';
import { JsonDiffView } from '../components/json-diff-view';
import { auditListParams, type AuditSearch } from './search';

const route = getRouteApi('/app/nhat-ky');

/** `/nhat-ky`: who changed what, when, on which unit. Needs `audit.read`. */
export function AuditPage() {
  const me = useMe();
  if (!hasAbility(me, 'audit.read')) return <Navigate to="/" replace />;
  return <AuditList />;
}

function AuditList() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = auditListParams(search);
  const list = useAudit(params);

  const update = (patch: Partial<AuditSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const columns: Column<AuditItem>[] = [
    { key: 'time', header: t('web.audit.field.time'), cell: (a) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.occurredAt, true)}</Text> },
    { key: 'actor', header: t('web.audit.field.actor'), cell: (a) => a.actorName ?? (a.actorId ? `#${a.actorId}` : t('web.common.system')) },
    { key: 'unit', header: t('web.audit.field.unit'), cell: (a) => a.orgName ?? '' },
    { key: 'action', header: t('web.audit.field.action'), primary: true, cell: (a) => <Code>{a.action}</Code> },
    { key: 'entity', header: t('web.audit.field.entity'), cell: (a) => (a.entityId ? `${a.entityType} #${a.entityId}` : a.entityType) },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.audit.title')}
        description={t('web.audit.description')}
        actions={<ExcelExportButton path="/audit/export.xlsx" filters={{ orgId: search.orgId, userId: search.userId, from: search.from, to: search.to, entityType: search.entityType }} size="md" testId="audit-export" />}
      />
      <Paper withBorder p="sm">
        <AuditFilters search={search} onChange={update} onClear={() => void navigate({ search: {}, replace: true })} />
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.audit.title')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(a) => a.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.audit.empty')}
          renderDetail={(a) => <JsonDiffView before={a.before} after={a.after} />}
          minWidth={760}
        />
        {list.data && (
          <PaginationBar
            total={list.data.total}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) })}
            onPageSizeChange={(pageSize) => void navigate({ search: (prev) => ({ ...prev, pageSize, page: undefined }), replace: true })}
          />
        )}
      </div>
    </Stack>
  );
}
